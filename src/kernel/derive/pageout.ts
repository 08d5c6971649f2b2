// os/vm_pageout.c setupclock(): the paging thresholds, from the pages the VM
// manages (total_pages, not physmem). A value from /etc/system is kept only
// when it is nonzero and below its ceiling; otherwise the default is used and
// nothing is printed.

import { derived, ignored, limit, max, MB, min, type DeriveContext } from './types';

export interface PageoutRules {
  /** lotsfree when not set: legacy max(T/64, 512 KB); current illumos clamp(T/64, 16 MB, 2 GB). */
  lotsfree(ctx: DeriveContext, looppages: bigint): { value: bigint; why: string };
  /** minfree from desfree and pageout_reserve from throttlefree: 1/2 (legacy) or 3/4 (current). */
  fraction: readonly [bigint, bigint];
}

const btop = (ctx: DeriveContext, bytes: bigint): bigint => bytes / ctx.pages.pageSize;

export const LEGACY_PAGEOUT: PageoutRules = {
  lotsfree: (ctx, t) => ({ value: max(t / 64n, btop(ctx, 512n * 1024n)), why: `max(total_pages ${t}/64, btop(512 KB))` }),
  fraction: [1n, 2n],
};

export const CURRENT_PAGEOUT: PageoutRules = {
  lotsfree: (ctx, t) => {
    const lo = btop(ctx, 16n * MB);
    const hi = btop(ctx, 2048n * MB);
    return { value: min(max(t / 64n, lo), hi), why: `total_pages ${t}/64 within ${lo}..${hi} pages (16 MB..2 GB)` };
  },
  fraction: [3n, 4n],
};

/** Keeps a nonzero value below `ceiling`; otherwise derives `fallback` (silently, as the kernel does). */
function tune(ctx: DeriveContext, name: string, ceiling: bigint, ceilingName: string, fallback: bigint, why: string): bigint {
  const set = ctx.vars.get(name);
  if (set !== 0n && set < ceiling) return set;
  if (set === 0n) return derived(ctx, name, fallback, why);
  ignored(ctx, name, set, fallback, `not below ${ceilingName} ${ceiling}`);
  return derived(ctx, name, fallback, `${why} (/etc/system's ${set} is not below ${ceilingName} ${ceiling}: ignored)`);
}

export function setupclock(rules: PageoutRules) {
  return (ctx: DeriveContext): void => {
    const { vars } = ctx;
    const t = vars.get('total_pages');
    const [num, den] = rules.fraction;
    const frac = `${num === 1n ? '' : `${num}*`}`;
    const l = rules.lotsfree(ctx, t);
    const lotsfree = tune(ctx, 'lotsfree', t, 'total_pages', l.value, l.why);
    const desfree = tune(ctx, 'desfree', lotsfree, 'lotsfree', lotsfree / 2n, `lotsfree ${lotsfree}/2`);
    const minfree = tune(ctx, 'minfree', desfree, 'desfree', (num * desfree) / den, `${frac}desfree ${desfree}/${den}`);
    const throttlefree = tune(ctx, 'throttlefree', desfree, 'desfree', minfree, `minfree ${minfree}`);
    tune(ctx, 'pageout_reserve', throttlefree, 'throttlefree', (num * throttlefree) / den, `${frac}throttlefree ${throttlefree}/${den}`);
    if (vars.get('maxpgio') === 0n) derived(ctx, 'maxpgio', (60n * 2n) / 3n, 'DISKRPM 60 * 2/3');
    let fastscan = vars.get('fastscan');
    const maxfast = btop(ctx, 64n * MB);
    if (fastscan === 0n) fastscan = derived(ctx, 'fastscan', maxfast, `MAXHANDSPREADPAGES ${maxfast} (64 MB)`);
    if (fastscan > t / 2n) fastscan = limit(ctx, 'fastscan', fastscan, t / 2n, 'total_pages/2');
    let slowscan = vars.get('slowscan');
    if (slowscan === 0n) slowscan = derived(ctx, 'slowscan', min(fastscan / 10n, 100n), `min(fastscan ${fastscan}/10, 100)`);
    if (slowscan > fastscan / 2n) limit(ctx, 'slowscan', slowscan, fastscan / 2n, 'fastscan/2');
    let hand = vars.get('handspreadpages');
    if (hand === 0n) hand = derived(ctx, 'handspreadpages', fastscan, `fastscan ${fastscan}`);
    if (hand >= t) limit(ctx, 'handspreadpages', hand, t - 1n, 'total_pages-1');
  };
}
