// The zfs module's arc_stats kstat, in declaration order (illumos-gate
// usr/src/uts/common/fs/zfs/arc.c, 2014), and the names the zfs mdb module's
// ::arc prints as byte counts (usr/src/cmd/mdb/common/modules/zfs/zfs.c).
// One list for every release the model knows (see docs/machine.md).

export const ARC_STATS: readonly string[] = [
  'hits', 'misses', 'demand_data_hits', 'demand_data_misses', 'demand_metadata_hits', 'demand_metadata_misses',
  'prefetch_data_hits', 'prefetch_data_misses', 'prefetch_metadata_hits', 'prefetch_metadata_misses',
  'mru_hits', 'mru_ghost_hits', 'mfu_hits', 'mfu_ghost_hits', 'deleted', 'recycle_miss', 'mutex_miss', 'evict_skip',
  'evict_l2_cached', 'evict_l2_eligible', 'evict_l2_ineligible',
  'hash_elements', 'hash_elements_max', 'hash_collisions', 'hash_chains', 'hash_chain_max',
  'p', 'c', 'c_min', 'c_max', 'size', 'hdr_size', 'data_size', 'other_size',
  'l2_hits', 'l2_misses', 'l2_feeds', 'l2_rw_clash', 'l2_read_bytes', 'l2_write_bytes', 'l2_writes_sent',
  'l2_writes_done', 'l2_writes_error', 'l2_writes_hdr_miss', 'l2_evict_lock_retry', 'l2_evict_reading',
  'l2_free_on_write', 'l2_abort_lowmem', 'l2_cksum_bad', 'l2_io_error', 'l2_size', 'l2_asize', 'l2_hdr_size',
  'l2_compress_successes', 'l2_compress_zeros', 'l2_compress_failures', 'memory_throttle_count',
  'duplicate_buffers', 'duplicate_buffers_size', 'duplicate_reads',
  'arc_meta_used', 'arc_meta_limit', 'arc_meta_max', 'arc_meta_min',
];

const BYTE_STATS: ReadonlySet<string> = new Set([
  'p', 'c', 'c_min', 'c_max', 'size', 'duplicate_buffers_size', 'arc_meta_used', 'arc_meta_limit', 'arc_meta_max',
  'arc_meta_min', 'hdr_size', 'data_size', 'metadata_size', 'other_size', 'anon_size', 'anon_evictable_data',
  'anon_evictable_metadata', 'mru_size', 'mru_evictable_data', 'mru_evictable_metadata', 'mru_ghost_size',
  'mru_ghost_evictable_data', 'mru_ghost_evictable_metadata', 'mfu_size', 'mfu_evictable_data', 'mfu_evictable_metadata',
  'mfu_ghost_size', 'mfu_ghost_evictable_data', 'mfu_ghost_evictable_metadata', 'evict_l2_cached',
  'evict_l2_eligible', 'evict_l2_ineligible', 'l2_read_bytes', 'l2_write_bytes', 'l2_size', 'l2_asize', 'l2_hdr_size',
  'compressed_size', 'uncompressed_size', 'overhead_size',
]);

export const isByteStat = (name: string): boolean => BYTE_STATS.has(name);

/** Printed after the kstat: arc_no_grow (an int) and arc_tempreserve (a uint64_t). */
export const ARC_EXTRAS: readonly { name: string; size: 4 | 8 }[] = [
  { name: 'arc_no_grow', size: 4 },
  { name: 'arc_tempreserve', size: 8 },
];
