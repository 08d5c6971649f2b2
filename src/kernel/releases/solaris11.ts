import type { ReleaseCatalogue } from '../types';
import { COMPLETE, MODULES_SOURCE, modulesOf } from './modules';
import { nddFor, withNddOnDemand } from './ndd';
import { withIpadm } from './ndd/ipadm';
import { doTcpFusion, unreadMinRemoved } from './removed-fusion';
import { markBorrowed } from './tunable';
import { variablesFor } from './vars';

// Oracle Solaris 11.4. Fusion counts bytes only, as in OpenSolaris after
// CR 6826274. TCP/IP is tuned with ipadm set-prop (public names, or the private
// _names of the old ndd parameters); ndd still answers for the private ones.
// The variables are those of the Solaris 10 facts unless the 11.x manuals say
// otherwise (see each row's source and uncertain fields). The TCP buffer
// defaults are those of Oracle's 11.2 manual, 'TCP Tunable Parameters' (send_buf
// 49152, recv_buf 128000, max_buf 1048576; assumed unchanged in 11.4); the
// other ndd defaults follow Solaris 10's table.
export const solaris11 = (): ReleaseCatalogue => withNddOnDemand({
  id: 'solaris11',
  uname: '5.11 11.4.0.15.0',
  nddPersistence: 'ndd -set lasts until reboot; ipadm set-prop keeps a setting (send_buf for tcp_xmit_hiwat, recv_buf for tcp_recv_hiwat, max_buf for tcp_max_buf: ipadm set-prop -p send_buf=65536 tcp)',
  variables: [doTcpFusion, unreadMinRemoved, ...markBorrowed(variablesFor('solaris11'), /Oracle Solaris 11/, 'from the Solaris 10 manual or illumos-gate; not in an Oracle Solaris 11 manual read')],
  ipadm: true,
  modules: modulesOf('solaris11'),
  complete: COMPLETE,
  modulesSource: MODULES_SOURCE.solaris11,
}, () => withIpadm(nddFor('solaris11', { xmitHiwat: 49152, recvHiwat: 128000, maxBuf: 1048576 })));
