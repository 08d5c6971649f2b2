import type { FlowReport, Report } from '../fusion/engine';
import type { Advice } from '../fusion/advice';
import type { FusionTunables } from '../fusion/tunables';
import type { ArchId, ReleaseId } from '../kernel/types';
import type { Theme } from './theme';
import { adviceSentences } from './fusion-advice';
import { cell, columns, NOT_FUSED, unreadCell, wrap } from './fusion-words';
import type { FlowReplay, LatchedCompare } from '../import/replay';

const HEAD = ['flow', 'fused', 'rcv\nhiwat', 'maxpsz', 'unread\nhiwat', 'writes', 'EAGAIN', 'first\nat', 'short', 'blocks', 'limit', 'outcome'];
const NUMERIC = [false, false, true, true, true, true, true, true, true, true, false, false];

function outcomeCell(f: FlowReport, theme: Theme): string {
  if (f.outcome === 'ok') return theme.ok(f.outcome);
  return f.outcome === 'eagain' || f.outcome === 'stopped' ? theme.bad(f.outcome) : theme.warn(f.outcome);
}

function row(f: FlowReport, theme: Theme): string[] {
  return [
    f.name, f.fused ? 'yes' : 'no', String(f.rcvHiwater), cell(f.maxpsz), unreadCell(f),
    String(f.writes), String(f.eagain), cell(f.firstEagainAt), String(f.shortWrites), String(f.blocks),
    f.stoppedBy ?? '-', outcomeCell(f, theme),
  ];
}

const counted = (n: number, thing: string): string => `${n} ${thing}${n === 1 ? '' : 's'}`;

/** What happened to one flow, in a sentence. */
function flowSentence(f: FlowReport): string {
  const how = f.fused
    ? `fused${f.unfusedAt !== null ? ` until an IP Filter drop at write ${f.unfusedAt}` : ''}`
    : `not fused (${NOT_FUSED[f.notFusedReason ?? 'fusion-off']})`;
  const troubles = [
    f.eagain > 0 ? `${f.eagain} EAGAIN (the first at write ${f.firstEagainAt})` : '',
    f.shortWrites > 0 ? counted(f.shortWrites, 'short write') : '',
    f.blocks > 0 ? counted(f.blocks, 'blocked write') : '',
  ].filter(Boolean);
  const what = troubles.length === 0 ? 'gets through with no EAGAIN, short write or block' : `gets ${troubles.join(', ')}`;
  const stopped = f.outcome === 'stopped' ? `; the reader never ran, so the run ended at write ${f.writes} with ${f.completed} whole` : '';
  const enobufs = f.sndbufError ? '; its SO_SNDBUF failed with ENOBUFS (above tcp_max_buf)' : '';
  return `Flow ${f.name}, ${how}, ${what}${limitClause(f)}${stopped}${enobufs}.`;
}

function limitClause(f: FlowReport): string {
  if (f.stoppedBy === 'count') {
    return `: the unread-write count (tcp_fuse_rcv_unread_hiwater ${f.unreadHiwater}) stops the sender before the byte limit (${f.rcvHiwater} bytes)`;
  }
  if (f.stoppedBy === 'bytes') {
    return f.fused && f.unfusedAt === null
      ? `: the byte limit (rcv_hiwater ${f.rcvHiwater}) stops the sender`
      : `: the TCP window (sndbuf ${f.sndbuf} + rcv_hiwater ${f.rcvHiwater}) stops the sender`;
  }
  return '';
}

export type VerdictStatus = 'ok' | 'eagain' | 'stuck' | 'blocked' | 'short';

/** The worst that happens to any flow: EAGAIN, a writer that cannot go on, sleeps, short counts. */
export function verdictStatus(report: Report): VerdictStatus {
  const any = (p: (f: FlowReport) => boolean): boolean => report.flows.some(p);
  if (any((f) => f.eagain > 0)) return 'eagain';
  if (any((f) => f.outcome === 'stopped')) return 'stuck';
  if (any((f) => f.blocks > 0)) return 'blocked';
  return any((f) => f.shortWrites > 0) ? 'short' : 'ok';
}

/** Without EAGAIN there may still be a flow that cannot go on: never "nothing to change" then. */
function stuckSentence(report: Report, status: VerdictStatus): string {
  const names = (p: (f: FlowReport) => boolean): string => report.flows.filter(p).map((f) => f.name).join(', ');
  switch (status) {
    case 'stuck': return `Something to change all the same: ${names((f) => f.outcome === 'stopped')} cannot go on, because the reader never reads; no tunable fixes that, the reader has to run.`;
    case 'blocked': return `${names((f) => f.blocks > 0)} ${report.flows.filter((f) => f.blocks > 0).length > 1 ? 'sleep' : 'sleeps'} in write until the reader catches up: a blocking writer waits instead of getting EAGAIN.`;
    case 'short': return 'Short counts: the writer must write the rest again.';
    case 'ok': return 'Nothing to change: no flow gets EAGAIN.';
    case 'eagain': return '';
  }
}

/** The verdict paragraph: one sentence per flow, what to change, or what else is wrong. */
export function verdictText(report: Report, advice?: Advice): string {
  const status = verdictStatus(report);
  const change = advice && status === 'eagain' ? adviceSentences(advice) : stuckSentence(report, status);
  return [...report.flows.map(flowSentence), change].filter(Boolean).join(' ');
}

/** The batch report: one row per flow, then a verdict paragraph with what to change. */
export function renderReport(report: Report, theme: Theme, advice?: Advice): string {
  const table = columns(HEAD, report.flows.map((f) => row(f, theme)), theme, NUMERIC);
  return `${table}\n\n${wrap(verdictText(report, advice))}\n`;
}

type JsonFlow = Pick<FlowReport, 'name' | 'fused' | 'notFusedReason' | 'sndbuf' | 'rcvHiwater' | 'maxpsz'
  | 'unreadHiwater' | 'writes' | 'completed' | 'eagain' | 'firstEagainAt' | 'shortWrites' | 'blocks' | 'bytes'
  | 'maxUnread' | 'maxQueuedBytes' | 'stoppedBy' | 'outcome'>;

export interface ReportJson {
  release: ReleaseId;
  arch: ArchId;
  tunables: Record<string, number | null>;
  flows: JsonFlow[];
}

/** `--json` beyond the figures: what the text report says in its verdict. */
export interface ReportJsonExtras {
  diagnostics: unknown[];
  verdict: { status: VerdictStatus; text: string };
  advice: Advice;
  trace: { kind: string; file: string; summary: string[]; replay: FlowReplay[]; latched: LatchedCompare[] } | null;
}

/** `--json`: the fields of issue 4, numbers as numbers, absent values as null. */
export function reportJson(report: Report, t: FusionTunables, release: ReleaseId, arch: ArchId): ReportJson {
  const countCheckRelease = t.unreadMin !== null;
  return {
    release,
    arch,
    tunables: {
      do_tcp_fusion: t.doTcpFusion,
      do_tcp_direct_sockfs: countCheckRelease ? t.doTcpDirectSockfs : null,
      tcp_fusion_rcv_unread_min: t.unreadMin,
      tcp_xmit_hiwat: t.xmitHiwat,
      tcp_recv_hiwat: t.recvHiwat,
      tcp_max_buf: t.maxBuf,
      tcp_sth_rcv_hiwat: t.sthRcvHiwat,
    },
    flows: report.flows.map((f) => ({
      name: f.name, fused: f.fused, notFusedReason: f.notFusedReason, sndbuf: f.sndbuf,
      rcvHiwater: f.rcvHiwater, maxpsz: f.maxpsz, unreadHiwater: f.unreadHiwater, writes: f.writes,
      completed: f.completed, eagain: f.eagain, firstEagainAt: f.firstEagainAt, shortWrites: f.shortWrites,
      blocks: f.blocks, bytes: f.bytes, maxUnread: f.maxUnread, maxQueuedBytes: f.maxQueuedBytes,
      stoppedBy: f.stoppedBy, outcome: f.outcome,
    })),
  };
}
