import { PAGESIZE, PHYSMEM_PAGES, absentOn, illumosGate, s11Manual, zfsManual, type Tunable } from '../tunable';

const ARC = 'usr/src/uts/common/fs/zfs/arc.c';
const GENERAL = 'ZFS Tunable Parameters';
// illumos 4045 "zfs write throttle & i/o scheduler performance work" (August 2013)
// replaced the old queue depth and sync-time knobs with the OpenZFS I/O scheduler.
const OPENZFS_SCHEDULER = 'illumos 4045, August 2013 (the OpenZFS write throttle and I/O scheduler)';

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
      solaris11: { default: 10, range: [0, 0x7fffffff], source: s11Manual('zfs_vdev_max_pending', '11.1') },
      illumos: {
        status: 'removed', replacedBy: 'zfs:zfs_vdev_max_active and the per-class zfs_vdev_*_max_active',
        since: OPENZFS_SCHEDULER, source: illumosGate('usr/src/uts/common/fs/zfs/vdev_queue.c'),
      },
    },
  },
  {
    name: 'zfs_vdev_max_active', module: 'zfs', type: 'uint32_t', default: 1000, units: 'I/Os',
    description: 'Most I/Os the ZFS scheduler keeps outstanding at one disk, over all classes.',
    status: 'current', source: illumosGate('usr/src/uts/common/fs/zfs/vdev_queue.c'),
    on: absentOn('s10', 'opensolaris', 'solaris11'),
  },
  {
    name: 'zfs_dirty_data_max', module: 'zfs', type: 'uint64_t', default: Math.floor(PHYSMEM_PAGES * PAGESIZE / 10), units: 'bytes',
    description: 'Dirty data a pool may hold before writers are throttled: 10% of memory, at most 4 GiB.',
    status: 'current', source: illumosGate('usr/src/uts/common/fs/zfs/dsl_pool.c'),
    on: absentOn('s10', 'opensolaris', 'solaris11'),
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
        since: 'ON build 140 (2010), PSARC 2010/108', source: illumosGate('usr/src/uts/common/fs/zfs/zil.c'),
      },
      solaris11: {
        status: 'removed', replacedBy: 'the per-dataset property: zfs set sync=disabled',
        since: 'ON build 140 (2010), PSARC 2010/108', source: s11Manual('ZFS Tunable Parameters', '11.1'),
        uncertain: 'the 11.x manuals no longer list it',
      },
    },
  },
  {
    name: 'zfs_recover', module: 'zfs', type: 'int', default: 0, range: [0, 1],
    description: 'Try to carry on past some pool damage that would otherwise panic; for recovery only.',
    status: 'current', source: zfsManual(GENERAL),
    on: { illumos: { type: 'boolean_t', source: illumosGate('usr/src/uts/common/fs/zfs/spa_misc.c') } },
  },
  {
    name: 'zfs_txg_synctime_ms', module: 'zfs', type: 'int', default: 1000, units: 'ms',
    description: 'Target time for writing out one transaction group (the old write throttle).',
    status: 'current', source: illumosGate('usr/src/uts/common/fs/zfs/dsl_pool.c (before 4045)'),
    uncertain: 'the release it appeared in and its first default',
    on: {
      s10: 'absent', solaris11: 'absent',
      illumos: {
        status: 'removed', since: OPENZFS_SCHEDULER,
        replacedBy: 'the write throttle works from dirty data now: tune zfs:zfs_dirty_data_max and zfs:zfs_txg_timeout',
      },
    },
  },
  {
    name: 'user_reserve_hint_pct', module: 'genunix', type: 'uint64_t', default: 0, range: [0, 99], units: '%',
    description: 'Memory to keep for applications, as a share of memory; caps the ARC as it grows.',
    status: 'current', source: s11Manual('user_reserve_hint_pct', '11.3'),
    uncertain: 'the manual lists it with ZFS but names no module; it is set without a prefix (set user_reserve_hint_pct=80) ' +
      'as Oracle\'s set_user_reserve.sh output and configuration modules write it, so it is taken as kernel proper; ' +
      'read in the 11.2 and 11.3 manuals, assumed unchanged in 11.4',
    on: absentOn('s10', 'opensolaris', 'illumos'),
  },
];
