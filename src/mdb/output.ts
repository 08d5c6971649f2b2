// Where a session's words go: stdout text, mdb's errors, and our own notes.
// Buffered so that 100,000 piped commands cost one write per input chunk.

export class Output {
  private outBuf: string[] = [];
  private errBuf: string[] = [];

  constructor(
    private readonly writeOut: (s: string) => void,
    private readonly writeErr: (s: string) => void,
    private readonly quiet: boolean,
  ) {}

  /** Text for stdout, newline added. */
  line(text: string): void {
    this.outBuf.push(text, '\n');
  }

  /** Raw stdout text (no newline). */
  raw(text: string): void {
    this.outBuf.push(text);
  }

  /** An mdb error: `mdb: ` + text on stderr. */
  error(text: string): void {
    this.flushOut();
    this.errBuf.push('mdb: ', text, '\n');
  }

  /** A line printed as it is on stderr (usage lines). */
  errorRaw(text: string): void {
    this.flushOut();
    this.errBuf.push(text, '\n');
  }

  /** Our own addition (a hint or a note) on stderr; -q silences it. */
  note(text: string): void {
    if (this.quiet) return;
    this.flushOut();
    this.errBuf.push(text, '\n');
  }

  flush(): void {
    this.flushOut();
    this.flushErr();
  }

  private flushOut(): void {
    if (this.errBuf.length) this.flushErr();
    if (!this.outBuf.length) return;
    this.writeOut(this.outBuf.join(''));
    this.outBuf = [];
  }

  private flushErr(): void {
    if (!this.errBuf.length) return;
    this.writeErr(this.errBuf.join(''));
    this.errBuf = [];
  }
}
