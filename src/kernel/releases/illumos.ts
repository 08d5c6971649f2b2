import type { ReleaseCatalogue } from '../types';
import { doTcpFusion, unreadMinRemoved } from './removed-fusion';
import { tcpNdd } from './tcp-ndd';

// illumos today: fusion counts bytes only.
export const illumos: ReleaseCatalogue = {
  id: 'illumos',
  uname: '5.11 illumos-2c9d3ef3',
  nddPersistence: 'ipadm set-prop (persistent by default) instead of ndd',
  variables: [doTcpFusion, unreadMinRemoved],
  ndd: tcpNdd({ xmitHiwat: 128000, recvHiwat: 1048576, maxBuf: 1048576 }),
};
