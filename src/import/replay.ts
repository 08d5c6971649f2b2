// A traced workload run through the model: where the model predicts EAGAIN next to where the
// trace saw it, per flow, under today's tunables and with the advice taken. Pure.

import { applyAdvice, type Advice } from '../fusion/advice';
import { establish } from '../fusion/connection';
import { runWorkload } from '../fusion/engine';
import type { FusionTunables } from '../fusion/tunables';
import type { Workload } from '../fusion/workload';

/** What a trace saw of one flow. */
export interface TracedFlowEvidence {
  flow: string;
  /** Write numbers whose attempt failed with EAGAIN (a write retried twice appears twice). */
  eagainAt: number[];
}

/** What a trace shows, for the report: where it came from and what it saw. */
export interface Evidence {
  kind: 'truss' | 'dtrace';
  file: string;
  /** The import in a few lines, as the report prints it. */
  summary: string[];
  flows: TracedFlowEvidence[];
  /** tcp_fuse_rcv_unread_hiwater values the trace shows latched: by a flow, or by a pid (the blog's lines). */
  latched: { who: string; flow: string | null; unreadHiwater: number }[];
}

/** A latched limit of the trace next to what the model latches. */
export interface LatchedCompare {
  who: string;
  traced: number;
  /** The flow's limit in the model, or what a plain local connection made now latches; null: not fused. */
  model: number | null;
}

/** What the trace shows latched, next to the model (a plain local pair for the blog's pid lines). */
export function compareLatched(t: FusionTunables, w: Workload | null, ev: Evidence): LatchedCompare[] {
  const plain = establish(t, { name: 'plain', peer: 'local', pattern: [1], bursts: 1, burstWrites: 1, mode: 'nonblocking' });
  return ev.latched.map((l) => {
    const f = l.flow === null ? undefined : w?.flows.find((x) => x.name === l.flow);
    return { who: l.who, traced: l.unreadHiwater, model: (f ? establish(t, f) : plain).unreadHiwater };
  });
}

export interface FlowReplay {
  flow: string;
  traced: number[];
  model: number[];
  /** Writes where both saw EAGAIN (counted once per write). */
  both: number;
  modelOnly: number[];
  traceOnly: number[];
  /** EAGAINs the model predicts with the advice taken; null when there is no advice to take. */
  withAdvice: number | null;
}

const unique = (xs: readonly number[]): number[] => [...new Set(xs)];

/** Compares the model with the trace, flow by flow, in the workload's order. */
export function replay(t: FusionTunables, w: Workload, ev: Evidence, advice: Advice | null): FlowReplay[] {
  const now = runWorkload(t, w, { eagainAt: true });
  const applied = advice === null ? null : applyAdvice(t, w, advice);
  const after = applied === null ? null : runWorkload(applied.tunables, applied.workload);
  return w.flows.map((f, i) => {
    const traced = ev.flows.find((x) => x.flow === f.name)?.eagainAt ?? [];
    const model = now.flows[i]?.eagainAt ?? [];
    const t1 = new Set(traced);
    const m1 = new Set(model);
    return {
      flow: f.name, traced, model,
      both: unique(model).filter((k) => t1.has(k)).length,
      modelOnly: unique(model).filter((k) => !t1.has(k)),
      traceOnly: unique(traced).filter((k) => !m1.has(k)),
      withAdvice: after === null ? null : (after.flows[i]?.eagain ?? 0),
    };
  });
}
