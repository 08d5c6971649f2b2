import type { ReleaseCatalogue } from '../types';
import { MODULES } from './modules';
import { nddFor } from './ndd';
import { doTcpFusion, unreadMinRemoved } from './removed-fusion';
import { variablesFor } from './vars';

// illumos today: fusion counts bytes only.
export const illumos = (): ReleaseCatalogue => ({
  id: 'illumos',
  uname: '5.11 illumos-2c9d3ef3',
  nddPersistence: 'ipadm set-prop -p NAME=VALUE PROTO (persistent by default); ndd -set lasts until reboot',
  variables: [doTcpFusion, unreadMinRemoved, ...variablesFor('illumos')],
  ndd: nddFor('illumos', { xmitHiwat: 128000, recvHiwat: 1048576, maxBuf: 1048576 }),
  modules: MODULES.illumos,
});
