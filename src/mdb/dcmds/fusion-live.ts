import { establish } from '../../fusion/connection';
import { tunablesFromKernel } from '../../fusion/tunables';
import { CUSTOMER_CASE, type Flow } from '../../fusion/workload';
import { connectLine, dtraceLines, NO_CONNECTIONS, renderFuse, renderNetstat } from '../../render/connections';
import type { LiveConnection } from '../session';
import { PID_BASE } from './fusion';
import { argInRange, oneOf, orList, workloadOf } from './fusion-common';
import { getopts, optionValue, type ParsedOptions } from './getopts';
import type { DcmdContext, DcmdResult } from './types';

// ::connect, ::netstat, ::fuse: connections that stay open in the session and
// keep what they latched at set-up (tcp_fuse() runs once, when they connect).


/** `-x` words and the Flow field each turns on (the exceptions of tcp_fuse()). */
const EXCEPTIONS = {
  ipsec: 'ipsec', ipqos: 'ipqos', kssl: 'kssl', ipopts: 'ipOptions', squeue: 'differentSqueue',
} as const satisfies Record<string, keyof Flow>;

/** A NAME that is no flow of the workload: a plain local socket pair, no options. */
const PLAIN_LOCAL = CUSTOMER_CASE.flows[0] as Flow;

/** A socket buffer size: SO_SNDBUF / SO_RCVBUF take an int. */
const MAX_BUFFER = 0x7fffffff;

function isException(word: string): word is keyof typeof EXCEPTIONS {
  return Object.hasOwn(EXCEPTIONS, word);
}

/** The flow `::connect NAME` sets up: the workload's flow of that name (or a local one), then the options. */
function flowFor(ctx: DcmdContext, name: string, p: ParsedOptions): Flow | undefined {
  const flow: Flow = { ...(workloadOf(ctx).flows.find((f) => f.name === name) ?? PLAIN_LOCAL), name };
  const peer = oneOf(ctx, 'p', optionValue(p, 'p'), ['local', 'remote'] as const);
  const mode = oneOf(ctx, 'm', optionValue(p, 'm'), ['blocking', 'nonblocking'] as const);
  const receiver = oneOf(ctx, 't', optionValue(p, 't'), ['socket', 'tli', 'module'] as const);
  if (peer === false || mode === false || receiver === false) return undefined;
  if (peer) flow.peer = peer;
  if (mode) flow.mode = mode;
  if (receiver) flow.receiver = receiver;
  for (const [flag, field] of [['s', 'sndbuf'], ['r', 'rcvbuf']] as const) {
    const arg = optionValue(p, flag);
    if (arg === undefined) continue;
    const size = argInRange(ctx, arg, field === 'sndbuf' ? 'SO_SNDBUF' : 'SO_RCVBUF', 1, MAX_BUFFER);
    if (size === undefined) return undefined;
    flow[field] = size;
  }
  for (const word of optionValue(p, 'x')?.split(',') ?? []) {
    if (!isException(word)) {
      ctx.session.out.error(`-x takes ${orList(Object.keys(EXCEPTIONS))} (comma separated), not "${word}"`);
      return undefined;
    }
    flow[EXCEPTIONS[word]] = true;
  }
  return flow;
}

export function connect(ctx: DcmdContext): DcmdResult {
  const p = getopts(ctx.args, { p: true, s: true, r: true, m: true, t: true, x: true });
  if (p === 'usage' || p.args.length !== 1) return 'usage';
  const name = p.args[0] as string;
  const s = ctx.session;
  const taken = s.connections.find((c) => c.flow.name === name);
  if (taken) {
    s.out.error(`connection ${name} already exists (id ${taken.id}, pid ${taken.pid})`);
    return 'error';
  }
  const flow = flowFor(ctx, name, p);
  if (!flow) return 'error';
  const id = Math.max(0, ...s.connections.map((c) => c.id)) + 1;
  const live: LiveConnection = { id, pid: PID_BASE + id, flow, connection: establish(tunablesFromKernel(s.kernel), flow) };
  s.connections.push(live);
  s.out.line(connectLine(live));
  return 'ok';
}

export function netstat(ctx: DcmdContext): DcmdResult {
  if (ctx.args.length) return 'usage';
  const s = ctx.session;
  s.out.line(s.connections.length ? renderNetstat(s.connections, s.theme) : NO_CONNECTIONS);
  return 'ok';
}

export function fuse(ctx: DcmdContext): DcmdResult {
  const p = getopts(ctx.args, { d: false });
  if (p === 'usage' || p.args.length) return 'usage';
  const s = ctx.session;
  if (s.connections.length === 0) {
    s.out.line(NO_CONNECTIONS);
    return 'ok';
  }
  if (p.options.has('d')) {
    for (const line of dtraceLines(s.connections)) s.out.line(line);
    return 'ok';
  }
  const t = tunablesFromKernel(s.kernel);
  s.out.line(renderFuse(s.connections.map((live) => ({ live, now: establish(t, live.flow) })), s.theme));
  return 'ok';
}
