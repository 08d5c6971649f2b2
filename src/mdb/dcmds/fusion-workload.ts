import { advise, type Advice } from '../../fusion/advice';
import { establish } from '../../fusion/connection';
import { runWorkload } from '../../fusion/engine';
import { isSweepError, sweep, SWEEPABLE, type SweepTunable } from '../../fusion/sweep';
import type { Trace } from '../../fusion/trace';
import { tunablesFromKernel, type FusionTunables } from '../../fusion/tunables';
import type { Workload } from '../../fusion/workload';
import { loadWorkloadFile } from '../../fusion/workload-file';
import { differs, keptLimits, type LatchedAndNow } from '../../render/connections';
import { adviceTaken, renderAdvice } from '../../render/fusion-advice';
import { renderReplay } from '../../render/replay';
import { replay } from '../../import/replay';
import { renderReport } from '../../render/fusion-report';
import { renderSweep } from '../../render/fusion-sweep';
import { renderTrace } from '../../render/fusion-trace';
import type { Kernel } from '../../kernel/kernel';
import { argInRange, decimal, workloadOf } from './fusion-common';
import { getopts, optionValue } from './getopts';
import type { DcmdContext, DcmdResult } from './types';

// ::run, ::advise, ::sweep, ::trace: the session workload on fresh connections
// made with today's tunables (what the kernel holds now, mdb writes included).

/** ::trace without -n: one burst of the customer case. */
export const TRACE_WRITES = 24;
/** Most writes ::trace follows. */
export const MAX_TRACE_WRITES = 10_000;

async function loadWorkload(ctx: DcmdContext, path: string): Promise<Workload | undefined> {
  const s = ctx.session;
  const r = await loadWorkloadFile(s.fs, path);
  if ('cannotOpen' in r) {
    s.out.error(`cannot open workload file: ${path}`);
    if (r.hint !== undefined) s.out.note(`hint: ${r.hint}`);
    return undefined;
  }
  if ('error' in r) {
    s.out.error(r.error);
    return undefined;
  }
  return r.workload;
}

export async function run(ctx: DcmdContext): Promise<DcmdResult> {
  const p = getopts(ctx.args, { w: true });
  if (p === 'usage' || p.args.length) return 'usage';
  const s = ctx.session;
  const file = optionValue(p, 'w');
  if (file !== undefined) {
    const w = await loadWorkload(ctx, file);
    if (!w) return 'error';
    s.workload = w;
    s.evidence = undefined;
  }
  const t = tunablesFromKernel(s.kernel);
  const w = workloadOf(ctx);
  const a = advise(t, w);
  s.out.raw(renderReport(runWorkload(t, w), s.theme, a));
  if (s.evidence !== undefined) {
    s.out.raw(`\n${renderReplay(s.evidence.file, s.kernel.release.id, replay(t, w, s.evidence, a), adviceTaken(a))}`);
  }
  return 'ok';
}

export function adviseDcmd(ctx: DcmdContext): DcmdResult {
  if (ctx.args.length) return 'usage';
  const s = ctx.session;
  const t = tunablesFromKernel(s.kernel);
  const a = advise(t, workloadOf(ctx));
  s.out.line(renderAdvice(a, s.theme));
  const kept = keptLimits(liveBehind(ctx, t, a));
  if (kept) s.out.line(s.theme.warn(kept));
  return 'ok';
}

/**
 * Live connections whose latched limits differ from what a new connection gets once the
 * advice is taken (or, with nothing to advise, from what a new one gets today).
 */
function liveBehind(ctx: DcmdContext, t: FusionTunables, a: Advice): LatchedAndNow[] {
  const target = a.unreadMin === null ? t : { ...t, unreadMin: a.unreadMin };
  return ctx.session.connections
    .map((live) => ({ live, now: establish(target, live.flow) }))
    .filter(({ live, now }) => differs(live.connection, now));
}

function isSweepable(name: string): name is SweepTunable {
  return Object.hasOwn(SWEEPABLE, name);
}

/** The values the kernel takes for a tunable: the variable's range, or the ndd parameter's. */
function accepted(k: Kernel, name: SweepTunable): readonly [number, number] | undefined {
  const range = k.lookup(name)?.entry.range;
  if (range) return [Number(range[0]), Number(range[1])];
  const ndd = k.ndd('/dev/tcp', name);
  return ndd ? [ndd.param.min, ndd.param.max] : undefined;
}

export function sweepDcmd(ctx: DcmdContext): DcmdResult {
  const p = getopts(ctx.args, {});
  if (p === 'usage' || p.args.length !== 3) return 'usage';
  const [name, fromArg, toArg] = p.args as [string, string, string];
  const s = ctx.session;
  if (!isSweepable(name)) {
    s.out.error(`cannot sweep ${name}: choose one of ${Object.keys(SWEEPABLE).join(', ')}`);
    return 'error';
  }
  const range = accepted(s.kernel, name);
  if (!range) {
    s.out.error(`cannot sweep ${name}: not a tunable of this release (${s.kernel.release.id})`);
    return 'error';
  }
  const from = argInRange(ctx, fromArg, `${name} (FROM)`, ...range);
  const to = from === undefined ? undefined : argInRange(ctx, toArg, `${name} (TO)`, ...range);
  if (from === undefined || to === undefined) return 'error';
  const result = sweep(tunablesFromKernel(s.kernel), workloadOf(ctx), name, from, to);
  if (isSweepError(result)) {
    s.out.error(result.error === 'empty-range'
      ? `nothing to sweep: FROM ${decimal(from)} is above TO ${decimal(to)}`
      : `cannot sweep ${name}: this release has no unread-write count check`);
    return 'error';
  }
  s.out.raw(renderSweep(result, s.theme));
  return 'ok';
}

/**
 * The events of the first `writes` writes of one flow. The engine counts events, and a
 * write makes a varying number of them, so ask for more until the writes are all in.
 */
function traceWrites(t: FusionTunables, w: Workload, flow: string, writes: number): Trace {
  const one: Workload = { ...w, flows: w.flows.filter((f) => f.name === flow) };
  for (let limit = writes * 8; ; limit *= 2) {
    const trace = runWorkload(t, one, { trace: { flow, limit } }).trace as Trace;
    const last = trace.events[trace.events.length - 1];
    if (trace.events.length < limit || (last !== undefined && last.k > writes)) {
      return { ...trace, limit: writes, events: trace.events.filter((e) => e.k <= writes) };
    }
  }
}

export function traceDcmd(ctx: DcmdContext): DcmdResult {
  const p = getopts(ctx.args, { n: true });
  if (p === 'usage' || p.args.length !== 1) return 'usage';
  const name = p.args[0] as string;
  const s = ctx.session;
  const w = workloadOf(ctx);
  if (!w.flows.some((f) => f.name === name)) {
    s.out.error(`no flow ${name} in workload ${w.name}: its flows are ${w.flows.map((f) => f.name).join(', ')}`);
    return 'error';
  }
  const nArg = optionValue(p, 'n');
  const writes = nArg === undefined ? TRACE_WRITES : argInRange(ctx, nArg, 'the number of writes (-n)', 1, MAX_TRACE_WRITES);
  if (writes === undefined) return 'error';
  s.out.raw(renderTrace(traceWrites(tunablesFromKernel(s.kernel), w, name, writes), s.theme));
  return 'ok';
}
