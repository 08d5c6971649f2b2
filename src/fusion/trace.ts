/** Which limit flow-stopped S: R's unread-write count or its queued bytes. */
export type Limit = 'count' | 'bytes';

/** One step of a flow, in the order the engine took it; k is the write number. */
export type TraceEvent =
  | { kind: 'write'; k: number; size: number }
  | { kind: 'chunk'; k: number; n: number }
  | { kind: 'counters'; k: number; rcvCnt: number; unreadCnt: number }
  | { kind: 'stop'; k: number; limit: Limit }
  | { kind: 'eagain'; k: number }
  | { kind: 'block'; k: number }
  | { kind: 'short'; k: number; taken: number }
  | { kind: 'drain'; k: number; rcvCnt: number; unreadCnt: number }
  | { kind: 'unfuse'; k: number };

/** The first events of one flow, with the limits its connection latched. */
export interface Trace {
  flow: string;
  limit: number;
  unreadHiwater: number | null;
  countCheck: boolean;
  rcvHiwater: number;
  events: TraceEvent[];
}

/** Collects events until the limit; full() tells the engine it may stop calling. */
export class Tracer {
  constructor(readonly trace: Trace) {}

  add(e: TraceEvent): void {
    if (this.trace.events.length < this.trace.limit) this.trace.events.push(e);
  }

  full(): boolean {
    return this.trace.events.length >= this.trace.limit;
  }
}
