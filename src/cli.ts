import { promises as fsp } from 'node:fs';
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
  fs: {
    readFile: (p) => fsp.readFile(p),
    writeFile: (p, d) => fsp.writeFile(p, d),
    rename: (a, b) => fsp.rename(a, b),
    copyFile: (a, b) => fsp.copyFile(a, b),
    unlink: (p) => fsp.unlink(p),
    stat: (p) => fsp.stat(p),
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
