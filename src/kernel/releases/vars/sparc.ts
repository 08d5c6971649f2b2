import { manual, type Tunable } from '../tunable';

// SPARC only: the SPARC counterpart of segmapsize, as a share of memory.
export const sparc: readonly Tunable[] = [
  {
    name: 'segmap_percent', module: 'unix', type: 'uint_t', default: 12, range: [0, 100], units: '%', arch: 'sun4v',
    description: 'Share of memory the file-page mapping segment (segmap) may map (SPARC).',
    status: 'current', source: manual(2, 'General Kernel and Memory Parameters', 'usr/src/uts/sun4/os/startup.c'),
  },
];
