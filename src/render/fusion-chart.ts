import type { Theme } from './theme';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `value / max` of `width` cells: unicode eighths, or ASCII '#'. */
export function bar(value: number, max: number, width: number, theme: Theme): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  if (!theme.unicode) return '#'.repeat(Math.max(1, Math.round(eighths / 8)));
  return '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] as string);
}

/**
 * A column chart, one column per x, `height` rows: the limit drawn as a line across,
 * marked columns flagged on the axis below.
 */
export function columnChart(values: number[], limit: number, marked: boolean[], height: number, theme: Theme): string[] {
  const top = Math.max(limit, ...values, 1);
  const level = (v: number): number => Math.round((v / top) * height);
  const limitRow = level(limit);
  const fill = theme.unicode ? '█' : '#';
  const line = theme.unicode ? '─' : '-';
  const rows: string[] = [];
  for (let r = height; r >= 1; r--) {
    const label = r === height ? String(top) : r === limitRow ? String(limit) : '';
    const cells = values.map((v) => (level(v) >= r ? fill : r === limitRow ? line : ' ')).join('');
    rows.push(`${label.padStart(6)} ${theme.unicode ? '│' : '|'}${cells}`.trimEnd());
  }
  rows.push(`${'0'.padStart(6)} ${theme.unicode ? '└' : '+'}${(theme.unicode ? '─' : '-').repeat(values.length)}`);
  rows.push(`${''.padStart(8)}${marked.map((m) => (m ? theme.bad(theme.unicode ? '▲' : '^') : ' ')).join('')}`.trimEnd());
  return rows;
}
