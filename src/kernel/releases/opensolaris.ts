import type { ReleaseCatalogue } from '../types';
import { COMPLETE, MODULES_SOURCE, modulesOf } from './modules';
import { nddFor, withNddOnDemand } from './ndd';
import { doTcpFusion, unreadMinRemoved } from './removed-fusion';
import { markBorrowed } from './tunable';
import { variablesFor } from './vars';

// OpenSolaris after CR 6826274 (2009): the count check is gone.
export const opensolaris = (): ReleaseCatalogue => withNddOnDemand({
  id: 'opensolaris',
  uname: '5.11 snv_134',
  nddPersistence: 'ndd -set lasts until reboot; repeat it from an SMF method run at boot',
  variables: [doTcpFusion, unreadMinRemoved, ...markBorrowed(variablesFor('opensolaris'), /snv_|OpenSolaris|CR 6826274/, 'from the nearest source (illumos-gate or the Solaris 10 manual); snv_134 not read')],
  modules: modulesOf('opensolaris'),
  complete: COMPLETE,
  modulesSource: MODULES_SOURCE.opensolaris,
}, () => nddFor('opensolaris', { xmitHiwat: 49152, recvHiwat: 128000, maxBuf: 1048576 }));
