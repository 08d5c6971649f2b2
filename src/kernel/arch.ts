import type { Arch, ArchId } from './types';

// sun4v: SPARC, 8 KiB base pages, big-endian. i86pc: x86, 4 KiB pages, little-endian.
// The sun4v model machine is a Sun Fire T2000 (platform SUNW,Sun-Fire-T200), the
// sun4v server of the Solaris 10 6/06 days; an i86pc kernel's platform is i86pc.
export const ARCHES: Record<ArchId, Arch> = {
  sun4v: { id: 'sun4v', pageSize: 8192, littleEndian: false, platform: 'SUNW,Sun-Fire-T200', isa: 'sparcv9' },
  i86pc: { id: 'i86pc', pageSize: 4096, littleEndian: true, platform: 'i86pc', isa: 'amd64' },
};
