import type { IO } from './io';

// Text for stdout and stderr, gathered and written in pieces of about 64 KB.
// --check of a file with 40,000 findings makes 9 MB of text: one string of it
// keeps every small piece alive until the end (and V8 then flattens and encodes
// it in one go), where pieces of 64 KB are encoded and let go as they fill.

/** Past this many characters the gathered text is written. */
const CHUNK = 1 << 16;

/** Bytes of the buffer stdout text is encoded into: a chunk and the piece that filled it, at 3 bytes a character. */
const SCRATCH = 1 << 19;

export type Stream = 'stdout' | 'stderr';

/**
 * One queue for both streams: text for the other stream first writes what is
 * gathered, so the two interleave exactly as they were given. Stdout bytes go
 * through io.writeOut where there is one (a pipe or file: no stream is made),
 * encoded into one buffer used again for each chunk (writeOut keeps no
 * reference): a fresh buffer per chunk made 40,000 findings a tenth slower.
 */
export class ChunkedOutput {
  private pending = '';
  private to: Stream = 'stdout';
  private scratch: Buffer | undefined;

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
    const text = this.pending;
    if (text === '') return;
    this.pending = '';
    if (this.to === 'stdout' && this.io.writeOut) this.io.writeOut(this.encoded(text));
    else this.io[this.to].write(Buffer.from(text, 'utf8'));
  }

  /**
   * `text` as UTF-8 in the scratch buffer when it is a whole chunk. The last, shorter piece
   * (often the only one: a summary line, from Node's pool of small buffers) and text that
   * might not fit the scratch buffer (a JSON document) get a buffer of their own.
   */
  private encoded(text: string): Uint8Array {
    if (text.length < CHUNK || text.length * 3 > SCRATCH) return Buffer.from(text, 'utf8');
    this.scratch ??= Buffer.allocUnsafe(SCRATCH);
    return this.scratch.subarray(0, this.scratch.write(text, 0, 'utf8'));
  }
}
