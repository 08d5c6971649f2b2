import type { IO } from './io';
import type { TextSink } from './render/diagnostics';

// Text and bytes for stdout and stderr, gathered in one buffer of 64 KB and
// written each time it fills. --check of a file with 40,000 findings makes
// 9 MB of text: gathered as one string it would keep every small piece alive
// until the end (and V8 would then flatten and encode it in one go); here each
// piece is encoded into the buffer as it comes, and the pieces a finding
// repeats (its words around the line number) come already encoded.

/** Bytes gathered before they are written. */
const CHUNK = 1 << 16;

/** Room a string of `n` characters may need as UTF-8: a UTF-16 unit is at most 3 bytes (a pair, 4 for 2). */
const room = (n: number): number => n * 3;

export type Stream = 'stdout' | 'stderr';

/**
 * One queue for both streams: output for the other stream first writes what is
 * gathered, so the two interleave exactly as they were given. Stdout bytes go
 * through io.writeOut where there is one (a pipe or file: no stream is made),
 * straight from the buffer (writeOut keeps no reference); a stream is given a
 * copy, since it may hold what it is given past the write.
 */
export class ChunkedOutput {
  private readonly buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private to: Stream = 'stdout';

  constructor(private readonly io: IO) {}

  /** `text` as UTF-8; a text longer than the buffer (a JSON document) is written whole, after what is gathered. */
  write(to: Stream, text: string): void {
    if (to !== this.to) this.switchTo(to);
    if (room(text.length) > CHUNK - this.used) {
      this.flush();
      if (room(text.length) > CHUNK) {
        this.send(Buffer.from(text, 'utf8'), true);
        return;
      }
    }
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  /** Bytes already encoded, copied in (more than the buffer holds: written as they are, after what is gathered). */
  bytes(to: Stream, b: Uint8Array): void {
    if (to !== this.to) this.switchTo(to);
    if (b.length > CHUNK - this.used) {
      this.flush();
      if (b.length > CHUNK) {
        this.send(b, false);
        return;
      }
    }
    this.buf.set(b, this.used);
    this.used += b.length;
  }

  /** A whole number of at most 16 digits (a line number), in decimal. */
  number(to: Stream, n: number): void {
    if (to !== this.to) this.switchTo(to);
    if (CHUNK - this.used < 17) this.flush();
    const buf = this.buf;
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    let at = this.used + digits;
    this.used = at;
    let m = n;
    do {
      buf[--at] = 0x30 + (m % 10);
      m = Math.floor(m / 10);
    } while (m > 0);
  }

  /** Writes what is gathered; call before returning. */
  flush(): void {
    if (this.used === 0) return;
    const n = this.used;
    this.used = 0;
    this.send(this.buf.subarray(0, n), false);
  }

  private switchTo(to: Stream): void {
    this.flush();
    this.to = to;
  }

  /** Output bound to one stream, for the renderers (src/render/diagnostics.ts). */
  sink(to: Stream): TextSink {
    return { text: (s) => this.write(to, s), bytes: (b) => this.bytes(to, b), number: (n) => this.number(to, n) };
  }

  /** `data` to the current stream: through writeOut as it is; to a stream as a copy, unless `owned` (made for this write). */
  private send(data: Uint8Array, owned: boolean): void {
    if (this.to === 'stdout' && this.io.writeOut) this.io.writeOut(data);
    else this.io[this.to].write(owned ? data : Buffer.from(data));
  }
}
