// The bytes of a system file and where each offset sits, in physical lines.
// A line ends at "\n", "\r\n" or a lone "\r"; a missing final newline is fine.

import { findByte, holds, internBytes, INTERN_MAX } from './lexer';

/** Longest source line kept in a diagnostic (a 1 MB line is cut, the caret still points in it). */
export const TEXT_CAP = 512;

const LF = 0x0a;
const CR = 0x0d;

export interface Place {
  line: number;
  column: number;
  /** The source line, at most TEXT_CAP characters, one character per byte. */
  text: string;
}

export class Source {
  readonly bytes: Buffer;
  private lastOffset = 0;
  private lastLine = 1;
  private lastLineStart = 0;
  private textStart = -1;
  private text = '';

  /** No "\r" in the file: "\n" alone ends a line. */
  readonly noCR: boolean;

  constructor(input: string | Uint8Array) {
    // A Buffer over the same memory: latin1() then decodes without a view per call.
    this.bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : asBuffer(input);
    this.noCR = !holds(this.bytes, CR);
  }

  /** Line (1-based), column (1-based) and line text of a byte offset. */
  place(offset: number): Place {
    const at = this.seek(offset);
    return { line: this.lastLine, column: at - this.lastLineStart + 1, text: this.lineText(this.lastLineStart) };
  }

  /** Moves the line cursor to `offset` (clamped, returned); `line` and `lineStart` then describe it. */
  seek(offset: number): number {
    const at = Math.max(0, Math.min(offset, this.bytes.length));
    if (at < this.lastOffset) {
      this.lastOffset = 0;
      this.lastLine = 1;
      this.lastLineStart = 0;
    }
    const b = this.bytes;
    if (this.noCR) {
      // Most files end their lines with "\n" alone: the line ends found by the native search.
      for (let i = findByte.call(b, LF, this.lastOffset); i >= 0 && i < at; i = findByte.call(b, LF, i + 1)) {
        this.lastLine++;
        this.lastLineStart = i + 1;
      }
    } else {
      for (let i = this.lastOffset; i < at; i++) {
        const c = b[i];
        if (c === LF || (c === CR && b[i + 1] !== LF)) {
          this.lastLine++;
          this.lastLineStart = i + 1;
        }
      }
    }
    this.lastOffset = at;
    return at;
  }

  /** Tells the cursor that line `line` starts at `offset` (the parser counted it): a seek from there goes on from it. */
  mark(offset: number, line: number): void {
    this.lastOffset = offset;
    this.lastLine = line;
    this.lastLineStart = offset;
  }

  /** Where the line holding `offset` starts: after the last line end before it ("\n", or a "\r" not followed by one). */
  lineStartOf(offset: number): number {
    const b = this.bytes;
    let i = Math.min(offset, b.length) - 1;
    while (i >= 0 && b[i] !== LF && b[i] !== CR) i--;
    return i + 1;
  }

  /** The line the last seek() landed on (1-based). */
  get line(): number {
    return this.lastLine;
  }

  /** The offset where that line starts. */
  get lineStart(): number {
    return this.lastLineStart;
  }

  /** Number of physical lines (an empty file has one, empty, line). */
  lineCount(): number {
    return this.place(this.bytes.length).line;
  }

  /** The text of the line that starts at `start` (at most TEXT_CAP characters). */
  lineText(start: number): string {
    if (start === this.textStart) return this.text;
    this.textStart = start;
    this.text = this.readLine(start);
    return this.text;
  }

  private readLine(start: number): string {
    const b = this.bytes;
    const stop = Math.min(b.length, start + TEXT_CAP);
    let end = start;
    if (this.noCR) {
      const lf = findByte.call(b, LF, start);
      end = lf < 0 || lf > stop ? stop : lf;
    } else {
      while (end < stop && b[end] !== LF && b[end] !== CR) end++;
    }
    // A short line is the interned string of its bytes: a mistake repeated on 10,000 lines shows one string.
    return end - start <= INTERN_MAX ? internBytes(b, start, end) : latin1(b, start, end);
  }
}

export function latin1(b: Uint8Array, start: number, end: number): string {
  return asBuffer(b).toString('latin1', start, end);
}

const asBuffer = (b: Uint8Array): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/**
 * The text encoding a byte order mark (or UTF-16's NUL in every other byte of
 * the first two characters) gives away; undefined for plain bytes.
 */
export function encodingOf(b: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | 'UTF-8 with a byte order mark' | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'UTF-8 with a byte order mark';
  if (b.length < 4) return undefined;
  if (b[0] !== 0 && b[1] === 0 && b[2] !== 0 && b[3] === 0) return 'UTF-16LE';
  if (b[0] === 0 && b[1] !== 0 && b[2] === 0 && b[3] !== 0) return 'UTF-16BE';
  return undefined;
}
