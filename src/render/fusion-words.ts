import Table from 'cli-table3';
import type { NotFusedReason } from '../fusion/connection';
import type { FlowReport } from '../fusion/engine';
import type { Theme } from './theme';

/** Output width the fusion renderers keep to. */
export const COLUMNS = 80;

export const NOT_FUSED: Record<NotFusedReason, string> = {
  'fusion-off': 'do_tcp_fusion is 0',
  'remote-peer': 'remote peer',
  ipsec: 'IPsec policy',
  ipqos: 'IPQoS enabled',
  kssl: 'kernel SSL',
  'ip-options': 'IP options',
  'different-squeue': 'different squeues',
};

/** The latched unread limit as a cell: the value, "off", "(N)" when nothing checks it, "-". */
export function unreadCell(f: Pick<FlowReport, 'unreadHiwater' | 'countCheck'>): string {
  if (f.unreadHiwater === null) return '-';
  if (f.unreadHiwater === 0) return 'off';
  return f.countCheck ? String(f.unreadHiwater) : `(${f.unreadHiwater})`;
}

export const cell = (v: number | null): string => (v === null ? '-' : String(v));

/** Fills words into lines of at most `width` columns. */
export function wrap(text: string, width = COLUMNS): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

const NO_BORDER = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '',
  'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  right: '', 'right-mid': '', middle: ' ',
};

/**
 * A table in mdb's manner: columns one space apart, no box, a rule under the heading.
 * Numbers are right-aligned; colour only in the heading, and only when the theme has it.
 */
export function columns(head: string[], rows: string[][], theme: Theme, numeric: boolean[]): string {
  const table = new Table({
    head: head.map((h) => theme.head(h)),
    chars: NO_BORDER,
    colAligns: numeric.map((n) => (n ? 'right' : 'left')),
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
  });
  table.push(...rows);
  const lines = table.toString().split('\n').map((l) => l.trimEnd());
  const headLines = Math.max(...head.map((h) => h.split('\n').length));
  const rule = theme.dim('-'.repeat(Math.max(...lines.map(visibleLength))));
  return [...lines.slice(0, headLines), rule, ...lines.slice(headLines)].join('\n');
}

// Colour escapes (SGR), so widths count only what shows.
const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
export const visibleLength = (s: string): number => s.replace(SGR, '').length;
