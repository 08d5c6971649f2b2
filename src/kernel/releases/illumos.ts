import type { ReleaseCatalogue } from '../types';
import { COMPLETE, MODULES_SOURCE, modulesOf } from './modules';
import { nddFor, withNddOnDemand } from './ndd';
import { withIpadm } from './ndd/ipadm';
import { doTcpFusion, unreadMinRemoved } from './removed-fusion';
import { markBorrowed } from './tunable';
import { variablesFor } from './vars';

// illumos today: fusion counts bytes only.
export const illumos = (): ReleaseCatalogue => withNddOnDemand({
  id: 'illumos',
  uname: '5.11 illumos-2c9d3ef3',
  nddPersistence: 'ndd -set lasts until reboot; ipadm set-prop keeps a setting (send_buf for tcp_xmit_hiwat, recv_buf for tcp_recv_hiwat, max_buf for tcp_max_buf: ipadm set-prop -p send_buf=65536 tcp)',
  variables: [doTcpFusion, unreadMinRemoved, ...markBorrowed(variablesFor('illumos'), /illumos-gate/, 'from the Solaris 10 manual; illumos assumed the same')],
  ipadm: true,
  modules: modulesOf('illumos'),
  complete: COMPLETE,
  modulesSource: MODULES_SOURCE.illumos,
}, () => withIpadm(nddFor('illumos', { xmitHiwat: 128000, recvHiwat: 1048576, maxBuf: 1048576 })));
