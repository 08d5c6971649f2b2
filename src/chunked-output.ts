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

/** Numbers below this (9 digits at most) are written digit by digit; larger ones as text. */
const SMALL = 1_000_000_000;

export type Stream = 'stdout' | 'stderr';

/**
 * One queue for both streams: output for the other stream first writes what is
 * gathered, so the two interleave exactly as they were given. Stdout bytes go
 * through io.writeOut where there is one (a pipe or file: no stream is made),
 * straight from the buffer (writeOut keeps no reference); a stream is given a
 * copy, since it may hold what it is given past the write.
 */
export class ChunkedOutput implements TextSink {
  private readonly buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private to: Stream = 'stdout';

  constructor(private readonly io: IO) {}

  /** `text` as UTF-8 to `to`; a text longer than the buffer (a JSON document) is written whole, after what is gathered. */
  write(to: Stream, text: string): void {
    this.select(to);
    this.text(text);
  }

  /**
   * What text(), bytes() and number() write to from now on (the stream a printed
   * format goes to: it then writes to this output as its TextSink).
   */
  select(to: Stream): void {
    if (to === this.to) return;
    this.flush();
    this.to = to;
  }

  text(s: string): void {
    if (room(s.length) > CHUNK - this.used) {
      this.flush();
      if (room(s.length) > CHUNK) {
        this.send(Buffer.from(s, 'utf8'), true);
        return;
      }
    }
    this.used += this.buf.write(s, this.used, 'utf8');
  }

  /** Bytes already encoded, copied in (more than the buffer holds: written as they are, after what is gathered). */
  bytes(b: Uint8Array): void {
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

  /** A whole number below 2^53 (a line number), in decimal. */
  number(n: number): void {
    if (n >= SMALL) {
      this.text(String(n));
      return;
    }
    if (CHUNK - this.used < 10) this.flush();
    // Digits counted by comparison, and each taken off by an exact division: in code not yet
    // optimised, m / 10 of a number not divisible by 10 would make a heap number per digit.
    const digits = n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : n < 1000000 ? 6 : n < 10000000 ? 7 : n < 100000000 ? 8 : 9;
    const buf = this.buf;
    let at = this.used + digits;
    this.used = at;
    let m = n;
    do {
      const digit = m % 10;
      buf[--at] = 0x30 + digit;
      m = (m - digit) / 10;
    } while (m > 0);
  }

  /** Writes what is gathered; call before returning. */
  flush(): void {
    if (this.used === 0) return;
    const n = this.used;
    this.used = 0;
    this.send(this.buf.subarray(0, n), false);
  }

  /** `data` to the current stream: through writeOut as it is; to a stream as a copy, unless `owned` (made for this write). */
  private send(data: Uint8Array, owned: boolean): void {
    if (this.to === 'stdout' && this.io.writeOut) this.io.writeOut(data);
    else this.io[this.to].write(owned ? data : Buffer.from(data));
  }
}
