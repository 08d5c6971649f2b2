import { establish } from './connection';
import { runWorkload, type Report } from './engine';
import type { Limit } from './trace';
import type { FusionTunables } from './tunables';
import type { Flow, Workload } from './workload';

/** Largest value a uint_t tcp_fusion_rcv_unread_min can hold. */
const UINT_MAX = 0xffffffff;
/** tcp_fuse(): the SO_SNDBUF bytes that buy one more unread write (sndbuf >> 14). */
const SNDBUF_PER_WRITE = 1 << 14;
/** Most values of tcp_fusion_rcv_unread_min tried one by one; past it, a binary search. */
const MAX_LINEAR = 65536;

/** Why there is no tcp_fusion_rcv_unread_min to propose. */
export type NoAdvice =
  | 'no-eagain'       // nothing to fix
  | 'no-count-check'  // the release has no count check: every EAGAIN is the byte limit's
  | 'bytes-limit';    // the count limit is not all: raising it alone leaves EAGAINs

/** What one flow with EAGAINs needs, each change alone (everything else as it is). */
export interface FlowAdvice {
  flow: string;
  eagain: number;
  fused: boolean;
  stoppedBy: Limit | null;
  /** Smallest SO_SNDBUF of its sender that leaves it no EAGAIN; null: none up to tcp_max_buf. */
  sndbuf: number | null;
  /** Smallest SO_RCVBUF of its receiver that leaves it no EAGAIN; null: none up to tcp_max_buf. */
  rcvbuf: number | null;
}

/** Where no one change is enough: tcp_fusion_rcv_unread_min and SO_RCVBUF together. */
export interface Combination {
  /** Smallest tcp_fusion_rcv_unread_min that works once the receivers' buffers are large enough. */
  unreadMin: number;
  /** With that value: the smallest SO_RCVBUF per flow that still gets EAGAIN without one. */
  rcvbuf: { flow: string; rcvbuf: number }[];
}

/**
 * The smallest changes that leave the workload without EAGAIN, the error a non-blocking writer
 * sees, and without adding short counts; a blocking writer's sleeps are reported, not
 * targeted. Every value is exact: the next smaller one still fails.
 */
export interface Advice {
  release: FusionTunables['release'];
  eagain: number;
  /** Flows whose EAGAINs come from the unread-write count. */
  countLimited: string[];
  /** Smallest tcp_fusion_rcv_unread_min that alone leaves no EAGAIN; null with `why`. */
  unreadMin: number | null;
  why: NoAdvice | null;
  /** The flows with EAGAINs and the smallest SO_SNDBUF / SO_RCVBUF each needs alone. */
  flows: FlowAdvice[];
  /** Smallest tcp_recv_hiwat that alone leaves no EAGAIN (every flow without SO_RCVBUF); null: none up to tcp_max_buf. */
  recvHiwat: number | null;
  /** When no single change does it; null when one does, or when nothing tried here does. */
  combination: Combination | null;
}

const sum = (r: Report, f: (x: Report['flows'][number]) => number): number =>
  r.flows.reduce((n, x) => n + f(x), 0);

/** Whether a run is free of what the advice removes; a run stops at its first EAGAIN, so failing is cheap. */
type Clean = (t: FusionTunables, w: Workload) => boolean;

/**
 * No EAGAIN, and no more short writes than the flow had before: a smaller chunk size
 * (maxpsz) can turn an EAGAIN into a short count, which is not a fix.
 */
function cleanAgainst(now: Report): Clean {
  const short = new Map(now.flows.map((f) => [f.name, f.shortWrites]));
  return (t, w) => runWorkload(t, w, { untilEagain: true }).flows.every((f) => f.eagain === 0 && f.shortWrites <= (short.get(f.name) ?? 0));
}

const one = (w: Workload, flow: Flow): Workload => ({ ...w, flows: [flow] });

/**
 * Smallest v in [lo, hi] with ok(v), where ok can only change at the values `starts` gives in
 * increasing order (from lo): ok is the same all through [start, next start). Exact without
 * assuming ok grows with v.
 */
function firstClass(lo: number, hi: number, next: (v: number) => number, ok: (v: number) => boolean): number | null {
  for (let v = lo; v <= hi; v = next(v)) if (ok(v)) return v;
  return null;
}

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

const nextPage = (page: number) => (v: number): number => (Math.floor((v - 1) / page) + 1) * page + 1;

/**
 * SO_RCVBUF: rcv_hiwater is the value clamped and rounded up to a page, so every value of
 * ((n-1)·page, n·page] acts alike; the first such class that works starts at the answer.
 */
function smallestRcvbuf(clean: Clean, t: FusionTunables, w: Workload, flow: Flow): number | null {
  return firstClass(1, t.maxBuf, nextPage(t.pageSize), (v) => clean(t, one(w, { ...flow, rcvbuf: v })));
}

/**
 * SO_SNDBUF: a fused pair reads it through sndbuf >> 14 and a page-rounded maxpsz, so it acts
 * alike between page and 16 KiB boundaries; the unfused window (sndbuf + rcv_hiwater) counts
 * every byte, and more window never adds a stop, so inside the first class that works a
 * binary search finds the byte.
 */
function smallestSndbuf(clean: Clean, t: FusionTunables, w: Workload, flow: Flow): number | null {
  const ok = (v: number): boolean => clean(t, one(w, { ...flow, sndbuf: v }));
  const next = (v: number): number => Math.min(nextPage(t.pageSize)(v), (Math.floor(v / SNDBUF_PER_WRITE) + 1) * SNDBUF_PER_WRITE);
  for (let v = 1; v <= t.maxBuf; v = next(v)) {
    const end = Math.min(next(v) - 1, t.maxBuf);
    if (ok(end)) return smallest(v, end, ok);
  }
  return null;
}

/**
 * Whether the count limit acts simply: every write of a fused flow is one enqueue (no write
 * above maxpsz) and no IP Filter drop carries a fused state over into unfused TCP.
 */
function oneEnqueuePerWrite(t: FusionTunables, w: Workload): boolean {
  return w.flows.every((f) => {
    const c = establish(t, f);
    return !c.fused || (f.ipfilterDropAt === undefined && Math.max(...(f.sizes ?? f.pattern)) <= (c.maxpsz as number));
  });
}

/**
 * tcp_fusion_rcv_unread_min. With one enqueue per write a larger limit only stops a sender
 * later, so the first value without EAGAIN is found by bisection. When writes are cut into
 * chunks, a later stop can land on a chunk boundary and turn a short count into an EAGAIN,
 * so the values are tried in order instead: a run whose unread count never passes M acts
 * the same for every value above M, so 1..M+1 is enough (each run stops at its first EAGAIN).
 */
function smallestUnreadMin(clean: Clean, t: FusionTunables, w: Workload): number | null {
  const top = { ...t, unreadMin: UINT_MAX };
  if (!clean(top, w)) return null;
  const ok = (v: number): boolean => clean({ ...t, unreadMin: v }, w);
  if (oneEnqueuePerWrite(t, w)) return smallest(1, UINT_MAX, ok);
  const most = Math.max(0, ...runWorkload(top, w).flows.map((f) => f.maxUnread));
  if (most + 1 <= MAX_LINEAR) return firstClass(1, most + 1, (v) => v + 1, ok);
  return smallest(1, UINT_MAX, ok);
}

/** tcp_recv_hiwat for every flow without SO_RCVBUF: page classes, as for SO_RCVBUF. */
function smallestRecvHiwat(clean: Clean, t: FusionTunables, w: Workload): number | null {
  return firstClass(2048, t.maxBuf, nextPage(t.pageSize), (v) => clean({ ...t, recvHiwat: v }, w));
}

function combination(clean: Clean, t: FusionTunables, w: Workload, stuck: readonly Flow[]): Combination | null {
  // With the receivers' buffers as large as tcp_max_buf allows, which count is enough?
  const roomy: Workload = { ...w, flows: w.flows.map((f) => (stuck.includes(f) ? { ...f, rcvbuf: t.maxBuf } : f)) };
  const unreadMin = smallestUnreadMin(clean, t, roomy);
  if (unreadMin === null) return null;
  const at = { ...t, unreadMin };
  const rcvbuf: Combination['rcvbuf'] = [];
  for (const f of stuck) {
    if (clean(at, one(w, f))) continue;
    const v = smallestRcvbuf(clean, at, w, f);
    if (v === null) return null;
    rcvbuf.push({ flow: f.name, rcvbuf: v });
  }
  return { unreadMin, rcvbuf };
}

export function advise(t: FusionTunables, w: Workload): Advice {
  const now = runWorkload(t, w);
  const eagain = sum(now, (f) => f.eagain);
  const countLimited = now.flows.filter((f) => f.eagainAtCountLimit > 0).map((f) => f.name);
  const base = { release: t.release, eagain, countLimited, flows: [], recvHiwat: null, combination: null };
  if (eagain === 0) return { ...base, unreadMin: null, why: 'no-eagain' };
  const clean = cleanAgainst(now);
  const stuck = w.flows.filter((_f, i) => (now.flows[i] as Report['flows'][number]).eagain > 0);
  const flows: FlowAdvice[] = stuck.map((f) => {
    const r = now.flows[w.flows.indexOf(f)] as Report['flows'][number];
    return {
      flow: f.name, eagain: r.eagain, fused: r.fused, stoppedBy: r.stoppedBy,
      sndbuf: smallestSndbuf(clean, t, w, f), rcvbuf: smallestRcvbuf(clean, t, w, f),
    };
  });
  const recvHiwat = smallestRecvHiwat(clean, t, w);
  if (t.unreadMin === null) return { ...base, flows, recvHiwat, unreadMin: null, why: 'no-count-check' };
  const unreadMin = countLimited.length > 0 ? smallestUnreadMin(clean, t, w) : null;
  if (unreadMin !== null) return { ...base, flows, recvHiwat, unreadMin, why: null };
  // One change alone is not enough everywhere: try the count and the receive buffers together.
  const alone = flows.every((f) => f.rcvbuf !== null || f.sndbuf !== null) || recvHiwat !== null;
  const combo = countLimited.length > 0 && !alone ? combination(clean, t, w, stuck) : null;
  return { ...base, flows, recvHiwat, unreadMin: null, why: 'bytes-limit', combination: combo };
}

/**
 * The workload and tunables with the advice taken: the smallest tcp_fusion_rcv_unread_min
 * when one does it, else the pair of changes, else each stuck flow's smallest SO_RCVBUF (or
 * SO_SNDBUF); null when the advice has nothing to take.
 */
export function applyAdvice(t: FusionTunables, w: Workload, a: Advice): { tunables: FusionTunables; workload: Workload } | null {
  if (a.unreadMin !== null) return { tunables: { ...t, unreadMin: a.unreadMin }, workload: w };
  if (a.combination !== null) {
    const c = a.combination;
    const rcvbuf = new Map(c.rcvbuf.map((r) => [r.flow, r.rcvbuf]));
    return {
      tunables: { ...t, unreadMin: c.unreadMin },
      workload: { ...w, flows: w.flows.map((f) => (rcvbuf.has(f.name) ? { ...f, rcvbuf: rcvbuf.get(f.name) as number } : f)) },
    };
  }
  const fixes = new Map(a.flows.filter((f) => f.rcvbuf !== null || f.sndbuf !== null).map((f) => [f.flow, f]));
  if (fixes.size === 0) return null;
  return {
    tunables: t,
    workload: {
      ...w,
      flows: w.flows.map((f) => {
        const fix = fixes.get(f.name);
        if (!fix) return f;
        return fix.rcvbuf !== null ? { ...f, rcvbuf: fix.rcvbuf } : { ...f, sndbuf: fix.sndbuf as number };
      }),
    },
  };
}
