import { absentOn, illumosGate, type Tunable } from '../tunable';

const QUEUE = 'usr/src/uts/common/fs/zfs/vdev_queue.c';
const POOL = 'usr/src/uts/common/fs/zfs/dsl_pool.c';
const ARC = 'usr/src/uts/common/fs/zfs/arc.c';
const MIB = 1024 * 1024;
// The OpenZFS I/O scheduler and write throttle (illumos 4045, 2013): illumos only.
const OPENZFS = absentOn('s10', 'opensolaris', 'solaris11');
// L2ARC (cache devices) arrived in Nevada build 79, after Solaris 10 6/06.
const L2ARC = absentOn('s10');

type Row = Omit<Tunable, 'module' | 'status' | 'source' | 'on'>;
const zfs = (source: string, on: Tunable['on']) => (row: Row): Tunable => ({ ...row, module: 'zfs', status: 'current', source: illumosGate(source), on });

function queueClass(klass: string, what: string, min: number, max: number): Tunable[] {
  const row = zfs(QUEUE, OPENZFS);
  return [
    row({ name: `zfs_vdev_${klass}_min_active`, type: 'uint32_t', default: min, units: 'I/Os', description: `I/Os of the ${what} class always allowed at each disk.` }),
    row({ name: `zfs_vdev_${klass}_max_active`, type: 'uint32_t', default: max, units: 'I/Os', description: `Most I/Os of the ${what} class outstanding at each disk.` }),
  ];
}

const QUEUE_ROWS: readonly Row[] = [
  { name: 'zfs_vdev_async_write_active_min_dirty_percent', type: 'int', default: 30, range: [0, 100], units: '%',
    description: 'Dirty data, as a share of zfs_dirty_data_max, below which async writes run at their minimum.' },
  { name: 'zfs_vdev_async_write_active_max_dirty_percent', type: 'int', default: 60, range: [0, 100], units: '%',
    description: 'Dirty data, as a share of zfs_dirty_data_max, above which async writes run at their maximum.' },
  { name: 'zfs_vdev_aggregation_limit', type: 'int', default: MIB, units: 'bytes',
    description: 'Largest I/O that adjacent small I/Os are merged into.' },
  { name: 'zfs_vdev_read_gap_limit', type: 'int', default: 32 * 1024, units: 'bytes',
    description: 'Gap between two reads that aggregation may read through.' },
  { name: 'zfs_vdev_write_gap_limit', type: 'int', default: 4 * 1024, units: 'bytes',
    description: 'Gap between two writes that aggregation may fill.' },
];

const POOL_ROWS: readonly Row[] = [
  { name: 'zfs_dirty_data_max_max', type: 'uint64_t', default: 4 * 1024 * MIB, units: 'bytes',
    description: 'Ceiling of the computed zfs_dirty_data_max.' },
  { name: 'zfs_dirty_data_max_percent', type: 'int', default: 10, range: [0, 100], units: '%',
    description: 'zfs_dirty_data_max as a share of memory, when it is not set.' },
  { name: 'zfs_dirty_data_sync', type: 'uint64_t', default: 64 * MIB, units: 'bytes',
    description: 'Dirty data that starts a transaction group sync before its timeout.' },
  { name: 'zfs_delay_min_dirty_percent', type: 'int', default: 60, range: [0, 100], units: '%',
    description: 'Dirty data, as a share of zfs_dirty_data_max, at which writers start to be delayed.' },
  { name: 'zfs_delay_scale', type: 'uint64_t', default: 500_000, units: 'ns',
    description: 'How steeply the write delay grows with dirty data: about 1e9 over the pool\'s IOPS.' },
];

const L2ARC_ROWS: readonly Row[] = [
  { name: 'l2arc_write_max', type: 'uint64_t', default: 8 * MIB, units: 'bytes',
    description: 'Most data written to each cache device per feed interval.' },
  { name: 'l2arc_write_boost', type: 'uint64_t', default: 8 * MIB, units: 'bytes',
    description: 'Extra data written per interval while the cache device warms up.' },
  { name: 'l2arc_headroom', type: 'uint64_t', default: 2,
    description: 'How far past l2arc_write_max the feed scans the ARC lists, in multiples of it.' },
  { name: 'l2arc_feed_secs', type: 'uint64_t', default: 1, units: 'seconds',
    description: 'Interval of the cache device feed thread.' },
  { name: 'l2arc_noprefetch', type: 'boolean_t', default: 1, range: [0, 1],
    description: 'Keep prefetched (streaming) buffers off the cache devices.' },
];

// ZFS's I/O scheduler, write throttle and L2ARC: what tuned illumos storage
// servers set, with the defaults of the source files named.
export const zfsThrottle: readonly Tunable[] = [
  ...queueClass('sync_read', 'synchronous read', 10, 10),
  ...queueClass('sync_write', 'synchronous write', 10, 10),
  ...queueClass('async_read', 'asynchronous read (prefetch)', 1, 3),
  ...queueClass('async_write', 'asynchronous write (txg sync)', 1, 10),
  ...queueClass('scrub', 'scrub and resilver', 1, 2),
  ...QUEUE_ROWS.map(zfs(QUEUE, OPENZFS)),
  ...POOL_ROWS.map(zfs(POOL, OPENZFS)),
  ...L2ARC_ROWS.map(zfs(ARC, { ...L2ARC, opensolaris: { uncertain: 'values of the later arc.c; early Nevada had headroom 4' } })),
];
