import { MAX_NPROCS, MAXINT, MAXUINT, MAXUSERS, NCSIZE, PHYSMEM_PAGES, PAGESIZE, manual, type Tunable } from '../tunable';

const FS = 'General File System Parameters';
const UFS = 'UFS Parameters';
const TMPFS = 'TMPFS Parameters';

// Directory name lookup cache, UFS and TMPFS. ncsize, ufs_ninode and ndquot are
// worked out at boot from maxusers and max_nprocs; the values are those of the model.
export const fs: readonly Tunable[] = [
  {
    name: 'ncsize', module: 'genunix', type: 'int', default: NCSIZE, range: [0, MAXINT], units: 'entries',
    description: 'Entries in the name lookup cache (DNLC): 4 * (max_nprocs + maxusers) + 320.',
    status: 'current', source: manual(2, FS),
  },
  {
    name: 'rstchown', module: 'genunix', type: 'int', default: 1, range: [0, 1],
    description: 'POSIX chown restriction: only root may give a file away; 0 lets owners do it.',
    status: 'current', source: manual(2, FS, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'dnlc_dir_enable', module: 'genunix', type: 'int', default: 1, range: [0, 1],
    description: 'Cache whole large directories in the DNLC so lookups in them do not scan.',
    status: 'current', source: manual(2, FS),
  },
  {
    name: 'dnlc_dir_min_size', module: 'genunix', type: 'uint_t', default: 40, range: [0, MAXUINT], units: 'entries',
    description: 'Directories with fewer entries than this are not cached whole.',
    status: 'current', source: manual(2, FS),
  },
  {
    name: 'dnlc_dir_max_size', module: 'genunix', type: 'uint_t', default: MAXUINT, range: [0, MAXUINT], units: 'entries',
    description: 'Directories with more entries than this are not cached whole (no limit by default).',
    status: 'current', source: manual(2, FS),
  },
  {
    name: 'bufhwm', module: 'genunix', type: 'int', default: 0, range: [0, MAXINT], units: 'KiB',
    description: 'Ceiling of the metadata buffer cache; 0 means bufhwm_pct of memory.',
    status: 'current', source: manual(2, UFS, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'bufhwm_pct', module: 'genunix', type: 'int', default: 0, range: [0, 20], units: '%',
    description: 'Buffer cache ceiling as a share of memory; 0 means the built-in 2%.',
    status: 'current', source: manual(2, UFS, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'ndquot', module: 'genunix', type: 'int', default: (MAXUSERS * 40) / 4 + MAX_NPROCS, range: [0, MAXINT], units: 'entries',
    description: 'Size of the UFS disk quota table: maxusers * 10 + max_nprocs.',
    status: 'current', source: manual(2, UFS, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'ufs_ninode', module: 'genunix', type: 'int', default: NCSIZE, range: [0, MAXINT], units: 'inodes',
    description: 'UFS inodes kept in memory; follows ncsize unless set.',
    status: 'current', source: manual(2, UFS, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'ufs_WRITES', module: 'ufs', type: 'int', default: 1, range: [0, 1],
    description: 'Throttle writers per file once ufs_HW bytes are pending.',
    status: 'current', source: manual(2, UFS, 'usr/src/uts/common/fs/ufs/ufs_inode.c'),
  },
  {
    name: 'ufs_LW', module: 'ufs', type: 'int', default: 8 * 1024 * 1024, range: [0, MAXINT], units: 'bytes',
    description: 'Pending write bytes per file below which throttled writers resume.',
    status: 'current', source: manual(2, UFS, 'usr/src/uts/common/fs/ufs/ufs_inode.c'),
  },
  {
    name: 'ufs_HW', module: 'ufs', type: 'int', default: 16 * 1024 * 1024, range: [0, MAXINT], units: 'bytes',
    description: 'Pending write bytes per file at which further writers are made to wait.',
    status: 'current', source: manual(2, UFS, 'usr/src/uts/common/fs/ufs/ufs_inode.c'),
  },
  {
    name: 'freebehind', module: 'ufs', type: 'int', default: 1, range: [0, 1],
    description: 'Free pages of large sequential reads early so they do not flood the page cache.',
    status: 'current', source: manual(2, UFS),
  },
  {
    name: 'smallfile', module: 'ufs', type: 'int', default: 32768, range: [0, MAXINT], units: 'bytes',
    description: 'Files at most this big are never treated as large sequential reads by freebehind.',
    status: 'current', source: manual(2, UFS),
  },
  {
    name: 'tmpfs_maxkmem', module: 'tmpfs', type: 'ulong_t', default: Math.floor(PHYSMEM_PAGES * PAGESIZE * 0.04), units: 'bytes',
    description: 'Kernel memory TMPFS may use for its own structures: 4% of memory or one page.',
    status: 'current', source: manual(2, TMPFS),
  },
  {
    name: 'tmpfs_minfree', module: 'tmpfs', type: 'pgcnt_t', default: 256, units: 'pages',
    description: 'Swap TMPFS leaves for the rest of the system when files grow.',
    status: 'current', source: manual(2, TMPFS),
  },
];
