import { establish, type Connection } from './connection';
import { FlowRun } from './flow-run';
import { Tracer, type Limit, type Trace } from './trace';
import type { FusionTunables } from './tunables';
import type { Flow, Workload } from './workload';

export type Outcome = 'ok' | 'eagain' | 'short' | 'blocked' | 'stopped';

/** What one flow latched (its Connection) and what happened to it. */
export interface FlowReport extends Connection {
  name: string;
  /** Writes attempted (a retried write counts once). */
  writes: number;
  /** Writes that went in whole. */
  completed: number;
  eagain: number;
  /** The EAGAINs met while the count limit held S. */
  eagainAtCountLimit: number;
  firstEagainAt: number | null;
  shortWrites: number;
  blocks: number;
  /** Bytes of the completed writes. */
  bytes: number;
  maxUnread: number;
  maxQueuedBytes: number;
  /** The limit in force the first time S could not go on. */
  stoppedBy: Limit | null;
  /** Write at which an IP Filter drop unfused the pair. */
  unfusedAt: number | null;
  outcome: Outcome;
  /** Write numbers of every EAGAIN, with RunOptions.eagainAt. */
  eagainAt?: number[];
}

export interface Report {
  workload: string;
  flows: FlowReport[];
  trace: Trace | null;
}

export interface RunOptions {
  /** Record the first `limit` events of the flow named `flow`. */
  trace?: { flow: string; limit: number };
  /** false: step every write even where the state repeats (for tests and benches). */
  skipCycles?: boolean;
  /** Keep the write number of every EAGAIN (steps every write). */
  eagainAt?: boolean;
  /** Stop each flow at its first EAGAIN: enough to know whether there is one. */
  untilEagain?: boolean;
}

/** Runs every flow of a workload on fresh connections made with `t`. Pure and deterministic. */
export function runWorkload(t: FusionTunables, w: Workload, opts: RunOptions = {}): Report {
  let trace: Trace | null = null;
  const flows = w.flows.map((flow) => {
    const conn = establish(t, flow);
    let tracer: Tracer | null = null;
    if (opts.trace?.flow === flow.name) {
      trace = { flow: flow.name, limit: opts.trace.limit, unreadHiwater: conn.unreadHiwater,
        countCheck: conn.countCheck, rcvHiwater: conn.rcvHiwater, events: [] };
      tracer = new Tracer(trace);
    }
    const run = new FlowRun(flow, conn, tracer);
    if (opts.eagainAt) run.eagainAt = [];
    run.stopAtEagain = opts.untilEagain ?? false;
    runBursts(run, flow, !opts.eagainAt && (opts.skipCycles ?? true));
    return flowReport(flow, conn, run);
  });
  return { workload: w.name, flows, trace };
}

/** Distinct burst-boundary states remembered before cycle detection gives up. */
const MAX_STATES = 4096;

/** The counters a burst adds, in the order skip() multiplies them. */
const COUNTERS = ['k', 'writes', 'completed', 'eagain', 'eagainAtCountLimit', 'shortWrites', 'blocks', 'bytes'] as const;

function runBursts(run: FlowRun, flow: Flow, skipCycles: boolean): void {
  const readerYields = (flow.reader ?? 'yield') === 'yield';
  const yields = flow.yieldAfter && flow.yieldAfter.length > 0 ? new Set(flow.yieldAfter) : null;
  const seen = new Map<string, { burst: number; counters: number[] }>();
  for (let burst = 0; burst < flow.bursts;) {
    if (skipCycles && run.tracer === null && seen.size < MAX_STATES) {
      const skipped = skipRepeats(run, flow, burst, seen);
      if (skipped > 0) {
        burst += skipped;
        seen.clear();
        continue;
      }
    }
    for (let i = 0; i < flow.burstWrites; i++) {
      if (!run.write()) return;
      // A traced sequence: R also runs where the sender gave up the CPU between two writes.
      if (readerYields && yields?.has(run.k)) run.drain(run.k);
    }
    // Reader `yield`: R runs at the end of each burst, when S yields the CPU.
    if (readerYields) run.drain(run.k);
    burst++;
  }
}

/**
 * At a burst boundary: when the whole state seen here was seen at an earlier boundary, the
 * bursts in between repeat; add their counters as many times as fit (never past a pending
 * IP Filter drop) and return how many bursts that skipped.
 */
function skipRepeats(run: FlowRun, flow: Flow, burst: number, seen: Map<string, { burst: number; counters: number[] }>): number {
  const key = stateKey(run, flow);
  const counters = COUNTERS.map((c) => run[c]);
  const before = seen.get(key);
  if (before === undefined) {
    seen.set(key, { burst, counters });
    return 0;
  }
  const period = burst - before.burst;
  let cycles = Math.floor((flow.bursts - burst) / period);
  if (run.dropPending()) {
    const dropAt = flow.ipfilterDropAt as number;
    cycles = Math.min(cycles, Math.floor((dropAt - 1 - run.k) / (period * flow.burstWrites)));
  }
  if (cycles <= 0) return 0;
  COUNTERS.forEach((c, i) => {
    run[c] += cycles * ((counters[i] as number) - (before.counters[i] as number));
  });
  // max*, firstEagainAt and stoppedBy were all set during the first pass of the cycle.
  return cycles * period;
}

/** Everything the next bursts depend on, except the counters. */
function stateKey(run: FlowRun, flow: Flow): string {
  const reader = flow.reader ?? 'yield';
  const readPhase = typeof reader === 'object' ? run.k % reader.every : 0;
  const stopKnown = run.stoppedBy === null ? run.lastStop : -1;
  return `${run.phase} ${readPhase} ${run.queued} ${run.unreadCnt} ${+run.flowStopped} ${+run.fused} ${stopKnown}`;
}

function outcome(run: FlowRun): Outcome {
  if (run.halted) return 'stopped';
  if (run.eagain > 0) return 'eagain';
  if (run.shortWrites > 0) return 'short';
  return run.blocks > 0 ? 'blocked' : 'ok';
}

function flowReport(flow: Flow, c: Connection, run: FlowRun): FlowReport {
  return {
    name: flow.name, ...c,
    writes: run.writes, completed: run.completed, eagain: run.eagain,
    eagainAtCountLimit: run.eagainAtCountLimit, firstEagainAt: run.firstEagainAt,
    shortWrites: run.shortWrites, blocks: run.blocks, bytes: run.bytes,
    maxUnread: run.maxUnread, maxQueuedBytes: run.maxQueuedBytes, stoppedBy: run.stoppedBy,
    unfusedAt: run.unfusedAt, outcome: outcome(run),
    ...(run.eagainAt ? { eagainAt: run.eagainAt } : {}),
  };
}
