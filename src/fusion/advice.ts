import { runWorkload, type Report } from './engine';
import type { FusionTunables } from './tunables';
import type { Workload } from './workload';

/** Largest value a uint_t tcp_fusion_rcv_unread_min can hold. */
const UINT_MAX = 0xffffffff;

/** Why there is no tcp_fusion_rcv_unread_min to propose. */
export type NoAdvice =
  | 'no-eagain'       // nothing to fix
  | 'no-count-check'  // the release has no count check: every EAGAIN is the byte limit's
  | 'bytes-limit';    // the EAGAINs come from the byte limit (or unfused TCP), not the count

/**
 * The smallest changes that remove the EAGAINs the count limit causes. The target is EAGAIN,
 * what a non-blocking writer sees; a blocking writer's sleeps are reported, not targeted.
 */
export interface Advice {
  eagain: number;
  /** Flows whose EAGAINs come from the count limit: what the change is for. */
  countLimited: string[];
  /** Smallest tcp_fusion_rcv_unread_min that removes them; null with `why`. */
  unreadMin: number | null;
  why: NoAdvice | null;
  /** Smallest SO_SNDBUF for those flows that does it (sndbuf >> 14 raises the limit). */
  sndbuf: number | null;
  /** No SO_SNDBUF up to tcp_max_buf does it (a larger one fails with ENOBUFS). */
  sndbufAboveMaxBuf: boolean;
  /** EAGAINs the byte limit still causes once the count limit is out of the way. */
  remainingEagain: number;
}

const sum = (r: Report, f: (x: Report['flows'][number]) => number): number =>
  r.flows.reduce((n, x) => n + f(x), 0);
const countEagain = (r: Report): number => sum(r, (f) => f.eagainAtCountLimit);

/** Smallest v in [lo, hi] with ok(v), given ok is monotone; null when ok(hi) fails. */
function smallest(lo: number, hi: number, ok: (v: number) => boolean): number | null {
  if (lo > hi || !ok(hi)) return null;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function advise(t: FusionTunables, w: Workload): Advice {
  const now = runWorkload(t, w);
  const eagain = sum(now, (f) => f.eagain);
  const countLimited = now.flows.filter((f) => f.eagainAtCountLimit > 0).map((f) => f.name);
  const base = { eagain, countLimited, sndbuf: null, sndbufAboveMaxBuf: false, remainingEagain: eagain };
  if (eagain === 0) return { ...base, unreadMin: null, why: 'no-eagain' };
  if (t.unreadMin === null) return { ...base, unreadMin: null, why: 'no-count-check' };
  if (countLimited.length === 0) return { ...base, unreadMin: null, why: 'bytes-limit' };

  const withMin = (v: number): Report => runWorkload({ ...t, unreadMin: v }, w);
  // More unread writes allowed never adds a count stop: the search is monotone.
  const unreadMin = smallest(t.unreadMin + 1, UINT_MAX, (v) => countEagain(withMin(v)) === 0);
  if (unreadMin === null) return { ...base, unreadMin: null, why: 'bytes-limit' };

  const withSndbuf = (v: number): Workload => ({
    ...w, flows: w.flows.map((f) => (countLimited.includes(f.name) ? { ...f, sndbuf: v } : f)),
  });
  // SO_SNDBUF above tcp_max_buf fails with ENOBUFS, so the search stops there.
  const sndbuf = smallest(1, t.maxBuf, (v) => countEagain(runWorkload(t, withSndbuf(v))) === 0);
  return {
    ...base, unreadMin, why: null, sndbuf, sndbufAboveMaxBuf: sndbuf === null,
    remainingEagain: sum(withMin(unreadMin), (f) => f.eagain),
  };
}
