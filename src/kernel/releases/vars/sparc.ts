import { manual, illumosGate, type Tunable } from '../tunable';

// SPARC only: the SPARC counterpart of segmapsize, as a share of memory.
export const sparc: readonly Tunable[] = [
  {
    name: 'segmap_percent', module: 'unix', type: 'uint_t', default: 6, range: [0, 100], units: '%', arch: 'sun4v',
    description: 'Share of memory the file-page mapping segment (segmap) may map (SPARC).',
    status: 'current', source: illumosGate('usr/src/uts/sun4/os/startup.c'),
    on: { s10: { default: 12, source: manual(2, 'General Kernel and Memory Parameters'), uncertain: 'older startup.c had 12; which Solaris 10 update changed it is not known' } },
  },
];
