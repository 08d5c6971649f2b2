import type { Arch, ArchId } from './types';

// sun4v: SPARC, 8 KiB base pages, big-endian. i86pc: x86, 4 KiB pages, little-endian.
export const ARCHES: Record<ArchId, Arch> = {
  sun4v: { id: 'sun4v', pageSize: 8192, littleEndian: false },
  i86pc: { id: 'i86pc', pageSize: 4096, littleEndian: true },
};
