import { hostname } from 'node:os';
import type { IO } from './io';
import { main } from './main';

// Process wiring only: real streams, EPIPE, signals and the exit status.

const io: IO = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  stdinIsTTY: process.stdin.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  hostname: hostname(),
  pid: process.pid,
  // node:fs/promises is loaded on first use: a piped `/D` never touches a file.
  fs: {
    readFile: async (p) => (await import('node:fs/promises')).readFile(p),
    writeFile: async (p, d) => (await import('node:fs/promises')).writeFile(p, d),
    rename: async (a, b) => (await import('node:fs/promises')).rename(a, b),
    copyFile: async (a, b) => (await import('node:fs/promises')).copyFile(a, b),
    unlink: async (p) => (await import('node:fs/promises')).unlink(p),
    stat: async (p) => (await import('node:fs/promises')).stat(p),
  },
};

// A reader that goes away early (`| head -1`) is not an error: leave quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

main(process.argv.slice(2), io).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(`fusion-mdb: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
  },
);
