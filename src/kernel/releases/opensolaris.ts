import type { ReleaseCatalogue } from '../types';
import { COMPLETE, MODULES, MODULES_SOURCE } from './modules';
import { nddFor } from './ndd';
import { doTcpFusion, unreadMinRemoved } from './removed-fusion';
import { markBorrowed } from './tunable';
import { variablesFor } from './vars';

// OpenSolaris after CR 6826274 (2009): the count check is gone.
export const opensolaris = (): ReleaseCatalogue => ({
  id: 'opensolaris',
  uname: '5.11 snv_134',
  nddPersistence: 'ndd -set lasts until reboot; repeat it from an SMF method run at boot',
  variables: [doTcpFusion, unreadMinRemoved, ...markBorrowed(variablesFor('opensolaris'), /snv_|OpenSolaris|CR 6826274/, 'from the nearest source (illumos-gate or the Solaris 10 manual); snv_134 not read')],
  ndd: nddFor('opensolaris', { xmitHiwat: 49152, recvHiwat: 128000, maxBuf: 1048576 }),
  modules: MODULES.opensolaris,
  complete: COMPLETE,
  modulesSource: MODULES_SOURCE.opensolaris,
});
