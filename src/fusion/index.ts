export { tunablesFromKernel, defaultTunables, type FusionTunables } from './tunables';
export {
  parseWorkload, isWorkloadError, CUSTOMER_CASE,
  type Workload, type WorkloadError, type Flow, type Peer, type WriteMode, type ReaderPolicy, type Receiver,
} from './workload';
export { establish, type Connection, type NotFusedReason } from './connection';
export { runWorkload, type Report, type FlowReport, type Outcome, type RunOptions } from './engine';
export type { Trace, TraceEvent, Limit } from './trace';
export { advise, type Advice, type NoAdvice } from './advice';
export {
  sweep, isSweepError, SWEEPABLE, MAX_SWEEP_ROWS, type Sweep, type SweepRow, type SweepError, type SweepTunable,
} from './sweep';
