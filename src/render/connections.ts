import type { Connection } from '../fusion/connection';
import type { Flow } from '../fusion/workload';
import type { Theme } from './theme';
import { cell, columns, NOT_FUSED, unreadCell, wrap } from './fusion-words';

// The live connections of a session (::connect, ::netstat, ::fuse): what each
// latched at set-up, next to what a connection made now would get.

/** A connection made with ::connect, as the session keeps it. */
export interface LiveConnection {
  id: number;
  pid: number;
  flow: Pick<Flow, 'name' | 'peer' | 'sndbuf'>;
  connection: Connection;
}

/** A live connection and what the same connection would latch if it were made now. */
export interface LatchedAndNow {
  live: LiveConnection;
  now: Connection;
}

export const NO_CONNECTIONS = 'no connections: make one with ::connect NAME';

const fusedWords = (c: Connection): string =>
  c.fused ? 'fused' : `not fused (${NOT_FUSED[c.notFusedReason ?? 'fusion-off']})`;

/** The latched count limit in words, or '' when the connection has none. */
function unreadWords(c: Connection): string {
  if (c.unreadHiwater === null) return '';
  const why = c.unreadHiwater === 0 ? ' (count check off)' : c.countCheck ? '' : ' (not checked: not a socket reader)';
  return `, tcp_fuse_rcv_unread_hiwater ${c.unreadHiwater}${why}`;
}

/** ::connect: one line about the connection just made. */
export function connectLine(live: LiveConnection): string {
  const c = live.connection;
  const enobufs = c.sndbufError ? ` (SO_SNDBUF ${live.flow.sndbuf} failed with ENOBUFS: above tcp_max_buf)` : '';
  const maxpsz = c.maxpsz === null ? '' : `, maxpsz ${c.maxpsz}`;
  return `${live.flow.name}: id ${live.id}, pid ${live.pid}, ${fusedWords(c)}; ` +
    `sndbuf ${c.sndbuf}${enobufs}, rcv_hiwater ${c.rcvHiwater}${maxpsz}${unreadWords(c)}`;
}

/** ::netstat: one row per live connection. */
export function renderNetstat(lives: readonly LiveConnection[], theme: Theme): string {
  const head = ['id', 'name', 'pid', 'peer', 'fused', 'sndbuf', 'rcv_hiwat'];
  const rows = lives.map(({ id, pid, flow, connection: c }) => [
    String(id), flow.name, String(pid), flow.peer,
    c.fused ? theme.ok('yes') : `no: ${NOT_FUSED[c.notFusedReason ?? 'fusion-off']}`,
    String(c.sndbuf), String(c.rcvHiwater),
  ]);
  return columns(head, rows, theme, [true, false, true, false, false, true, true]);
}

/** A "new" cell: marked when it differs from what the connection latched. */
const nowCell = (latched: string, now: string, theme: Theme): string => (latched === now ? now : theme.warn(now));

/** ::fuse: per connection the latched limits next to a new connection's. */
export function renderFuse(rows: readonly LatchedAndNow[], theme: Theme): string {
  const head = ['id', 'name', 'pid', 'unread_hiwat\nlatched', '\nnew', 'rcv_hiwat\nlatched', '\nnew', 'maxpsz\nlatched', '\nnew'];
  const body = rows.map(({ live, now }) => {
    const c = live.connection;
    const pairs: [string, string][] = [
      [unreadCell(c), unreadCell(now)], [String(c.rcvHiwater), String(now.rcvHiwater)], [cell(c.maxpsz), cell(now.maxpsz)],
    ];
    return [String(live.id), live.flow.name, String(live.pid), ...pairs.flatMap(([l, n]) => [l, nowCell(l, n, theme)])];
  });
  const table = columns(head, body, theme, [true, false, true, true, true, true, true, true, true]);
  const kept = keptLimits(rows.filter(({ live, now }) => differs(live.connection, now)));
  const legend = 'latched: what the connection took at set-up; new: what a connection made now would take.';
  return [table, '', wrap(legend), ...(kept ? [theme.warn(kept)] : [])].join('\n');
}

/** Whether a live connection latched other limits than a new one would get. */
export function differs(latched: Connection, now: Connection): boolean {
  return latched.unreadHiwater !== now.unreadHiwater || latched.rcvHiwater !== now.rcvHiwater || latched.maxpsz !== now.maxpsz;
}

/** The reminder that live connections keep their old limits, naming them; '' for none. */
export function keptLimits(rows: readonly LatchedAndNow[]): string {
  if (rows.length === 0) return '';
  const names = rows.map(({ live, now }) => {
    const c = live.connection;
    const unread = c.unreadHiwater !== now.unreadHiwater
      ? `tcp_fuse_rcv_unread_hiwater ${c.unreadHiwater ?? '-'}, new ${now.unreadHiwater ?? '-'}`
      : `rcv_hiwater ${c.rcvHiwater}, new ${now.rcvHiwater}`;
    return `${live.flow.name} (pid ${live.pid}: ${unread})`;
  });
  const verb = rows.length === 1 ? 'keeps the limit it' : 'keep the limits they';
  return wrap(`${names.join(', ')} ${verb} latched at set-up; only a new connection (or a new SO_SNDBUF or SO_RCVBUF) gets today's values.`);
}

/** ::fuse -d: what the DTrace script of the story prints, one line per fused connection. */
export function dtraceLines(lives: readonly LiveConnection[]): string[] {
  return lives
    .filter((l) => l.connection.fused && l.connection.unreadHiwater !== null)
    .map((l) => `pid: ${l.pid} tcp_fuse_rcv_unread_hiwater: ${l.connection.unreadHiwater}`);
}
