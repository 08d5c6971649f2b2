import type { ReleaseId } from '../kernel/types';

// The format characters, one row each, as mdb_fmt.c's fmttab holds them: the
// kind (a printf shape, a special function, a match, a write), the size in
// bytes and the help text ::formats prints. The table is data per release:
// Solaris 10, OpenSolaris and Solaris 11 ship the 2008 table; today's illumos widened E, e,
// G, g, p, P (a 64-bit value and its blank fit), made R one column wider for
// values with the top bit set, and added j (jazzed binary) and z (CTF-sized
// write). Everything else reads this table: ::formats, the / and = engine
// (fmt-print.ts), the write verbs and Tab completion.

/** f_size: bytes read, SZ_NONE (dot does not move) or 0 (variable size). */
export type FormatSize = 1 | 2 | 4 | 8 | 'none' | 'variable';

/** The special functions of fmttab (FMT_FUNC rows). */
export type FormatFunc =
  | 'plus' | 'minus' | 'carat' | 'escchr' | 'swapint' | 'swapshort' | 'dotinstr' | 'instr' | 'hex64'
  | 'nl' | 'ws' | 'tab' | 'binary' | 'jazzed' | 'escstr' | 'rawstr' | 'time32' | 'time64' | 'dot'
  | 'float' | 'sdbyte';

export interface FormatRow {
  char: string;
  /** FMT_PRINTF, FMT_FUNC, FMT_MATCH (l L M), or a write handled only by write_arglist (z). */
  type: 'printf' | 'func' | 'match' | 'write-only';
  /** FMT_WRITE: `addr/W value` writes. */
  write: boolean;
  size: FormatSize;
  /** The printf shape of a FMT_PRINTF row, e.g. `%-16d`. */
  printf?: string;
  func?: FormatFunc;
  /** The help of a FUNC or MATCH row (printf rows are described by format2str). */
  help?: string;
  /** f_float: the bytes are a double. */
  float?: boolean;
  /** FMT_NOAUTOWRAP (illumos): the row does not force auto-wrap. */
  noAutowrap?: boolean;
  /** Field widths of a function row: the value's width, and the width when its top bit (or nibble) is set. */
  widths?: readonly [number, number];
}

const p = (char: string, printf: string, size: FormatSize, extra: Partial<FormatRow> = {}): FormatRow =>
  ({ char, type: 'printf', write: false, size, printf, ...extra });
const f = (char: string, func: FormatFunc, help: string, size: FormatSize, extra: Partial<FormatRow> = {}): FormatRow =>
  ({ char, type: 'func', write: false, size, func, help, ...extra });
const m = (char: string, help: string, size: FormatSize): FormatRow => ({ char, type: 'match', write: false, size, help });

// mdb_fmt.c (2008, as in Solaris 10 and OpenSolaris), in character order.
const SOLARIS: readonly FormatRow[] = [
  f('+', 'plus', 'increment dot by the count', 'variable'),
  f('-', 'minus', 'decrement dot by the count', 'variable'),
  p('B', '%-8x', 1),
  f('C', 'escchr', 'character using C character notation', 1),
  p('D', '%-16d', 4),
  p('E', '%-16llu', 8),
  p('F', '%g', 8, { float: true }),
  p('G', '%-16llo', 8),
  f('H', 'swapint', 'swap bytes and shorts', 4),
  f('I', 'dotinstr', 'address and disassembled instruction', 'variable'),
  f('J', 'hex64', 'hexadecimal long long', 8, { widths: [16, 17] }),
  f('K', 'hex64', 'hexadecimal uintptr_t', 8, { widths: [16, 17] }),
  m('L', 'int', 4),
  m('M', 'long long', 8),
  f('N', 'nl', 'newline', 'none'),
  p('O', '%-#16o', 4),
  p('P', '%-16a', 8),
  p('Q', '%-#16q', 4),
  f('R', 'binary', 'binary unsigned long long', 8, { widths: [64, 64] }),
  f('S', 'escstr', 'string using C string notation', 'variable'),
  f('T', 'tab', 'horizontal tab', 'none'),
  p('U', '%-16u', 4),
  p('V', '%-8u', 1),
  p('W', '%-16r', 4, { write: true }),
  p('X', '%-16x', 4),
  f('Y', 'time32', 'decoded time32_t', 4),
  f('Z', 'hex64', 'hexadecimal long long', 8, { write: true, widths: [16, 17] }),
  f('^', 'carat', 'decrement dot by increment * count', 'variable'),
  f('a', 'dot', 'dot as symbol+offset', 'none'),
  p('b', '%-#8o', 1),
  p('c', '%c', 1),
  p('d', '%-8hd', 2),
  p('e', '%-16lld', 8),
  f('f', 'float', 'float', 4, { float: true }),
  p('g', '%-16llq', 8),
  f('h', 'swapshort', 'swap bytes', 2),
  f('i', 'instr', 'disassembled instruction', 'variable'),
  m('l', 'short', 2),
  f('n', 'nl', 'newline', 'none'),
  p('o', '%-#8ho', 2),
  p('p', '%-16a', 8),
  p('q', '%-#8hq', 2),
  f('r', 'ws', 'whitespace', 'none'),
  f('s', 'rawstr', 'raw string', 'variable'),
  f('t', 'tab', 'horizontal tab', 'none'),
  p('u', '%-8hu', 2),
  f('v', 'sdbyte', 'decimal signed int', 1, { write: true }),
  p('w', '%-8hr', 2, { write: true }),
  p('x', '%-8hx', 2),
  f('y', 'time64', 'decoded time64_t', 8),
];

// What today's illumos mdb_fmt.c changed and added.
const ILLUMOS_CHANGES: readonly FormatRow[] = [
  f('R', 'binary', 'binary unsigned long long', 8, { widths: [64, 65] }),
  p('E', '%-21llu', 8),
  p('G', '%-23llo', 8),
  p('P', '%-19a', 8),
  p('e', '%-21lld', 8),
  p('g', '%-24llq', 8),
  f('j', 'jazzed', 'jazzed-up binary unsigned long long', 8, { noAutowrap: true }),
  p('p', '%-19a', 8),
  { char: 'z', type: 'write-only', write: true, size: 'variable', help: 'whose size is inferred by CTF info' },
];

function merge(base: readonly FormatRow[], changes: readonly FormatRow[]): readonly FormatRow[] {
  const rows = new Map(base.map((r) => [r.char, r]));
  for (const r of changes) rows.set(r.char, r);
  // fmttab is indexed by character code: ::formats lists it in that order
  return [...rows.values()].sort((a, b) => a.char.charCodeAt(0) - b.char.charCodeAt(0));
}

const TABLES: Record<ReleaseId, readonly FormatRow[]> = {
  s10: SOLARIS,
  opensolaris: SOLARIS,
  solaris11: SOLARIS,
  illumos: merge(SOLARIS, ILLUMOS_CHANGES),
};

/**
 * MDB_FL_AUTOWRAP at start-up. Solaris mdb wraps all output at 80 columns;
 * illumos (2020) turned auto-wrap off by default and forces it on only while
 * a format character prints, unless its row says FMT_NOAUTOWRAP.
 */
export const AUTOWRAP_DEFAULT: Record<ReleaseId, boolean> = { s10: true, opensolaris: true, solaris11: true, illumos: false };

const INDEX = new Map<ReleaseId, Map<string, FormatRow>>();

/** The format table of a release, in ::formats order. */
export function formatTable(release: ReleaseId): readonly FormatRow[] {
  return TABLES[release];
}

export function formatRow(release: ReleaseId, char: string): FormatRow | undefined {
  let index = INDEX.get(release);
  if (!index) INDEX.set(release, (index = new Map(TABLES[release].map((r) => [r.char, r]))));
  return index.get(char);
}

const SIZE_NAMES = ['short', 'int', 'long', 'long long'] as const;

/** mdb_iob_format2str: `%-16llx` → "hexadecimal long long". */
export function format2str(format: string): string {
  let size = 1; // SZ_INT
  let i = format.indexOf('%');
  if (i < 0) return 'text';
  for (;;) {
    const c = format[++i] ?? '';
    if (/[0-9?#+-]/.test(c)) continue;
    const sized = (what: string): string => `${what} ${SIZE_NAMES[size]}`;
    switch (c) {
      case 'a': case 'A': return 'symbol';
      case 'b': return `unsigned ${SIZE_NAMES[size]} bitfield`;
      case 'c': return 'character';
      case 'd': case 'i': return sized('decimal signed');
      case 'e': case 'E': case 'g': case 'G': return 'double';
      case 'h': size = 0; continue;
      case 'H': return 'human-readable size';
      case 'I': return 'IPv4 address';
      case 'l': size = size >= 2 ? 3 : 2; continue;
      case 'm': return 'margin';
      case 'N': return 'IPv6 address';
      case 'o': return sized('octal unsigned');
      case 'p': return 'pointer';
      case 'q': return sized('octal signed');
      case 'r': return sized('default radix unsigned');
      case 'R': return sized('default radix signed');
      case 's': return 'string';
      case 't': case 'T': return 'tab';
      case 'u': return sized('decimal unsigned');
      case 'x': case 'X': return sized('hexadecimal');
      case 'Y': return 'time_t';
      case '<': return 'terminal attribute';
      default: return 'text';
    }
  }
}

/** cmd_formats: one line per row that is not FMT_NONE. */
export function formatsListing(release: ReleaseId): string {
  return formatTable(release).map((r) => {
    const write = r.write ? 'write ' : '';
    const what = r.type === 'match' ? `match ${r.help}` : `${write}${r.help ?? format2str(r.printf ?? '')}`;
    const size = r.size === 'none' ? '' : r.size === 'variable' ? ' (variable size)'
      : r.size === 1 ? ' (1 byte)' : ` (${r.size} bytes)`;
    return `${r.char} - ${what}${size}`;
  }).join('\n');
}
