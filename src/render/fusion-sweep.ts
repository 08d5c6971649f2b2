import type { Sweep } from '../fusion/sweep';
import type { Theme } from './theme';
import { bar } from './fusion-chart';
import { COLUMNS, columns } from './fusion-words';

/** ::sweep: a table of EAGAINs per value and flow, then a bar chart of the totals. */
export function renderSweep(s: Sweep, theme: Theme): string {
  const head = [s.tunable === 'tcp_fusion_rcv_unread_min' ? 'value' : s.tunable, ...s.flows, 'total', 'blocks'];
  const rows = s.rows.map((r) => [String(r.value), ...r.eagain.map(String), String(r.total), String(r.blocks)]);
  const table = columns(head, rows, theme, head.map(() => true));
  const max = Math.max(...s.rows.map((r) => r.total));
  const valueWidth = Math.max(...s.rows.map((r) => String(r.value).length));
  const totalWidth = String(max).length;
  const barWidth = COLUMNS - valueWidth - totalWidth - 3;
  const chart = s.rows.map((r) => {
    const line = `${String(r.value).padStart(valueWidth)} ${String(r.total).padStart(totalWidth)} ${bar(r.total, max, barWidth, theme)}`;
    return line.trimEnd();
  });
  const step = s.step > 1 ? ` (every ${s.step}th value)` : '';
  return `${table}\n\nEAGAIN per value of ${s.tunable}${step}:\n${chart.join('\n')}\n`;
}
