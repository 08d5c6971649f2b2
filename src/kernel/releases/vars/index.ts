import type { ReleaseId, VariableEntry } from '../../types';
import { forRelease, type Tunable } from '../tunable';
import { boot } from './boot';
import { drivers } from './drivers';
import { crash } from './crash';
import { fs } from './fs';
import { general } from './general';
import { sysvipc } from './ipc';
import { misc } from './misc';
import { nfs } from './nfs';
import { paging } from './paging';
import { storage } from './storage';
import { tcpip } from './tcpip';
import { sparc } from './sparc';
import { x86 } from './x86';
import { zfs } from './zfs';
import { zfsThrottle } from './zfs-throttle';

/** Every shared tunable, by area; the order is the symbol order after the fusion entries. */
export const TUNABLES: readonly Tunable[] = [
  ...general, ...paging, ...fs, ...nfs, ...zfs, ...drivers, ...sysvipc, ...tcpip,
  ...x86, ...sparc, ...crash, ...storage,
  ...boot,
  ...zfsThrottle, ...misc,
];

/** The catalogue variables of a release beyond the fusion ones its own file lists first. */
export function variablesFor(id: ReleaseId): VariableEntry[] {
  return forRelease<VariableEntry>(TUNABLES, id);
}
