// fs/zfs/arc.c arc_init(): the ARC's target sizes, from memory and the zfs
// module's variables (applied when zfs loads, before _init). zfs_arc_max and
// zfs_arc_min outside their bounds are ignored without a message.

import { clamped, derived, GB, ignored, max, MB, min, type DeriveContext } from './types';

/** kmem_debugging(): kmem_flags & (KMF_DEBUG | KMF_RANDOMIZE). */
const KMEM_DEBUG_FLAGS = 0x56fn;

interface ArcSizes {
  /** The memory arc_init sizes from, in bytes, and how it was worked out. */
  allmem: bigint;
  allmemWhy: string;
  cMin: bigint;
  cMax: bigint;
  /** Upper bound (exclusive) for zfs_arc_max. */
  maxBound: bigint;
  /** OpenSolaris-era rule: raise c_min to half the metadata limit unless zfs_arc_min is set. */
  cMinFromMeta: boolean;
}

/** OpenSolaris and Solaris 10 (and illumos until 2015): arc_c starts at 1/8 of memory. */
export function legacySizes(ctx: DeriveContext): ArcSizes {
  const allmem = ctx.vars.get('physmem') * ctx.pages.pageSize;
  const c = allmem / 8n;
  const cMin = max(c / 4n, 64n * MB);
  const cMax = max(c * 6n, c * 8n >= GB ? c * 8n - GB : cMin);
  return { allmem, allmemWhy: `physmem ${ctx.vars.get('physmem')} pages`, cMin, cMax, maxBound: allmem, cMinFromMeta: true };
}

/** illumos today: memory less swapfs_minfree; c_min between 64 MB and 1 GB. */
export function currentSizes(ctx: DeriveContext): ArcSizes {
  const pm = ctx.vars.get('physmem');
  const minfree = ctx.vars.get('swapfs_minfree');
  const allmem = (pm - minfree) * ctx.pages.pageSize;
  const cMin = min(max(allmem / 64n, 64n * MB), GB);
  const cMax = max((allmem * 3n) / 4n, allmem >= GB ? allmem - GB : cMin);
  return { allmem, allmemWhy: `physmem ${pm} - swapfs_minfree ${minfree} pages`, cMin, cMax, maxBound: allmem, cMinFromMeta: false };
}

export function arcInit(sizes: (ctx: DeriveContext) => ArcSizes) {
  return (ctx: DeriveContext): void => {
    const { vars } = ctx;
    const s = sizes(ctx);
    let { cMin, cMax } = s;
    const arcMax = BigInt.asUintN(64, vars.get('zfs_arc_max'));
    const arcMin = BigInt.asUintN(64, vars.get('zfs_arc_min'));
    if (arcMax > 64n * MB && arcMax < s.maxBound) {
      cMax = arcMax;
      if (!s.cMinFromMeta) cMin = min(cMin, cMax);
    } else if (arcMax !== 0n) {
      ignored(ctx, 'zfs_arc_max', arcMax, cMax, `arc_init takes it only above 64 MB and below memory, ${s.maxBound} bytes`);
    }
    if (arcMin > 64n * MB && arcMin <= cMax) cMin = arcMin;
    else if (arcMin !== 0n) ignored(ctx, 'zfs_arc_min', arcMin, cMin, `arc_init takes it only above 64 MB and at most c_max, ${cMax} bytes`);
    let metaLimit = cMax / 4n;
    const userMeta = BigInt.asUintN(64, vars.has('zfs_arc_meta_limit') ? vars.get('zfs_arc_meta_limit') : 0n);
    if (userMeta > 0n && userMeta <= cMax) metaLimit = userMeta;
    else if (userMeta !== 0n) ignored(ctx, 'zfs_arc_meta_limit', userMeta, metaLimit, `arc_init takes it only up to c_max, ${cMax} bytes`);
    if (s.cMinFromMeta && cMin < metaLimit / 2n && arcMin === 0n) cMin = metaLimit / 2n;
    let c = cMax;
    const p = c / 2n;
    if ((vars.get('kmem_flags') & KMEM_DEBUG_FLAGS) !== 0n) c /= 2n;
    c = max(c, cMin);
    const stats = ctx.arcstats;
    stats.set('p', p);
    stats.set('c', c);
    stats.set('c_min', cMin);
    stats.set('c_max', cMax);
    stats.set('arc_meta_limit', metaLimit);
    stats.set('arc_meta_min', cMin / 2n);
    ctx.explain.set('arc', `allmem ${s.allmem} bytes (${s.allmemWhy})`);
    tellArc(ctx, arcMax, arcMin, cMax, cMin);
  };
}

/** dsl_pool.c / arc_init: zfs_dirty_data_max, 10% of memory up to zfs_dirty_data_max_max (4 GB). */
export function dirtyDataMax(ctx: DeriveContext): void {
  if (ctx.vars.get('zfs_dirty_data_max') !== 0n) return;
  const bytes = ctx.vars.get('physmem') * ctx.pages.pageSize;
  derived(ctx, 'zfs_dirty_data_max', min(bytes / 10n, 4n * GB), `min(physmem ${bytes} bytes * 10%, 4 GB)`);
}

/** swap_subr.c swapfs_recalc(): memory swap reservations may never take. */
export function swapfsMinfree(ctx: DeriveContext): void {
  if (ctx.vars.get('swapfs_minfree') !== 0n) return;
  const pm = ctx.vars.get('physmem');
  const twoMB = (2n * MB + ctx.pages.pageSize - 1n) / ctx.pages.pageSize;
  derived(ctx, 'swapfs_minfree', max(twoMB, pm / 8n), `max(btopr(2 MB), physmem ${pm}/8)`);
}

/**
 * Oracle Solaris 11 (its manuals and an 11.0-era source): memory is physmem
 * bytes; c_max = 3/4 of it under 4 GB, else all but 1 GB; zfs_arc_max is
 * clamped to [64 MB, memory] rather than ignored; c_min is zfs_arc_min clamped
 * to [64 MB, c_max], else min(c_max, 64 MB).
 */
export function oracleArcInit(ctx: DeriveContext): void {
  const { vars } = ctx;
  const mem = vars.get('physmem') * ctx.pages.pageSize;
  let cMax = mem < 4n * GB ? (mem * 3n) / 4n : mem - GB;
  const arcMax = BigInt.asUintN(64, vars.get('zfs_arc_max'));
  if (arcMax !== 0n) {
    const used = min(max(arcMax, 64n * MB), mem);
    if (used !== arcMax) clamped(ctx, 'zfs_arc_max', arcMax, used, `arc_init keeps it within 64 MB..${mem} bytes of memory`);
    cMax = used;
  }
  const arcMin = BigInt.asUintN(64, vars.get('zfs_arc_min'));
  let cMin = min(cMax, 64n * MB);
  if (arcMin !== 0n) {
    cMin = min(max(arcMin, 64n * MB), cMax);
    if (cMin !== arcMin) clamped(ctx, 'zfs_arc_min', arcMin, cMin, `arc_init keeps it within 64 MB..c_max ${cMax}`);
  }
  const stats = ctx.arcstats;
  stats.set('p', cMax / 2n);
  stats.set('c', cMax);
  stats.set('c_min', cMin);
  stats.set('c_max', cMax);
  stats.set('arc_meta_limit', cMax / 4n);
  stats.set('arc_meta_min', cMin / 2n);
  ctx.explain.set('arc', `memory ${mem} bytes (physmem ${vars.get('physmem')} pages)`);
  tellArc(ctx, arcMax, arcMin, cMax, cMin);
}

/** For ::tunables: whether arc_init took zfs_arc_max and zfs_arc_min, and what the ARC got (::arc shows it). */
function tellArc(ctx: DeriveContext, arcMax: bigint, arcMin: bigint, cMax: bigint, cMin: bigint): void {
  if (arcMax !== 0n) ctx.explain.set('zfs_arc_max', `${arcMax === cMax ? 'taken' : 'not taken'} by arc_init: c_max ${cMax} (::arc)`);
  if (arcMin !== 0n) ctx.explain.set('zfs_arc_min', `${arcMin === cMin ? 'taken' : 'not taken'} by arc_init: c_min ${cMin} (::arc)`);
}
