import type { ReleaseCatalogue } from '../types';
import { COMPLETE, MODULES_SOURCE, modulesOf } from './modules';
import { nddFor, withNddOnDemand } from './ndd';
import { markBorrowed } from './tunable';
import { variablesFor } from './vars';

// Solaris 10 6/06: the first release with TCP Fusion (tcp_fusion.c, tcp.c of that era).
// The fusion entries come first so their addresses stay where the model put them.
export const s10 = (): ReleaseCatalogue => withNddOnDemand({
  id: 's10',
  uname: '5.10 Generic_118833-17',
  nddPersistence: 'ndd -set lasts until reboot; repeat it from a boot script (/etc/rc2.d or an SMF method)',
  variables: [
    {
      name: 'do_tcp_fusion', module: 'ip', type: 'boolean_t', default: 1, range: [0, 1],
      description: 'Fuse TCP endpoints on the same host so data skips the protocol stack.',
      status: 'current', source: 'tcp_fusion.c (Solaris 10 6/06)',
    },
    {
      name: 'do_tcp_direct_sockfs', module: 'ip', type: 'boolean_t', default: 1, range: [0, 1],
      description: 'Let fused sockets use synchronous streams (direct sockfs reads).',
      status: 'current', source: 'tcp_fusion.c (Solaris 10 6/06)',
    },
    {
      name: 'tcp_fusion_rcv_unread_min', module: 'ip', type: 'uint_t', default: 8,
      range: [0, 0xffffffff], units: 'writes',
      description: 'Floor of the count of unread writes a fused receiver may hold; 0 turns the count check off.',
      status: 'current', source: 'tcp_fusion.c (Solaris 10 6/06), CR 4821256',
    },
    ...markBorrowed(variablesFor('s10'), /Solaris Tunable Parameters Reference Manual|Solaris 10/, 'read in illumos source; assumed the same in Solaris 10 6/06'),
  ],
  modules: modulesOf('s10'),
  complete: COMPLETE,
  modulesSource: MODULES_SOURCE.s10,
}, () => nddFor('s10', { xmitHiwat: 49152, recvHiwat: 49152, maxBuf: 1048576 }));
