import type { Dcmd } from './types';

// The fusion dcmds (issue 4): filled in by the engine's session commands.
export const FUSION_DCMDS: readonly Dcmd[] = [];
