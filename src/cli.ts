import { hostname } from 'node:os';
import type { IO } from './io';
import { main } from './main';
import { nodeFileSystem } from './node-fs';

// Process wiring only: real streams, EPIPE, signals and the exit status.
// build/start.cjs calls run(); the built bundle also exports main, so a test can
// drive the bundled program in-process (test/e2e/bin.test.ts).

export { main };

/** Runs the program as this process: argv, the real streams and file system, signals, the exit status. */
export function run(): void {
  const io: IO = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    hostname: hostname(),
    pid: process.pid,
    cwd: process.cwd(),
    fs: nodeFileSystem,
  };

  // A reader that goes away early (`| head -1`) is not an error: leave quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }

  // SIGINT or SIGTERM during a long piped or batch run: the handler runs between
  // input chunks, when the commands run so far have been handed to stdout; once
  // that has drained, exit 130 / 143 (128 + the signal) without a trace. A second
  // signal finds no handler and ends the process at once. A ::persist in flight
  // leaves its target whole: the write is a rename of a finished temporary file.
  for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15]] as const) {
    process.once(signal, () => {
      process.exitCode = 128 + number;
      if (process.stdout.writableLength === 0) process.exit();
      process.stdout.once('drain', () => process.exit());
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
