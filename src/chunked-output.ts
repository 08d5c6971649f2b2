import type { IO } from './io';

// Text for stdout and stderr, gathered and written in pieces of about 64 KB.
// --check of a file with 40,000 findings makes 9 MB of text: one string of it
// keeps every small piece alive until the end (and V8 then flattens and encodes
// it in one go), where pieces of 64 KB are encoded and let go as they fill.

/** Past this many characters the gathered text is written. */
const CHUNK = 1 << 16;

export type Stream = 'stdout' | 'stderr';

/**
 * One queue for both streams: text for the other stream first writes what is
 * gathered, so the two interleave exactly as they were given. Stdout bytes go
 * through io.writeOut where there is one (a pipe or file: no stream is made).
 */
export class ChunkedOutput {
  private pending = '';
  private to: Stream = 'stdout';

  constructor(private readonly io: IO) {}

  write(to: Stream, text: string): void {
    if (to !== this.to) {
      this.flush();
      this.to = to;
    }
    this.pending += text;
    if (this.pending.length >= CHUNK) this.flush();
  }

  /** Writes what is gathered; call before returning. */
  flush(): void {
    if (this.pending === '') return;
    const bytes = Buffer.from(this.pending, 'utf8');
    this.pending = '';
    if (this.to === 'stdout' && this.io.writeOut) this.io.writeOut(bytes);
    else this.io[this.to].write(bytes);
  }
}
