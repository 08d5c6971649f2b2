// Inline suppression, in comments the kernel ignores (checker.md):
//   * fusion-mdb: disable=CODE[,CODE...] [-- reason]   the next directive line
//   * fusion-mdb: disable-file=CODE[,CODE...]          the whole file
// (`#` comments work the same). An unknown code is itself reported.

import { editDistance } from '../kernel/explain';
import { CODES, isCode, type DiagnosticCode } from './codes';
import { makeDiagnostic, type Diagnostic } from './diagnostic';
import { latin1, Source } from './source';

export interface Suppressions {
  /** Line -> the codes silenced on it. */
  lines: Map<number, Set<DiagnosticCode>>;
  file: Set<DiagnosticCode>;
  /** unknown-code diagnostics for codes that do not exist. */
  unknown: Diagnostic[];
}

const MARK = Buffer.from('fusion-mdb:', 'latin1');
const DIRECTIVE = /^([ \t]*[*#][ \t]*fusion-mdb:[ \t]*)(disable|disable-file)[ \t]*=[ \t]*([^\s]+)/;

const isEol = (c: number | undefined): boolean => c === 0x0a || c === 0x0d;

function lineStart(b: Buffer, i: number): number {
  let s = i;
  while (s > 0 && !isEol(b[s - 1])) s--;
  return s;
}

function lineEnd(b: Buffer, i: number): number {
  let e = i;
  while (e < b.length && !isEol(b[e])) e++;
  return e;
}

/** The start of the next line after `end` (an end of line at `end`). */
function nextLine(b: Buffer, end: number): number {
  return b[end] === 0x0d && b[end + 1] === 0x0a ? end + 2 : end + 1;
}

/** A line the kernel reads as a directive: not blank, not a comment. */
function isDirective(text: string): boolean {
  const t = text.trimStart();
  return t !== '' && t[0] !== '*' && t[0] !== '#';
}

function suggest(code: string): string {
  const near = (Object.keys(CODES) as DiagnosticCode[]).find((c) => editDistance(code, c, 2) <= 2);
  return near ? `did you mean '${near}'? ` : '';
}

/** Finds the directives of a file; a file without the word `fusion-mdb:` costs one search. */
export function findSuppressions(bytes: Uint8Array, path: string): Suppressions {
  const out: Suppressions = { lines: new Map(), file: new Set(), unknown: [] };
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let src: Source | undefined;
  for (let hit = b.indexOf(MARK); hit >= 0; hit = b.indexOf(MARK, hit + MARK.length)) {
    const start = lineStart(b, hit);
    const end = lineEnd(b, hit);
    const m = DIRECTIVE.exec(latin1(b, start, end));
    if (!m) continue;
    src ??= new Source(b);
    const [, , kind, names = ''] = m;
    const codes = new Set<DiagnosticCode>();
    let offset = start + m[0].length - names.length;
    for (const name of names.split(',')) {
      if (isCode(name)) codes.add(name);
      else if (name !== '') out.unknown.push(unknownCode(src, path, offset, name));
      offset += name.length + 1;
    }
    if (kind === 'disable-file') {
      for (const c of codes) out.file.add(c);
      continue;
    }
    // The next line the kernel reads as a directive: blank lines and comments are skipped.
    for (let at = nextLine(b, end); at < b.length; at = nextLine(b, lineEnd(b, at))) {
      if (!isDirective(latin1(b, at, lineEnd(b, at)))) continue;
      const line = src.place(at).line;
      const set = out.lines.get(line) ?? new Set();
      for (const c of codes) set.add(c);
      out.lines.set(line, set);
      break;
    }
  }
  return out;
}

function unknownCode(src: Source, path: string, offset: number, name: string): Diagnostic {
  const p = src.place(offset);
  return makeDiagnostic(path, p.line, p.column, 'unknown-code', 'ours', `unknown code '${name}' in a fusion-mdb: disable comment; it silences nothing`,
    p.text, name.length, `${suggest(name)}fusion-mdb --explain CODE documents each code; the list is in docs/checks`);
}

/** The diagnostics the comments do not silence (the unknown-code ones are added by the caller); `ds` itself when they silence none. */
export function unsuppressed(ds: Diagnostic[], s: Suppressions): Diagnostic[] {
  if (s.lines.size === 0 && s.file.size === 0) return ds;
  return ds.filter((d) => !s.file.has(d.code) && !s.lines.get(d.line)?.has(d.code));
}
