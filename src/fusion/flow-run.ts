import type { Connection } from './connection';
import type { Limit, Tracer } from './trace';
import type { Flow } from './workload';

const NO_STOP = 0;
const COUNT = 1;
const BYTES = 2;
type StopCode = typeof NO_STOP | typeof COUNT | typeof BYTES;
const LIMIT_OF: readonly (Limit | null)[] = [null, 'count', 'bytes'];

/**
 * The mutable state of one flow, stepped a write at a time. Numbers only, no allocation
 * per write: this is the hot loop.
 */
export class FlowRun {
  // Where the run is.
  k = 0;
  phase = 0;
  fused: boolean;
  /** R.rcv_cnt when fused; bytes written and not yet read when not. */
  queued = 0;
  /** R.unread_cnt: enqueues since R last read, counted only under the count check. */
  unreadCnt = 0;
  flowStopped = false;
  lastStop: StopCode = NO_STOP;
  /** Reader `never` and S cannot go on: the run is over. */
  halted = false;
  // What the report counts.
  writes = 0;
  completed = 0;
  eagain = 0;
  eagainAtCountLimit = 0;
  firstEagainAt: number | null = null;
  shortWrites = 0;
  blocks = 0;
  bytes = 0;
  maxUnread = 0;
  maxQueuedBytes = 0;
  stoppedBy: Limit | null = null;
  unfusedAt: number | null = null;
  /** Stop the run at the first EAGAIN (a search only asks whether there is one). */
  stopAtEagain = false;
  /** Write numbers of every EAGAIN, when the run was asked to keep them. */
  eagainAt: number[] | null = null;

  private readonly pattern: readonly number[];
  private readonly blocking: boolean;
  private readonly readerNever: boolean;
  private readonly readEvery: number;
  private readonly dropAt: number;
  private readonly maxpsz: number;
  private readonly unfusedWindow: number;

  constructor(readonly flow: Flow, readonly conn: Connection, public tracer: Tracer | null) {
    this.pattern = flow.pattern;
    this.blocking = flow.mode === 'blocking';
    const reader = flow.reader ?? 'yield';
    this.readerNever = reader === 'never';
    this.readEvery = typeof reader === 'object' ? reader.every : 0;
    this.fused = conn.fused;
    this.dropAt = flow.ipfilterDropAt ?? 0;
    this.maxpsz = conn.maxpsz ?? Number.MAX_SAFE_INTEGER;
    // Unfused TCP: the send queue plus the receive window (a stated simplification).
    this.unfusedWindow = conn.sndbuf + conn.rcvHiwater;
  }

  /** An IP Filter drop is still ahead of a fused pair: cycles must not be skipped past it. */
  dropPending(): boolean {
    return this.fused && this.dropAt > this.k;
  }

  /** Writes the next write whole, waiting as the mode says; false when the run is over. */
  write(): boolean {
    const k = ++this.k;
    this.writes++;
    const size = this.pattern[this.phase] as number;
    this.phase = this.phase + 1 === this.pattern.length ? 0 : this.phase + 1;
    this.tracer?.add({ kind: 'write', k, size });
    // IP Filter drop at write K: tcp_unfuse() and the normal path from then on.
    if (k === this.dropAt && this.fused) this.unfuse(k);
    let remaining = size;
    while (remaining > 0) {
      if (this.fused ? this.flowStopped : this.queued >= this.unfusedWindow) {
        if (!this.wait(k, size - remaining)) return false;
        continue;
      }
      remaining -= this.fused ? this.enqueue(k, remaining) : this.sendUnfused(remaining);
    }
    this.completed++;
    this.bytes += size;
    // Reader `every N`: R reads after every N writes.
    if (this.readEvery !== 0 && k % this.readEvery === 0) this.drain(k);
    if (this.tracer?.full()) this.tracer = null;
    return true;
  }

  /** tcp_fuse_output for one chunk of at most maxpsz bytes; returns the bytes taken. */
  private enqueue(k: number, remaining: number): number {
    const c = this.conn;
    // strwrite: the stream head cuts a write into maxpsz chunks, one enqueue each.
    const n = remaining < this.maxpsz ? remaining : this.maxpsz;
    this.queued += n;
    // tcp_fuse_output: bytes first; when they trip, the count is not advanced (C's ||).
    if (this.queued >= c.rcvHiwater) this.stop(BYTES);
    else if (c.countCheck && ++this.unreadCnt >= (c.unreadHiwater as number)) this.stop(COUNT);
    if (this.queued > this.maxQueuedBytes) this.maxQueuedBytes = this.queued;
    if (this.unreadCnt > this.maxUnread) this.maxUnread = this.unreadCnt;
    if (this.tracer) {
      this.tracer.add({ kind: 'chunk', k, n });
      this.tracer.add({ kind: 'counters', k, rcvCnt: this.queued, unreadCnt: this.unreadCnt });
      if (this.flowStopped) this.tracer.add({ kind: 'stop', k, limit: LIMIT_OF[this.lastStop] as Limit });
    }
    return n;
  }

  /** Unfused TCP: a write takes what fits in the window. */
  private sendUnfused(remaining: number): number {
    const room = this.unfusedWindow - this.queued;
    const n = remaining < room ? remaining : room;
    this.queued += n;
    if (this.queued > this.maxQueuedBytes) this.maxQueuedBytes = this.queued;
    if (this.queued >= this.unfusedWindow) this.lastStop = BYTES;
    return n;
  }

  // tcp_fuse_output: the enqueue that trips the limit succeeds; the next write is refused.
  private stop(limit: StopCode): void {
    this.flowStopped = true;
    this.lastStop = limit;
  }

  /** S cannot go on: EAGAIN, a short count or a sleep, then R runs (false: R never does). */
  private wait(k: number, taken: number): boolean {
    this.stoppedBy ??= LIMIT_OF[this.lastStop] ?? null;
    if (this.blocking) {
      // A blocking writer sleeps until R has read.
      this.blocks++;
      this.tracer?.add({ kind: 'block', k });
    } else if (taken > 0) {
      // strwrite: part of the write went in, the caller gets a short count.
      this.shortWrites++;
      this.tracer?.add({ kind: 'short', k, taken });
    } else {
      // Nothing of this write went in: EAGAIN, then POLLOUT and the same write again.
      this.eagain++;
      if (this.lastStop === COUNT) this.eagainAtCountLimit++;
      this.firstEagainAt ??= k;
      this.eagainAt?.push(k);
      this.tracer?.add({ kind: 'eagain', k });
      if (this.stopAtEagain) return false;
    }
    // Reader `never`: the run ends at the first write that cannot go on.
    if (this.readerNever) {
      this.halted = true;
      return false;
    }
    this.drain(k);
    return true;
  }

  // tcp_fuse_rcv_drain / strread: a read by R takes everything queued and starts S again.
  drain(k: number): void {
    this.tracer?.add({ kind: 'drain', k, rcvCnt: this.queued, unreadCnt: this.unreadCnt });
    this.queued = 0;
    this.unreadCnt = 0;
    this.flowStopped = false;
  }

  private unfuse(k: number): void {
    this.fused = false;
    this.unfusedAt = k;
    this.unreadCnt = 0;
    this.flowStopped = false;
    this.tracer?.add({ kind: 'unfuse', k });
  }
}
