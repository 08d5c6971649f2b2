import { runWorkload } from './engine';
import { MAX_SWEEP_ROWS, SWEEPABLE, type SweepTunable } from './sweep-table';
import type { FusionTunables } from './tunables';
import type { Workload } from './workload';

export { MAX_SWEEP_ROWS, SWEEPABLE, type SweepTunable } from './sweep-table';

/** Only Solaris 10 has these; elsewhere they are not kernel variables. */
const COUNT_CHECK_ONLY: readonly SweepTunable[] = ['tcp_fusion_rcv_unread_min', 'do_tcp_direct_sockfs'];


export interface SweepRow {
  value: number;
  /** EAGAINs per flow, in the workload's order. */
  eagain: number[];
  total: number;
  blocks: number;
}

export interface Sweep {
  tunable: SweepTunable;
  flows: string[];
  step: number;
  rows: SweepRow[];
}

export type SweepError =
  | { error: 'not-on-release'; tunable: SweepTunable }
  | { error: 'empty-range'; from: number; to: number };

export function isSweepError(s: Sweep | SweepError): s is SweepError {
  return 'error' in s;
}

/** Runs the workload once per value of `tunable` in [from, to], every other tunable as in `t`. */
export function sweep(t: FusionTunables, w: Workload, tunable: SweepTunable, from: number, to: number): Sweep | SweepError {
  if (t.unreadMin === null && COUNT_CHECK_ONLY.includes(tunable)) return { error: 'not-on-release', tunable };
  if (from > to) return { error: 'empty-range', from, to };
  const step = Math.max(1, Math.ceil((to - from + 1) / MAX_SWEEP_ROWS));
  const rows: SweepRow[] = [];
  for (let value = from; value <= to; value += step) {
    const report = runWorkload({ ...t, [SWEEPABLE[tunable]]: value }, w);
    const eagain = report.flows.map((f) => f.eagain);
    rows.push({
      value, eagain, total: eagain.reduce((a, b) => a + b, 0),
      blocks: report.flows.reduce((n, f) => n + f.blocks, 0),
    });
  }
  return { tunable, flows: w.flows.map((f) => f.name), step, rows };
}
