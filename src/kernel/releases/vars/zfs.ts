import { PAGESIZE, PHYSMEM_PAGES, illumosGate, zfsManual, type Tunable } from '../tunable';

const ARC = 'usr/src/uts/common/fs/zfs/arc.c';
const GENERAL = 'ZFS Tunable Parameters';

// ZFS shipped in Solaris 10 6/06; the names and defaults moved on in OpenSolaris and
// again with the OpenZFS I/O scheduler in illumos.
export const zfs: readonly Tunable[] = [
  {
    name: 'zfs_arc_max', module: 'zfs', type: 'uint64_t', default: 0, units: 'bytes',
    description: 'Ceiling of the ARC cache; 0 lets ZFS choose (most of memory, less 1 GiB).',
    status: 'current', source: zfsManual(GENERAL, ARC),
  },
  {
    name: 'zfs_arc_min', module: 'zfs', type: 'uint64_t', default: 0, units: 'bytes',
    description: 'Floor the ARC is not shrunk below under memory pressure; 0 lets ZFS choose.',
    status: 'current', source: zfsManual(GENERAL, ARC),
  },
  {
    name: 'zfs_arc_meta_limit', module: 'zfs', type: 'uint64_t', default: 0, units: 'bytes',
    description: 'How much of the ARC metadata may take; 0 means a quarter of the ARC ceiling.',
    status: 'current', source: zfsManual(GENERAL, ARC),
  },
  {
    name: 'zfs_prefetch_disable', module: 'zfs', type: 'int', default: 0, range: [0, 1],
    description: 'Turn off file-level read-ahead (zfetch).',
    status: 'current', source: zfsManual(GENERAL),
    on: { illumos: { type: 'boolean_t', source: illumosGate('usr/src/uts/common/fs/zfs/dmu_zfetch.c') } },
  },
  {
    name: 'zfs_nocacheflush', module: 'zfs', type: 'int', default: 0, range: [0, 1],
    description: 'Stop asking disks to flush their write caches; only safe with battery-backed caches.',
    status: 'current', source: zfsManual(GENERAL),
    on: { illumos: { source: illumosGate('usr/src/uts/common/fs/zfs/vdev.c') } },
  },
  {
    name: 'zfs_vdev_max_pending', module: 'zfs', type: 'int', default: 35, units: 'I/Os',
    description: 'I/Os ZFS keeps queued at each disk at once.',
    status: 'current', source: zfsManual(GENERAL, 'usr/src/uts/common/fs/zfs/vdev_queue.c (2006)'),
    on: {
      opensolaris: { default: 10 },
      illumos: {
        status: 'removed', replacedBy: 'zfs:zfs_vdev_max_active and the per-class zfs_vdev_*_max_active',
        source: illumosGate('usr/src/uts/common/fs/zfs/vdev_queue.c'),
      },
    },
  },
  {
    name: 'zfs_vdev_max_active', module: 'zfs', type: 'uint32_t', default: 1000, units: 'I/Os',
    description: 'Most I/Os the ZFS scheduler keeps outstanding at one disk, over all classes.',
    status: 'current', source: illumosGate('usr/src/uts/common/fs/zfs/vdev_queue.c'),
    on: { s10: 'absent', opensolaris: 'absent' },
  },
  {
    name: 'zfs_dirty_data_max', module: 'zfs', type: 'uint64_t', default: Math.floor(PHYSMEM_PAGES * PAGESIZE / 10), units: 'bytes',
    description: 'Dirty data a pool may hold before writers are throttled: 10% of memory, at most 4 GiB.',
    status: 'current', source: illumosGate('usr/src/uts/common/fs/zfs/dsl_pool.c'),
    on: { s10: 'absent', opensolaris: 'absent' },
  },
  {
    name: 'zfs_txg_timeout', module: 'zfs', type: 'int', default: 30, units: 'seconds',
    description: 'Longest time between transaction group commits.',
    status: 'current', source: zfsManual(GENERAL),
    on: { illumos: { default: 5, source: illumosGate('usr/src/uts/common/fs/zfs/txg.c') } },
  },
  {
    name: 'zil_disable', module: 'zfs', type: 'int', default: 0, range: [0, 1],
    description: 'Turn off the intent log: synchronous writes are acknowledged before they are safe.',
    status: 'current', source: zfsManual(GENERAL),
    on: {
      illumos: {
        status: 'removed', replacedBy: 'the per-dataset property: zfs set sync=disabled',
        source: illumosGate('usr/src/uts/common/fs/zfs/zil.c'),
      },
    },
  },
  {
    name: 'zfs_recover', module: 'zfs', type: 'int', default: 0, range: [0, 1],
    description: 'Try to carry on past some pool damage that would otherwise panic; for recovery only.',
    status: 'current', source: zfsManual(GENERAL),
    on: { illumos: { type: 'boolean_t', source: illumosGate('usr/src/uts/common/fs/zfs/spa_misc.c') } },
  },
];
