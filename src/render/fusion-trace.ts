import type { Trace, TraceEvent } from '../fusion/trace';
import type { Theme } from './theme';
import { columnChart } from './fusion-chart';
import { COLUMNS } from './fusion-words';

const CHART_HEIGHT = 8;

function eventLine(e: TraceEvent, theme: Theme): string {
  switch (e.kind) {
    case 'write': return `write ${e.k}: ${e.size} bytes`;
    case 'chunk': return `  chunk ${e.n} bytes`;
    case 'counters': return `  rcv_cnt ${e.rcvCnt} unread_cnt ${e.unreadCnt}`;
    case 'stop': return theme.warn(`  flow stopped: ${e.limit === 'count' ? 'unread-write count' : 'byte'} limit`);
    case 'eagain': return theme.bad(`  EAGAIN on write ${e.k}`);
    case 'block': return theme.warn(`  write ${e.k} blocks`);
    case 'short': return theme.warn(`  short count: ${e.taken} bytes of write ${e.k}`);
    case 'drain': return `  reader ran: took ${e.rcvCnt} bytes, ${e.unreadCnt} unread writes`;
    case 'unfuse': return theme.warn(`  IP Filter drop: unfused at write ${e.k}`);
  }
}

/** Per write: the highest count reached, and whether it met EAGAIN. */
function perWrite(t: Trace): { values: number[]; eagain: boolean[] } {
  const values: number[] = [];
  const eagain: boolean[] = [];
  const useCount = t.countCheck;
  for (const e of t.events) {
    const i = e.k - 1;
    while (values.length <= i) { values.push(0); eagain.push(false); }
    if (e.kind === 'counters') values[i] = Math.max(values[i] as number, useCount ? e.unreadCnt : e.rcvCnt);
    if (e.kind === 'eagain') eagain[i] = true;
  }
  const first = t.events[0]?.k ?? 1;
  return { values: values.slice(first - 1), eagain: eagain.slice(first - 1) };
}

/** ::trace: the events, then the unread count (or bytes) per write against the limit. */
export function renderTrace(t: Trace, theme: Theme): string {
  const lines = t.events.map((e) => eventLine(e, theme));
  const { values, eagain } = perWrite(t);
  const width = COLUMNS - 8;
  const limit = t.countCheck ? (t.unreadHiwater as number) : t.rcvHiwater;
  const what = t.countCheck ? `unread_cnt per write, limit ${limit}` : `rcv_cnt per write, limit ${limit} bytes`;
  const marks = theme.unicode ? '▲' : '^';
  const chart = columnChart(values.slice(0, width), limit, eagain.slice(0, width), CHART_HEIGHT, theme);
  return `${lines.join('\n')}\n\n${t.flow}: ${what} (${marks} EAGAIN)\n${chart.join('\n')}\n`;
}
