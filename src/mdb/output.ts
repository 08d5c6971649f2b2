// Where a session's words go: stdout text, mdb's errors, and our own notes.
// Buffered so that 100,000 piped commands cost one write per input chunk.

/**
 * Control bytes from the input (a NUL, an escape sequence) echoed in an mdb
 * message are shown as C octal escapes, as the /etc/system diagnostics show
 * them, so a message stays one line and cannot drive the terminal.
 */
function visible(text: string): string {
  return /[\x00-\x08\x0a-\x1f\x7f]/.test(text)
    ? text.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)
    : text;
}

/** Past this many characters the buffer is written out: a long input line (a million `;`-separated commands) must not grow one string of every answer. */
const FLUSH_AT = 1 << 16;

export class Output {
  // Plain string concatenation: V8 keeps these as ropes until the one write.
  private outBuf = '';
  private errBuf = '';
  /** How much of each buffer is whole answers: text of commands that have finished. */
  private outDone = 0;
  private errDone = 0;
  /** Open captures (a pipeline stage, the input of `! cmd`): stdout text goes to the innermost. */
  private captures: string[] = [];

  constructor(
    private writeOut: (s: string) => void,
    private writeErr: (s: string) => void,
    private readonly quiet: boolean,
  ) {}

  /** Sends what is flushed from now on elsewhere (the terminal loop pages stdout through mdb's pager). */
  redirect(writeOut: (s: string) => void, writeErr: (s: string) => void): void {
    this.flush();
    this.writeOut = writeOut;
    this.writeErr = writeErr;
  }

  /** Text for stdout, newline added. */
  line(text: string): void {
    this.raw(`${text}\n`);
  }

  /** Raw stdout text (no newline). */
  raw(text: string): void {
    const depth = this.captures.length;
    if (depth) {
      this.captures[depth - 1] += text;
      return;
    }
    this.outBuf += text;
    if (this.outBuf.length >= FLUSH_AT) this.flushOut();
  }

  /** Runs `fn` with its stdout text collected instead of printed (stderr still prints). */
  async capture(fn: () => unknown): Promise<string> {
    this.captures.push('');
    try {
      await fn();
    } catch (e) {
      this.captures.pop();
      throw e;
    }
    return this.captures.pop() as string;
  }

  /** Text for stderr as it is (a shell command's own errors). */
  rawErr(text: string): void {
    if (!text) return;
    this.flushOut();
    this.errBuf += text;
  }

  /** An mdb error: `mdb: ` + text on stderr. */
  error(text: string): void {
    this.flushOut();
    this.errBuf += `mdb: ${visible(text)}\n`;
  }

  /** A line printed as it is on stderr (usage lines). */
  errorRaw(text: string): void {
    this.flushOut();
    this.errBuf += `${text}\n`;
  }

  /** Our own addition (a hint or a note) on stderr; -q silences it. */
  note(text: string): void {
    if (this.quiet) return;
    this.flushOut();
    this.errBuf += `${text}\n`;
  }

  flush(): void {
    this.flushOut();
    this.flushErr();
  }

  /** The commands so far have finished: what they printed is whole answers. */
  answered(): void {
    this.outDone = this.outBuf.length;
    this.errDone = this.errBuf.length;
  }

  /**
   * Writes the whole answers, and drops the start of one a signal cut short: a
   * run that ends mid-command (a SIGTERM while it waits on a file) loses no answer
   * and prints no half of one.
   */
  flushAnswered(): void {
    // Everything in errBuf was printed before anything in outBuf (an error flushes stdout first).
    const whole = this.errDone === this.errBuf.length;
    this.errBuf = this.errBuf.slice(0, this.errDone);
    this.outBuf = whole ? this.outBuf.slice(0, this.outDone) : '';
    this.flush();
  }

  private flushOut(): void {
    if (this.errBuf) this.flushErr();
    if (!this.outBuf) return;
    this.writeOut(this.outBuf);
    this.outBuf = '';
    this.outDone = 0;
  }

  private flushErr(): void {
    if (!this.errBuf) return;
    this.writeErr(this.errBuf);
    this.errBuf = '';
    this.errDone = 0;
  }
}
