// The shape most set lines have, read straight from the bytes:
//   set [module:]name {=,|,&} number
// with plain names, a plain decimal, octal or 0x number, and nothing after it on
// the line but white space or a comment. Such a line parses exactly as the
// kernel's lexer reads it (parser.ts), so the parser takes it without making a
// token; any other line, or any doubt (a long name, a backslash, a number the
// kernel would misread), is left to the lexer.

import { internBytes, isalpha, isdigit, isnamechar, isxdigit } from './lexer';

/** What readSimpleSet() found; one object, reused line after line. */
export interface SimpleSet {
  /** undefined: no module (the kernel proper). */
  module: string | undefined;
  name: string;
  op: '=' | '|' | '&';
  /** The number as written ([-~]digits), interned. */
  value: string;
  /** Byte offsets: the first name token, the end of the variable's name, the number, and the end of the line's set. */
  start: number;
  nameEnd: number;
  valueStart: number;
  end: number;
}

// Far inside the kernel's buffers (VARNAME_SIZE 64 for the variable, MOD_MAXPATH for the rest).
const MAX_NAME = 60;
const MAX_NUMBER = 40;

const SP = 0x20, TAB = 0x09, LF = 0x0a, CR = 0x0d;
const COLON = 0x3a, EQUALS = 0x3d, BAR = 0x7c, AMP = 0x26, MINUS = 0x2d, TILDE = 0x7e, UNDERSCORE = 0x5f, ZERO = 0x30, X = 0x78;

const white = (c: number): boolean => c === SP || c === TAB;

/** End of a plain name starting at `i` (a letter or `_`, then letters, digits, `_` or `-`), or -1. */
function nameEnd(b: Uint8Array, i: number): number {
  const first = b[i] ?? -1;
  if (!isalpha(first) && first !== UNDERSCORE) return -1;
  let j = i + 1;
  while (j < b.length && isnamechar(b[j] as number)) j++;
  return j - i > MAX_NAME ? -1 : j;
}

function skipWhite(b: Uint8Array, i: number): number {
  while (i < b.length && white(b[i] as number)) i++;
  return i;
}

/**
 * Reads a simple set line whose `set` keyword starts at `pos` into `out`; false
 * (and `out` unspecified) when the line is anything else.
 */
export function readSimpleSet(b: Uint8Array, pos: number, out: SimpleSet): boolean {
  if (b[pos] !== 0x73 || b[pos + 1] !== 0x65 || b[pos + 2] !== 0x74 || !white(b[pos + 3] ?? -1)) return false;
  const start = skipWhite(b, pos + 4);
  let end = nameEnd(b, start);
  if (end < 0) return false;
  let nameStart = start;
  let i = skipWhite(b, end);
  let module: string | undefined;
  if (b[i] === COLON) {
    module = internBytes(b, start, end);
    nameStart = skipWhite(b, i + 1);
    end = nameEnd(b, nameStart);
    if (end < 0) return false;
    i = skipWhite(b, end);
  }
  const opByte = b[i];
  const op = opByte === EQUALS ? '=' : opByte === BAR ? '|' : opByte === AMP ? '&' : undefined;
  if (op === undefined) return false;
  const valueStart = skipWhite(b, i + 1);
  let j = valueStart;
  if (b[j] === MINUS || b[j] === TILDE) j++;
  if (!isdigit(b[j] ?? -1)) return false;
  if (b[j] === ZERO && b[j + 1] === X) {
    j += 2;
    while (j < b.length && isxdigit(b[j] as number)) j++;
  } else {
    while (j < b.length && isdigit(b[j] as number)) j++;
  }
  // What follows must end the number for the lexer too: white space, a line end or the end of the file.
  const next = b[j];
  if (j - valueStart > MAX_NUMBER || (next !== undefined && !white(next) && next !== LF && next !== CR)) return false;
  out.module = module;
  out.name = internBytes(b, nameStart, end);
  out.op = op;
  out.value = internBytes(b, valueStart, j);
  out.start = start;
  out.nameEnd = end;
  out.valueStart = valueStart;
  out.end = j;
  return true;
}
