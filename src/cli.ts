import type { IO } from './io';
import { main } from './main';
import { fdWriter, isPlainFd, readerGone, readFd } from './fd-io';
import { nodeFileSystem } from './node-fs';

// Process wiring only: real streams, EPIPE, signals and the exit status.
// build/start.cjs calls run(); the built bundle also exports main, so a test can
// drive the bundled program in-process (test/e2e/bin.test.ts).

export { main };

/** Runs the program as this process: argv, the real streams and file system, signals, the exit status. */
export function run(): void {
  // A reader that goes away early (`| head -1`) is not an error: leave quietly.
  const leave = (): never => process.exit(0);
  const onError = (e: NodeJS.ErrnoException): void => {
    if (readerGone(e.code)) leave();
    throw e;
  };
  // process.stdout and process.stderr, made (and given the EPIPE handler) the first time they are used.
  let stdout: NodeJS.WriteStream | undefined;
  let stderr: NodeJS.WriteStream | undefined;
  const openStdout = (): NodeJS.WriteStream => (stdout ??= process.stdout.on('error', onError));
  const openStderr = (): NodeJS.WriteStream => (stderr ??= process.stderr.on('error', onError));
  // Pipes and files are read and written with plain system calls (src/fd-io.ts):
  // a piped run then never loads Node's stream modules. A terminal keeps the streams.
  const plainIn = isPlainFd(0);
  const plainOut = isPlainFd(1);
  const out = plainOut ? fdWriter(1, openStdout, leave) : undefined;
  // What the program asks to be done before a signal ends it (the session's finished answers written).
  const lastWords: (() => void)[] = [];
  const io: IO = {
    get stdin() { return process.stdin; },
    // Whoever writes to the stream itself: from then on all of stdout goes through it, in order.
    get stdout() { out?.useStream(); return openStdout(); },
    get stderr() { return openStderr(); },
    ...(plainIn ? { input: () => readFd(0, () => process.stdin) } : {}),
    ...(out ? { writeOut: (data: Uint8Array) => out.write(data) } : {}),
    env: process.env,
    // Asked when first needed (a --check never asks): stdin from /dev/null is not plain, and
    // process.stdin would make a file stream for it, loading Node's stream modules.
    get stdinIsTTY() { return !plainIn && process.stdin.isTTY === true; },
    stdoutIsTTY: !plainOut && process.stdout.isTTY === true,
    // Asked only by ::status: node:os is not loaded at start-up for it (about a millisecond).
    hostname: async () => (await import('./host')).host(),
    pid: process.pid,
    cwd: process.cwd(),
    fs: nodeFileSystem,
    beforeSignalExit: (fn) => { lastWords.push(fn); },
  };

  // SIGINT or SIGTERM during a long piped or batch run: the handler runs between
  // input chunks, when the commands run so far have been handed to stdout; once
  // that has drained, exit 130 / 143 (128 + the signal) without a trace. A second
  // signal finds no handler and ends the process at once. A ::persist in flight
  // leaves its target whole: the write is a rename of a finished temporary file.
  for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15]] as const) {
    process.once(signal, () => {
      process.exitCode = 128 + number;
      for (const fn of lastWords) fn();
      // Bytes written to the descriptor are out already; a stream may still hold some.
      if (stdout === undefined || stdout.writableLength === 0) process.exit();
      stdout.once('drain', () => process.exit());
    });
  }

  main(process.argv.slice(2), io).then(
    (status) => {
      // One more poll of the loop: a signal that came during the last synchronous
      // stretch (a --check, a long line) is handled, not lost when the loop empties.
      setImmediate(() => setImmediate(() => { process.exitCode ??= status; }));
    },
    (e: unknown) => {
      process.stderr.write(`fusion-mdb: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
