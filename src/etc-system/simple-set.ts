// The shape most set lines have, read straight from the bytes:
//   set [module:]name {=,|,&} number
// with plain names, a plain decimal, octal or 0x number, and nothing after it on
// the line but white space or a comment. Such a line parses exactly as the
// kernel's lexer reads it (parser.ts), so the parser takes it without making a
// token; any other line, or any doubt (a long name, a backslash, a number the
// kernel would misread), is left to the lexer.

import { internBytes, isalpha, isdigit, isnamechar, isnewline, iswhite, isxdigit } from './lexer';

/** What readSimpleSet() found; one object, reused line after line. */
export interface SimpleSet {
  /** Where the module's name ends, or -1: no module (the kernel proper). */
  moduleEnd: number;
  /** Where the variable's name starts. */
  nameStart: number;
  /** A hash of the names' bytes (the same names give the same hash, however spaced). */
  hash: number;
  /** The operator: 0, 1, 2 for =, |, & (a SetTable's codes). */
  opCode: number;
  /** A plain decimal or hex number's value (exact in a double), else -1 and `value` holds the number as written. */
  number: number;
  hex: boolean;
  /** The number as written ([-~]digits), interned; undefined when `number` has it. */
  value: string | undefined;
  /** Byte offsets: the first name token, the end of the variable's name, the number, and the end of the line's set. */
  start: number;
  nameEnd: number;
  valueStart: number;
  end: number;
}

// Far inside the kernel's buffers (VARNAME_SIZE 64 for the variable, MOD_MAXPATH for the rest).
const MAX_NAME = 60;
const MAX_NUMBER = 40;

const LF = 0x0a, CR = 0x0d;
const HASH_MASK = 0xfffff;
const BACKSLASH = 0x5c;
const COLON = 0x3a, EQUALS = 0x3d, BAR = 0x7c, AMP = 0x26, MINUS = 0x2d, TILDE = 0x7e, ZERO = 0x30, X = 0x78;

// The kernel lexer's classes of a byte, as bits in one table: a line is read
// with a table lookup per byte and no call (most of a big file is read before
// the JIT has optimised anything).
const WHITE = 1, NAME_START = 2, NAME = 4, DIGIT = 8, XDIGIT = 16, ENDS_WORD = 32;
const CLASS = new Uint8Array(256);
/** A hex digit's value, by byte. */
const HEX = new Uint8Array(256);
for (let d = 0; d < 16; d++) {
  HEX[d < 10 ? ZERO + d : 0x61 + d - 10] = d;
  if (d >= 10) HEX[0x41 + d - 10] = d;
}
for (let c = 0; c < 256; c++) {
  CLASS[c] = (iswhite(c) ? WHITE : 0) | (isalpha(c) || c === 0x5f ? NAME_START : 0) | (isnamechar(c) ? NAME : 0)
    | (isdigit(c) ? DIGIT : 0) | (isxdigit(c) ? XDIGIT : 0) | (iswhite(c) || isnewline(c) ? ENDS_WORD : 0);
}

/**
 * Reads a simple set line whose `set` keyword starts at `pos` into `out`; false
 * (and `out` unspecified) when the line is anything else.
 */
export function readSimpleSet(b: Uint8Array, pos: number, out: SimpleSet): boolean {
  const n = b.length;
  if (pos + 4 > n || b[pos] !== 0x73 || b[pos + 1] !== 0x65 || b[pos + 2] !== 0x74 || !((CLASS[b[pos + 3] as number] as number) & WHITE)) return false;
  let i = pos + 4;
  while (i < n && (CLASS[b[i] as number] as number) & WHITE) i++;
  // The first name: a module, or the variable; hashed as it is read (h * 31 + byte, kept to 20 bits: no
  // call per byte, and no number that outgrows a small integer, which code not yet optimised would allocate).
  const start = i;
  if (i >= n || !((CLASS[b[i] as number] as number) & NAME_START)) return false;
  let h = b[i] as number;
  for (i++; i < n; i++) {
    const c = b[i] as number;
    if (!((CLASS[c] as number) & NAME)) break;
    h = (h * 31 + c) & HASH_MASK;
  }
  if (i - start > MAX_NAME) return false;
  let nameStart = start;
  let nameEnd = i;
  while (i < n && (CLASS[b[i] as number] as number) & WHITE) i++;
  let moduleEnd = -1;
  if (i < n && b[i] === COLON) {
    moduleEnd = nameEnd;
    h = (h * 31 + COLON) & HASH_MASK;
    for (i++; i < n && (CLASS[b[i] as number] as number) & WHITE; i++);
    nameStart = i;
    if (i >= n || !((CLASS[b[i] as number] as number) & NAME_START)) return false;
    for (; i < n; i++) {
      const c = b[i] as number;
      if (!((CLASS[c] as number) & NAME)) break;
      h = (h * 31 + c) & HASH_MASK;
    }
    if (i - nameStart > MAX_NAME) return false;
    nameEnd = i;
    while (i < n && (CLASS[b[i] as number] as number) & WHITE) i++;
  }
  if (i >= n) return false;
  const opByte = b[i];
  const opCode = opByte === EQUALS ? 0 : opByte === BAR ? 1 : opByte === AMP ? 2 : -1;
  if (opCode < 0) return false;
  for (i++; i < n && (CLASS[b[i] as number] as number) & WHITE; i++);
  // The number: [-~], then 0x and hex digits, or decimal digits (octal is judged later).
  const valueStart = i;
  const unary = i < n && (b[i] === MINUS || b[i] === TILDE);
  if (unary) i++;
  if (i >= n || !((CLASS[b[i] as number] as number) & DIGIT)) return false;
  // Its value too, when it is a plain decimal or hex number exact in a double.
  let number = 0;
  let digits = 0;
  const hex = b[i] === ZERO && i + 1 < n && b[i + 1] === X;
  if (hex) {
    for (i += 2; i < n && (CLASS[b[i] as number] as number) & XDIGIT; i++, digits++) number = number * 16 + (HEX[b[i] as number] as number);
  } else {
    const first = i;
    for (; i < n && (CLASS[b[i] as number] as number) & DIGIT; i++, digits++) number = number * 10 + ((b[i] as number) - ZERO);
    // A leading 0 makes it octal (or invalid): readValue() judges that.
    if (b[first] === ZERO && digits > 1) digits = Infinity;
  }
  // What follows must end the number for the lexer too: white space, a line end or the end of the file.
  if (i - valueStart > MAX_NUMBER || (i < n && !((CLASS[b[i] as number] as number) & WHITE) && b[i] !== LF && b[i] !== CR)) return false;
  out.moduleEnd = moduleEnd;
  out.nameStart = nameStart;
  out.hash = h;
  out.opCode = opCode;
  const exact = !unary && digits <= (hex ? 13 : 15);
  out.number = exact ? number : -1;
  out.hex = hex;
  out.value = exact ? undefined : internBytes(b, valueStart, i);
  out.start = start;
  out.nameEnd = nameEnd;
  out.valueStart = valueStart;
  out.end = i;
  return true;
}

/** What readSimpleDirective() found; one object, reused line after line. */
export interface SimpleDirective {
  command: 'exclude' | 'forceload' | 'rootfs' | 'swapfs';
  /** Byte offsets: the keyword, and the argument's start and end. */
  start: number;
  argStart: number;
  argEnd: number;
}

// The directives whose argument runs to white space: `keyword: argument`, the keywords as bytes.
const PATH_COMMANDS = (['exclude', 'forceload', 'rootfs', 'swapfs'] as const).map((k) => ({ k, bytes: Buffer.from(k, 'latin1') }));
/** Far inside MOD_MAXPATH (256), where the kernel says "value too long". */
const MAX_ARGUMENT = 200;

/**
 * Reads `keyword: argument` at `pos` into `out` (exclude, forceload, rootfs,
 * swapfs in lower case; the argument a name, then any bytes but white space, no
 * backslash): what the kernel's lexer and do_sysfile_cmd() make of such a line.
 * false (and `out` unspecified) for anything else: a missing colon, another
 * first byte, a long or escaped argument are left to the lexer.
 */
export function readSimpleDirective(b: Uint8Array, pos: number, out: SimpleDirective): boolean {
  const n = b.length;
  let keyword: SimpleDirective['command'] | undefined;
  let i = pos;
  for (const { k, bytes } of PATH_COMMANDS) {
    if (b[pos] !== bytes[0]) continue;
    let j = 1;
    while (j < bytes.length && b[pos + j] === bytes[j]) j++;
    if (j === bytes.length) { keyword = k; i = pos + j; break; }
  }
  if (keyword === undefined || (i < n && (CLASS[b[i] as number] as number) & NAME)) return false;
  while (i < n && (CLASS[b[i] as number] as number) & WHITE) i++;
  if (b[i] !== COLON) return false;
  for (i++; i < n && (CLASS[b[i] as number] as number) & WHITE; i++);
  const argStart = i;
  if (i >= n || !((CLASS[b[i] as number] as number) & NAME_START)) return false;
  for (; i < n && !((CLASS[b[i] as number] as number) & ENDS_WORD); i++) if (b[i] === BACKSLASH) return false;
  if (i - argStart > MAX_ARGUMENT) return false;
  out.command = keyword;
  out.start = pos;
  out.argStart = argStart;
  out.argEnd = i;
  return true;
}
