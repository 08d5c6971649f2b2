import type { Dcmd } from './types';

// The /etc/system dcmds (issue 3): ::tunables, ::system, ::reboot, ::persist.
export const SYSTEM_DCMDS: readonly Dcmd[] = [];
