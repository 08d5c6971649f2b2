import type { FlowReplay, LatchedCompare } from '../import/replay';

const MAX_LISTED = 8;

/** `9, 17, 33, ... (50 writes)`. */
function writes(ks: readonly number[]): string {
  const shown = ks.slice(0, MAX_LISTED).join(', ');
  return ks.length > MAX_LISTED ? `${shown}, ... (${ks.length} writes)` : shown;
}

function flowLine(r: FlowReplay): string {
  const traced = new Set(r.traced).size;
  const model = new Set(r.model).size;
  if (traced === 0 && model === 0) return `  ${r.flow}: no EAGAIN in the trace, none in the model`;
  if (r.modelOnly.length === 0 && r.traceOnly.length === 0) {
    return `  ${r.flow}: EAGAIN at the same ${traced === 1 ? 'write' : `${traced} writes`} in the trace and the model: ${writes([...new Set(r.model)])}`;
  }
  const parts = [
    `the trace saw EAGAIN at ${traced} write${traced === 1 ? '' : 's'}, the model predicts ${model}; ${r.both} agree`,
    r.modelOnly.length ? `the model only at ${writes(r.modelOnly)}` : '',
    r.traceOnly.length ? `the trace only at ${writes(r.traceOnly)}` : '',
  ].filter(Boolean);
  return `  ${r.flow}: ${parts.join('; ')}`;
}

/** The replay paragraph of the report: model against trace, then with the advice taken. */
export function renderReplay(file: string, release: string, rows: readonly FlowReplay[], advised: string | null): string {
  const lines = [`Replay of ${file} on the model (${release}, the tunables booted now):`, ...rows.map(flowLine)];
  if (advised !== null && rows.some((r) => r.withAdvice !== null)) {
    lines.push(`With the advice taken (${advised}): ${rows.map((r) => `${r.flow} ${r.withAdvice ?? 0} EAGAIN`).join(', ')}.`);
  }
  return `${lines.join('\n')}\n`;
}

/** The limits the trace shows latched, next to the model's. */
export function renderLatched(rows: readonly LatchedCompare[]): string {
  if (rows.length === 0) return '';
  const line = (r: LatchedCompare): string => {
    const model = r.model === null ? 'the model does not fuse it' : `the model latches ${r.model === 0 ? 'off (0)' : r.model}`;
    const same = r.model === r.traced ? 'the same' : 'different: it was made before the tunables changed, or with another SO_SNDBUF';
    return `  ${r.who}: tcp_fuse_rcv_unread_hiwater ${r.traced} in the trace; ${model}: ${same}`;
  };
  return `Latched limits, trace and model:\n${rows.map(line).join('\n')}\n`;
}
