import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipe, run } from '../helpers/io';

// --workload and ::run -w read a workload file through one function: a FIFO or a
// directory is refused the same way by both, never read (a FIFO would block).

const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-workload-'));
const fifo = join(dir, 'fifo.json');
execFileSync('mkfifo', [fifo]);
const HINT = `${fifo} is not a regular file (a FIFO, socket or device); fusion-mdb reads only regular files, so it never waits on one`;
const PROBE_OUT = `do_tcp_fusion:\n${'do_tcp_fusion:'.padEnd(16)}${'1'.padEnd(16)}\n`;

describe('a workload file that is a FIFO', () => {
  it('echo "::run -w FIFO" | fusion-mdb -k: mdb\'s error and the reason, then the next command answers', async () => {
    const r = await pipe([`::run -w ${fifo}`, 'do_tcp_fusion/D']);
    expect(r).toEqual({ stdout: PROBE_OUT, stderr: `mdb: cannot open workload file: ${fifo}\nhint: ${HINT}\n`, code: 0 });
  });

  it('-q keeps only mdb\'s words', async () => {
    const r = await pipe([`::run -w ${fifo}`], ['-kq']);
    expect(r.stderr).toBe(`mdb: cannot open workload file: ${fifo}\n`);
  });

  it('--workload FIFO: the same reason, exit 2', async () => {
    expect(await run(['--workload', fifo])).toEqual({
      stdout: '', stderr: `fusion-mdb: cannot open workload file: ${fifo}\n  hint: ${HINT}\n`, code: 2,
    });
  });

  it('::run -w DIR names the directory', async () => {
    const r = await pipe([`::run -w ${dir}`]);
    expect(r.stderr).toBe(`mdb: cannot open workload file: ${dir}\nhint: ${dir} is a directory\n`);
  });
});

// ::import and --truss/--dtrace read a trace through the same reader: a FIFO is refused,
// never read, with the same reason.
describe('a trace file that is a FIFO', () => {
  for (const kind of ['truss', 'dtrace']) {
    it(`echo "::import ${kind} FIFO" | fusion-mdb -k: mdb's error and the reason, then the next command answers`, async () => {
      const r = await pipe([`::import ${kind} ${fifo}`, 'do_tcp_fusion/D']);
      expect(r).toEqual({ stdout: PROBE_OUT, stderr: `mdb: cannot open ${kind} file: ${fifo}\nhint: ${HINT}\n`, code: 0 });
    });

    it(`--${kind} FIFO: the same reason, exit 2`, async () => {
      expect(await run([`--${kind}`, fifo])).toEqual({
        stdout: '', stderr: `fusion-mdb: cannot open ${kind} file: ${fifo}\n  hint: ${HINT}\n`, code: 2,
      });
    });
  }

  it('::import truss DIR: the directory named', async () => {
    const r = await pipe([`::import truss ${dir}`]);
    expect(r.stderr).toBe(`mdb: cannot open truss file: ${dir}\nhint: ${dir} is a directory\n`);
  });
});

// A symbolic link that leads to no file gets the reason too, for every file read this way.
describe('a workload or trace file that is a link to nowhere', () => {
  const dangling = join(dir, 'gone.json');
  symlinkSync(join(dir, 'no-such-file.json'), dangling);
  const loop = join(dir, 'loop.json');
  symlinkSync(loop, loop);

  it('--workload LINK: the link and where it leads, exit 2', async () => {
    expect(await run(['--workload', dangling])).toEqual({
      stdout: '', code: 2,
      stderr: `fusion-mdb: cannot open workload file: ${dangling}\n  hint: ${dangling} is a symbolic link to ${join(dir, 'no-such-file.json')}, which does not exist\n`,
    });
  });

  it('::import truss LOOP: the loop named', async () => {
    const r = await pipe([`::import truss ${loop}`]);
    expect(r.stderr).toBe(`mdb: cannot open truss file: ${loop}\nhint: ${loop} is a symbolic link to ${loop}, in a loop of links that never reaches a file (ELOOP: too many symbolic links encountered)\n`);
  });
});
