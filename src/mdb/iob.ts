// mdb's output buffer (mdb_io.c): one line at a time, auto-wrap at the last
// column, an indent margin after every newline while MDB_IOB_INDENT is set, and
// tab stops. Format output (/, =) goes through it so that rows wrap exactly as
// mdb wraps them: a field that would pass column 80 starts a new line
// (IOB_WRAPNOW), and padding that would reach column 80 becomes the newline
// itself (mdb_iob_ws), so no row is 80 wide with a trailing blank.

export const IOB_COLS = 80;
/** The margin of mdb's stdout (labels are `%-#*lla` with this width, `=` output is indented by it). */
export const IOB_MARGIN = 16;
/** BUFSIZ: the width of a pipe's iob, which never wraps (mdb_iob_pipe, mdb_shell_pipe). */
export const IOB_BUFSIZ = 8192;
/**
 * fusion-mdb's limit on what one command prints (mdb has none and would print
 * `0t100000000000=X` until interrupted): past it the command stops.
 */
export const IOB_LIMIT = 4 << 20;

export interface IobOptions {
  /** Wrap at `cols` (MDB_IOB_AUTOWRAP with MDB_FL_AUTOWRAP); off for pipes. */
  autowrap: boolean;
  cols?: number;
  margin?: number;
}

export class Iob {
  private line = '';
  private done = '';
  private indent = false;
  autowrap: boolean;
  readonly cols: number;
  readonly margin: number;
  tabstop = 8;

  constructor(opts: IobOptions) {
    this.autowrap = opts.autowrap;
    this.cols = opts.cols ?? (opts.autowrap ? IOB_COLS : IOB_BUFSIZ);
    this.margin = opts.margin ?? IOB_MARGIN;
  }

  /** MDB_IOB_INDENT is set. */
  get indenting(): boolean {
    return this.indent;
  }

  get nbytes(): number {
    return this.line.length;
  }

  private reachedLimit = false;

  /** The command has printed IOB_LIMIT characters: the format engine stops (and stays stopped). */
  get full(): boolean {
    if (!this.reachedLimit && this.done.length + this.line.length >= IOB_LIMIT) this.reachedLimit = true;
    return this.reachedLimit;
  }

  /** IOB_WRAPNOW: would `n` more bytes pass the last column? Never at an indented margin. */
  wrapNow(n: number): boolean {
    return this.autowrap && this.nbytes !== 0 && n + this.nbytes > this.cols &&
      !(this.indent && this.nbytes === this.margin);
  }

  /** mdb_iob_setflags/clrflags(MDB_IOB_INDENT). */
  setIndent(on: boolean): void {
    this.indent = on;
    if (on) this.applyIndent();
    else this.unindent();
  }

  /** mdb_iob_nputs: text with embedded newlines and tabs obeying the wrap rules. */
  puts(s: string): void {
    let rest = s;
    for (let i = rest.search(/[\t\n]/); i >= 0; i = rest.search(/[\t\n]/)) {
      if (i > 0) this.chunk(rest.slice(0, i));
      if (rest[i] === '\t') this.tab();
      else this.nl();
      rest = rest.slice(i + 1);
    }
    if (rest) this.chunk(rest);
  }

  /** Literal format text (iob_doprnt): wraps first when it would not fit. */
  text(s: string): void {
    if (s === '') return;
    if (this.wrapNow(s.length) && s[0] !== '\n') this.nl();
    this.puts(s);
  }

  /** One `%-Ns`-style conversion of iob_doprnt: `str` in a field of `width`, left-justified unless told. */
  field(str: string, width = 0, leftAlign = true): void {
    const w = Math.max(width, str.length);
    if (this.wrapNow(w)) this.nl();
    if (!leftAlign && str.length < w) this.fill(' ', w - str.length);
    this.puts(str);
    if (leftAlign && str.length < w) this.ws(w - str.length);
  }

  /** mdb_iob_fill. */
  fill(c: string, n: number): void {
    let left = n;
    while (left > 0 && !this.full) {
      const room = this.bufLeft();
      const m = Math.min(left, room);
      this.line += c.repeat(m);
      left -= m;
      if (m === room && left > 0) this.nl();
    }
  }

  /** mdb_iob_ws: blanks, or a newline when they would reach the last column. */
  ws(n: number): void {
    if (!this.autowrap || this.nbytes + n < this.cols) this.fill(' ', n);
    else this.nl();
  }

  /** mdb_iob_tab: to the next multiple of the tab stop, or a newline past the last column. */
  tab(): void {
    if (this.tabstop === 0) return;
    const n = Math.floor((this.nbytes + this.tabstop) / this.tabstop) * this.tabstop;
    if (n < this.cols) this.fill(' ', n - this.nbytes);
    else this.nl();
  }

  /** `%NT`: pad to the next multiple of N unless already on one. */
  tabTo(width: number): void {
    if (width === 0 || this.nbytes % width === 0) return;
    const ts = this.tabstop;
    this.tabstop = width;
    this.tab();
    this.tabstop = ts;
  }

  /** mdb_iob_nl: end the line (the margin follows while indenting). */
  nl(): void {
    this.done += `${this.line}\n`;
    this.line = '';
    this.applyIndent();
  }

  /** mdb_iob_nlflush: end a started line; a line holding only the margin is dropped. */
  nlflush(): void {
    this.unindent();
    if (this.nbytes !== 0) this.nl();
    else this.applyIndent();
  }

  /** Everything written so far, the open line included; the buffer starts over. */
  take(): string {
    const s = this.done + this.line;
    this.done = '';
    this.line = '';
    return s;
  }

  private chunk(s: string): void {
    let rest = s;
    while (rest.length > 0 && !this.full) {
      const room = this.bufLeft();
      const m = Math.min(rest.length, room);
      this.line += rest.slice(0, m);
      rest = rest.slice(m);
      if (m === room && rest.length > 0) {
        if (this.autowrap) this.nl();
        else this.flushLine();
      }
    }
  }

  /** A full line of a non-wrapping buffer is written out as it is (mdb_iob_flush). */
  private flushLine(): void {
    this.done += this.line;
    this.line = '';
  }

  private bufLeft(): number {
    if (this.autowrap) {
      if (this.cols < this.nbytes) this.nl();
      return this.cols - this.nbytes;
    }
    return Math.max(IOB_BUFSIZ - this.nbytes, 1);
  }

  private applyIndent(): void {
    if (this.nbytes === 0 && this.margin !== 0 && this.indent) this.line = ' '.repeat(this.margin);
  }

  private unindent(): void {
    if (this.nbytes !== 0 && this.nbytes === this.margin && this.line.trim() === '') this.line = '';
  }
}
