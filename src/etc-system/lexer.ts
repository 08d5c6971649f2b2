// The tokens of a system file, read byte by byte the way the kernel's kobj_lex()
// reads them (modsysfile.c, sys/kobj_lex.h): the same classes of characters, the
// same buffer limits, the same quirks.

export type TokenKind =
  | 'unexpected' | 'equals' | 'ampersand' | 'bit-or' | 'star' | 'pound' | 'colon'
  | 'semicolon' | 'comma' | 'slash' | 'white-space' | 'newline' | 'eof'
  | 'string' | 'hexval' | 'decval' | 'name';

export interface Token {
  kind: TokenKind;
  /** The token's value as the kernel's buffer holds it (escapes done, quotes dropped). */
  text: string;
  /** Byte offsets of the token in the file. */
  start: number;
  end: number;
  /** The token did not fit its buffer: the kernel returns UNEXPECTED with what it read. */
  overflow: boolean;
}

/** A warning the lexer itself prints (kobj_lex: `Missing "`, `Character overflow detected.`). */
export interface LexWarning {
  message: string;
  offset: number;
  /** kobj_file_err (with "on line N of FILE") or a bare cmn_err. */
  located: boolean;
}

// sys/sysconf.h: MAXLINESIZE, the top-level token buffer of read_system_file().
export const MAXLINESIZE = 80;
// sys/modctl.h: MOD_MAXPATH; do_sysfile_cmd() reads into tok1[MOD_MAXPATH + 1].
export const MOD_MAXPATH = 256;
// do_sysfile_cmd(): the variable after "module:" is read into tok2[64].
export const VARNAME_SIZE = 64;

export const EOF = -1;

/**
 * The typed array's own search for a byte: Buffer's indexOf checks its arguments
 * in JavaScript first, which costs more than the search on a short line.
 */
export const findByte = Uint8Array.prototype.indexOf;

/** Whether `byte` is anywhere in `bytes`: Buffer's search (memchr), many times quicker over a whole file. */
export const holds = (bytes: Uint8Array, byte: number): boolean => Buffer.prototype.indexOf.call(bytes, byte, 0) >= 0;

const SINGLES: Readonly<Record<string, TokenKind>> = {
  '=': 'equals', '&': 'ampersand', '|': 'bit-or', '*': 'star', '#': 'pound',
  ':': 'colon', ';': 'semicolon', ',': 'comma', '/': 'slash',
};
// Indexed by byte: a dense array, not an object with number keys (a dictionary lookup per byte).
const SINGLE: readonly (TokenKind | undefined)[] = Array.from({ length: 256 }, (_, c) => SINGLES[String.fromCharCode(c)]);

/** The one-character string of each byte, made once. */
const ONE_BYTE: readonly string[] = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c));

const SP = 0x20, TAB = 0x09, FF = 0x0c, LF = 0x0a, CR = 0x0d;
const STAR = 0x2a, POUND = 0x23;
const QUOTE = 0x22, BACKSLASH = 0x5c, MINUS = 0x2d, TILDE = 0x7e, UNDERSCORE = 0x5f;
const ZERO = 0x30, SEVEN = 0x37, X = 0x78;

// sys/kobj_lex.h character classes.
export const iswhite = (c: number): boolean => c === SP || c === TAB;
export const isnewline = (c: number): boolean => c === LF || c === CR || c === FF;
export const isdigit = (c: number): boolean => c >= ZERO && c <= 0x39;
export const isxdigit = (c: number): boolean => isdigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
export const isalpha = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
export const isnamechar = (c: number): boolean => isalpha(c) || isdigit(c) || c === UNDERSCORE || c === MINUS;

/** Tokens up to this many bytes are interned; the table has INTERNED slots (a power of two). */
export const INTERN_MAX = 64;
const INTERNED = 4096;
const interned: (string | undefined)[] = new Array<string | undefined>(INTERNED).fill(undefined);

/** The interned string of bytes [start, end) of `b` (at most INTERN_MAX of them): the same string the lexer gives a token of those bytes. */
export function internBytes(b: Uint8Array, start: number, end: number): string {
  const n = end - start;
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
  const slot = (h >>> 0) & (INTERNED - 1);
  const seen = interned[slot];
  if (seen !== undefined && seen.length === n) {
    let same = true;
    for (let i = 0; i < n; i++) if (seen.charCodeAt(i) !== b[start + i]) { same = false; break; }
    if (same) return seen;
  }
  const fresh = n === 1 ? (ONE_BYTE[b[start] as number] as string) : Buffer.from(b.buffer, b.byteOffset + start, n).toString('latin1');
  interned[slot] = fresh;
  return fresh;
}

/**
 * The one token buffer every lexer fills: a token is copied out (text()) before
 * lex() returns, and no lex() runs inside another, so lexers may share it (a
 * file makes no buffer of its own).
 */
const TOKEN_BUFFER = Buffer.alloc(2 * MOD_MAXPATH);

/** Thrown inside a token read when its buffer is full; caught in lex(). */
class Overflow {}

/** A cursor over the file with the kernel's getc/ungetc and its lexer. */
export class Lexer {
  pos = 0;
  readonly warnings: LexWarning[] = [];
  private readonly b: Uint8Array;
  /** The token buffer being filled, its length, and the room left in it (kobj_lex's cp and remain). */
  private readonly out = TOKEN_BUFFER;
  private len = 0;
  private remain = 0;

  /** The only newline character in the file is "\n" (no "\r", no form feed). */
  readonly onlyLF: boolean;

  /** `noCR`: the file holds no "\r" (its Source has looked already). */
  constructor(bytes: Uint8Array, noCR = !holds(bytes, CR)) {
    this.b = bytes;
    this.onlyLF = noCR && !holds(bytes, FF);
  }

  getc(): number {
    const c = this.pos < this.b.length ? (this.b[this.pos] as number) : EOF;
    this.pos++;
    return c;
  }

  ungetc(): void {
    this.pos--;
  }

  /** modsysfile.c kobj_find_eol(): skip to the end of the line, leaving the newline. */
  findEol(): void {
    // At the end of the file the cursor stands one past it, as after getc() read EOF.
    const b = this.b;
    // Most often the line ends right here (after a number the parser judged): no search.
    if (b[this.pos] === LF) return;
    if (this.onlyLF) {
      // No "\r" or form feed in the file: the native search finds the newline.
      const i = this.pos < b.length ? findByte.call(b, LF, this.pos) : -1;
      this.pos = i >= 0 ? i : Math.max(this.pos, b.length) + 1;
      return;
    }
    for (let i = this.pos; i < b.length; i++) {
      if (isnewline(b[i] as number)) { this.pos = i; return; }
    }
    this.pos = Math.max(this.pos, b.length) + 1;
  }

  /**
   * Where a line's first token starts: skips white space, then takes a newline or a
   * comment's `*` or `#` without making a token (most lines of a big file are one
   * or the other). undefined: anything else, for lex() to read.
   */
  skipLineStart(): 'newline' | 'comment' | undefined {
    const b = this.b;
    let i = this.pos;
    while (i < b.length && iswhite(b[i] as number)) i++;
    const c = i < b.length ? (b[i] as number) : EOF;
    if (c === LF || c === CR) { this.pos = i + 1; return 'newline'; }
    if (c === STAR || c === POUND) { this.pos = i + 1; return 'comment'; }
    this.pos = i;
    return undefined;
  }

  /** The next token, read into a buffer of `size` bytes (kobj_lex(file, val, size)). */
  lex(size: number): Token {
    let c = this.getc();
    while (iswhite(c)) c = this.getc();
    const start = this.pos - 1;
    this.len = 0;
    this.remain = size - 1;
    let kind: TokenKind = 'unexpected';
    let overflow = false;
    try {
      kind = this.read(c);
    } catch (e) {
      if (!(e instanceof Overflow)) throw e;
      overflow = true;
    }
    const end = Math.min(Math.max(this.pos, start + 1), this.b.length);
    // One-byte tokens (=, :, the newline, a digit) take a shared string: no decode, no garbage.
    const text = this.len === 1 ? (ONE_BYTE[this.out[0] as number] as string) : this.text();
    return { kind, text, start, end, overflow };
  }

  /**
   * The token buffer as a string. Names and values repeat from line to line and
   * file to file (set, ip, maxusers, 0x20): a short one is decoded once and then
   * found again by a hash of its bytes, so a big file makes no string per token.
   */
  private text(): string {
    const n = this.len;
    return n > INTERN_MAX ? this.out.toString('latin1', 0, n) : internBytes(this.out, 0, n);
  }

  /** Stores one more byte of the token, or gives up when the buffer is full. */
  private take(c: number): void {
    if (--this.remain === 0) throw new Overflow();
    if (c !== EOF) this.push(c);
  }

  private push(c: number): void {
    this.out[this.len++] = c;
  }

  private read(first: number): TokenKind {
    if (this.remain < 1) return 'unexpected';
    if (first === EOF) return 'eof';
    this.push(first);
    const single = SINGLE[first];
    if (single) return single;
    if (first === FF) {
      let c = this.getc();
      while (c === SP || c === TAB || c === FF) { this.take(c); c = this.getc(); }
      this.ungetc();
      return 'white-space';
    }
    if (first === LF || first === CR) return 'newline';
    if (first === QUOTE) { this.len--; return this.readString(); }
    return this.readWord(first);
  }

  // kobj_lex: a quoted string; a backslash keeps the next character, or starts
  // an octal escape; a newline or EOF before the closing quote is `Missing "`.
  private readString(): TokenKind {
    for (let c = this.getc(); c !== QUOTE; c = this.getc()) {
      if (c === LF || c === EOF) {
        this.warnings.push({ message: 'Missing "', offset: this.pos - 1, located: true });
        this.len = 0;
        this.push(LF);
        this.ungetc();
        return 'string';
      }
      if (c !== BACKSLASH) { this.take(c); continue; }
      this.take(c);
      this.len--;
      c = this.getc();
      if (!isdigit(c)) { if (c !== EOF) this.push(c); continue; }
      let oval = 0;
      while (c >= ZERO && c <= SEVEN) { oval = oval * 8 + (c - ZERO); c = this.getc(); }
      this.ungetc();
      if (oval > 127) this.warnings.push({ message: 'Character overflow detected.', offset: this.pos, located: false });
      this.push(oval & 0xff);
    }
    return 'string';
  }

  // kobj_lex default case: a lone '-' is a name; '~' or '-' may prefix a number;
  // "0x" starts hex (lower-case x only), other digits a DECVAL (octal is decided later).
  private readWord(first: number): TokenKind {
    let c = first;
    if (c === MINUS || c === TILDE) {
      c = this.getc();
      this.take(c);
      if (first === MINUS && (iswhite(c) || c === LF)) {
        this.ungetc();
        this.len--;
        return 'name';
      }
    }
    if (isdigit(c)) return this.readNumber(c);
    if (isalpha(c) || c === BACKSLASH || c === UNDERSCORE) {
      if (c === BACKSLASH) { this.len--; this.remain++; } else c = this.getc();
      while (isnamechar(c) || c === BACKSLASH) {
        if (c === BACKSLASH) c = this.getc();
        this.take(c);
        c = this.getc();
      }
      this.ungetc();
      return 'name';
    }
    return 'unexpected';
  }

  private readNumber(first: number): TokenKind {
    let c = this.getc();
    if (first === ZERO && c === X) {
      this.take(c);
      c = this.getc();
      while (isxdigit(c)) { this.take(c); c = this.getc(); }
      this.ungetc();
      return 'hexval';
    }
    while (isdigit(c)) { this.take(c); c = this.getc(); }
    this.ungetc();
    return 'decval';
  }
}

/**
 * modsysfile.c kobj_getvalue(): a DECVAL or HEXVAL token as a 64-bit value;
 * leading '~' complements, '-' negates, "0x" is hex, a leading 0 octal.
 * undefined for a digit outside the radix (`invalid number`). Also two ways the
 * value is silently not the one written: the digits went past 64 bits (the
 * kernel keeps the low 64), or `~0`, which it returns as 0 before the complement.
 */
export function readValue(token: string): { value: bigint; overflow: boolean; complementLost: boolean } | undefined {
  let s = token;
  const unary = s[0] === '~' || s[0] === '-' ? s[0] : '';
  if (unary) s = s.slice(1);
  let radix = 10;
  let prefix = '';
  if (s[0] === '0') {
    s = s.slice(1);
    if (s === '') return { value: 0n, overflow: false, complementLost: unary === '~' };
    if (s[0] === 'x' || s[0] === 'X') { radix = 16; prefix = '0x'; s = s.slice(1); } else { radix = 8; prefix = '0o'; }
  }
  for (let i = 0; i < s.length; i++) {
    const d = digitValue(s.charCodeAt(i));
    if (d < 0 || d >= radix) return undefined;
  }
  // Each step wraps at 64 bits; wrapping once at the end gives the same value.
  // Up to 13 digits (any radix here) is below 2^53: exact as a double, no string to build.
  const wide = s === '' ? 0n : s.length <= 13 ? BigInt(parseInt(s, radix)) : BigInt(prefix + s);
  let v = wide & U64;
  if (unary === '~') v = ~v & U64;
  if (unary === '-') v = -v & U64;
  return { value: v, overflow: wide > U64, complementLost: false };
}

/** A hex digit's value (either case), -1 for anything else. */
function digitValue(c: number): number {
  if (c >= ZERO && c <= 0x39) return c - ZERO;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

export const U64 = 0xffffffffffffffffn;
