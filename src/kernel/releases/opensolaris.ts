import type { ReleaseCatalogue } from '../types';
import { doTcpFusion, unreadMinRemoved } from './removed-fusion';
import { tcpNdd } from './tcp-ndd';

// OpenSolaris after CR 6826274 (2009): the count check is gone.
export const opensolaris: ReleaseCatalogue = {
  id: 'opensolaris',
  uname: '5.11 snv_134',
  nddPersistence: 'an SMF method that runs ndd -set at boot',
  variables: [doTcpFusion, unreadMinRemoved],
  ndd: tcpNdd({ xmitHiwat: 49152, recvHiwat: 128000, maxBuf: 1048576 }),
};
