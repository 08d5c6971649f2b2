import { fstatSync, read, statSync, writeSync } from 'node:fs';

// Piped input and output through the file descriptors themselves. Node's
// process.stdin and process.stdout on a pipe are sockets, and creating them loads
// Node's net and stream modules: a few milliseconds, a sixth of what a piped `/D`
// adds to `node -e ''`. src/cli.ts uses these when stdin and stdout are pipes,
// sockets, files or /dev/null, and keeps the streams for a terminal.

const code = (e: unknown): unknown => (e as { code?: unknown }).code;

/** Whether a character device is /dev/null, told from a terminal (also one) by its device number. */
function isDevNull(rdev: number): boolean {
  try {
    return statSync('/dev/null').rdev === rdev;
  } catch {
    return false;
  }
}

/** A pipe, socket, regular file or /dev/null: never a terminal, read and written with plain system calls. */
export function isPlainFd(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFIFO() || st.isSocket() || st.isFile() || (st.isCharacterDevice() && isDevNull(st.rdev));
  } catch {
    return false;
  }
}

const CHUNK = 1 << 16;

function readChunk(fd: number, buf: Buffer): Promise<number> {
  return new Promise((resolve, reject) => read(fd, buf, 0, buf.length, null, (e, n) => (e ? reject(e) : resolve(n))));
}

/**
 * The bytes of `fd` in chunks of up to 64 KB, to the end. A descriptor another
 * process left non-blocking (EAGAIN) is read through `fallback()` from there on.
 */
export async function* readFd(fd: number, fallback: () => AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  for (;;) {
    const buf = Buffer.allocUnsafe(CHUNK);
    let n: number;
    try {
      n = await readChunk(fd, buf);
    } catch (e) {
      if (code(e) !== 'EAGAIN') throw e;
      yield* fallback();
      return;
    }
    if (n === 0) return;
    yield buf.subarray(0, n);
  }
}

export interface FdWriter {
  /** Writes all of `data` before it returns, or hands a copy of what is left to the stream: `data` is free for reuse on return. */
  write(data: Uint8Array): void;
  /** From now on everything goes through the stream (someone else writes to it too: one queue keeps the order). */
  useStream(): void;
}

/** The errors of a write whose reader has gone: a pipe (EPIPE) or a socket (ECONNRESET). */
export const readerGone = (code: unknown): boolean => code === 'EPIPE' || code === 'ECONNRESET';

/**
 * Writes to `fd` with write(2), whole before returning. A reader that has gone
 * (EPIPE, or ECONNRESET when stdout is a socket, as a spawning Node gives)
 * calls `gone()`; a descriptor another process left non-blocking (EAGAIN)
 * hands the rest, and every later write, to `stream()`, so the bytes keep
 * their order. A stream queues what it is given: it gets a copy, so a caller
 * may encode into one buffer again and again (--check does).
 */
export function fdWriter(fd: number, stream: () => { write(data: Uint8Array): unknown }, gone: () => never): FdWriter {
  let streamed = false;
  return {
    write(data) {
      if (streamed) {
        stream().write(Buffer.from(data));
        return;
      }
      let off = 0;
      while (off < data.length) {
        try {
          off += writeSync(fd, data, off, data.length - off);
        } catch (e) {
          if (readerGone(code(e))) gone();
          if (code(e) !== 'EAGAIN') throw e;
          streamed = true;
          stream().write(Buffer.from(data.subarray(off)));
          return;
        }
      }
    },
    useStream() {
      streamed = true;
    },
  };
}
