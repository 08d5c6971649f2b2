import { PassThrough, Readable } from 'node:stream';
import type { FileSystem, IO } from '../../src/io';
import { main } from '../../src/main';
import { nodeFileSystem } from '../../src/node-fs';

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** The real file system, as the binary gets it. */
export const realFs: FileSystem = nodeFileSystem;

/** chown(2)'s refusal as Node reports it. */
export const eperm = (): Error => Object.assign(new Error('EPERM: operation not permitted, fchown'), { code: 'EPERM', errno: -1, syscall: 'fchown' });

/**
 * The real file system as a user who is not root, and in no group but their own, finds it:
 * chown refuses (EPERM) any owner and group but the ones the file already has. (The tests
 * run as root, whose chown never fails.)
 */
export const unprivilegedFs: FileSystem = {
  ...realFs,
  chown: async (path, uid, gid) => {
    const st = await realFs.stat(path);
    if (st.uid !== uid || st.gid !== gid) throw eperm();
    return realFs.chown(path, uid, gid);
  },
};

function collector(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export interface FakeOptions {
  env?: Record<string, string | undefined>;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  fs?: FileSystem;
  cwd?: string;
  /** Another build of main: the built bundle's (test/e2e/bin.test.ts). */
  main?: typeof main;
}

/** Runs main() in-process with `input` on stdin, as a pipe unless told otherwise. */
export async function run(argv: string[], input: string | Buffer = '', o: FakeOptions = {}): Promise<RunResult> {
  const out = collector();
  const err = collector();
  const io: IO = {
    stdin: Readable.from(input === '' ? [] : [typeof input === 'string' ? Buffer.from(input) : input]),
    stdout: out.stream,
    stderr: err.stream,
    env: o.env ?? {},
    stdinIsTTY: o.stdinIsTTY ?? false,
    stdoutIsTTY: o.stdoutIsTTY ?? false,
    fs: o.fs ?? realFs,
    hostname: 'lab1',
    cwd: o.cwd ?? process.cwd(),
  };
  const code = await (o.main ?? main)(argv, io);
  return { stdout: out.text(), stderr: err.text(), code };
}

/** Pipes lines into `fusion-mdb ARGS` in-process. */
export function pipe(lines: string[], argv: string[] = ['-k']): Promise<RunResult> {
  return run(argv, lines.map((l) => `${l}\n`).join(''));
}
