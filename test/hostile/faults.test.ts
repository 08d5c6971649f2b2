import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Faults around the built binary: a reader that leaves early, signals in the
// middle of a long run, files that change under it. The bundle is copied to a
// private directory first, so a concurrent `tsup` (which empties dist/) cannot
// pull it away mid-test.

const DIST_DIR = join(__dirname, '../../dist');
const DIST = join(DIST_DIR, 'cli.cjs');
const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-faults-'));
const BIN = join(dir, 'cli.cjs');
const PROBE = `do_tcp_fusion:\n${'do_tcp_fusion:'.padEnd(16)}${'1'.padEnd(16)}\n`;
// --require is a flag the shipped code cache was not made with: the one made for it stays in `dir`.
const ENV = { ...process.env, NO_COLOR: '1', NODE_PATH: join(__dirname, '../../node_modules'), XDG_CACHE_HOME: dir };
const HOOK = join(__dirname, 'fault-hook.cjs');

beforeAll(async () => {
  // npm test builds first; wait out another session's rebuild if one is under way.
  for (let i = 0; i < 100 && !existsSync(DIST); i++) await new Promise((r) => setTimeout(r, 100));
  for (const f of readdirSync(DIST_DIR)) copyFileSync(join(DIST_DIR, f), join(dir, f));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Child = ChildProcessByStdio<Writable, Readable, Readable>;

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The binary; with `faultAt`, the hook raises a signal at that point (see fault-hook.cjs). */
function start(args: string[], faultAt?: string): Child {
  const hook = faultAt === undefined ? [] : ['--require', HOOK];
  const env = faultAt === undefined ? ENV : { ...ENV, FAULT_AT: faultAt };
  const child = spawn(process.execPath, [...hook, BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  // The child may leave while we still write to it: that EPIPE is ours to ignore.
  child.stdin.on('error', () => undefined);
  return child;
}

function ended(child: Child, keepStdout = true): Promise<Ended> {
  let stdout = '';
  let stderr = '';
  if (keepStdout) child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Endless `do_tcp_fusion/D` lines, written as fast as the child takes them. */
function feedForever(child: Child): void {
  const block = Buffer.from('do_tcp_fusion/D\n'.repeat(4096));
  const write = (): void => {
    while (!child.stdin.destroyed && child.stdin.write(block));
    if (!child.stdin.destroyed) child.stdin.once('drain', write);
  };
  write();
}

const firstData = (child: Child): Promise<void> => new Promise((resolve) => child.stdout.once('data', () => resolve()));

describe('stdout closed early (fusion-mdb ... | head -1)', () => {
  it('a long piped run: exit 0, nothing on stderr (no EPIPE trace)', async () => {
    const child = start(['-k']);
    const done = ended(child, false);
    feedForever(child);
    await firstData(child);
    child.stdout.destroy();
    const r = await done;
    expect(r).toMatchObject({ code: 0, signal: null, stderr: '' });
  });

  it('--check with many diagnostics, the reader gone after the first chunk: exit 0 quietly, no trace', async () => {
    const path = join(dir, 'many.system');
    writeFileSync(path, 'Set ip:do_tcp_fusion=0\n'.repeat(5_000));
    const child = start(['--etc-system', path, '--check']);
    const done = ended(child, false);
    child.stdin.end();
    await firstData(child);
    child.stdout.destroy();
    const r = await done;
    expect(r.stderr).toBe('');
    expect(r.signal).toBeNull();
    // Leaving on EPIPE is a quiet 0, as `| head` users expect.
    expect(r.code).toBe(0);
  });
});

describe('signals during a long piped run', () => {
  it('SIGTERM while a command waits on the file system: the answers before it are written, none after; exit 143', async () => {
    // ::run -w of a directory asks stat(2) why it cannot read it; the signal comes during that stat.
    const child = start(['-k'], 'stat');
    const done = ended(child);
    child.stdin.end(`do_tcp_fusion/D\n::run -w ${dir}\ndo_tcp_fusion/D\n`);
    expect(await done).toEqual({ code: 143, signal: null, stdout: PROBE, stderr: '' });
  });

  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal}: exit ${status}, no trace, stdout holds only whole answers`, async () => {
      const child = start(['-k']);
      const done = ended(child);
      feedForever(child);
      await firstData(child);
      child.kill(signal);
      const r = await done;
      expect(r).toMatchObject({ code: status, signal: null, stderr: '' });
      expect(r.stdout.length % PROBE.length).toBe(0);
      expect(r.stdout.slice(0, PROBE.length * 3)).toBe(PROBE.repeat(3));
    });
  }

  it('a second SIGINT while the first waits on a stalled reader ends it at once', async () => {
    // Nobody reads stdout: the first SIGINT comes once the child's output backs up, so its
    // handler waits for a drain that never comes; the second finds no handler and kills.
    const child = start(['-k'], 'stalled');
    const done = ended(child, false);
    feedForever(child);
    const r = await done;
    expect(r).toMatchObject({ code: null, signal: 'SIGINT', stderr: '' });
  });
});

describe('signals during a batch run', () => {
  it('SIGTERM while --check works through a large file: the check finishes its synchronous step, then exit 143, no trace', async () => {
    const path = join(dir, 'large.system');
    // Clean (no diagnostic): stdout is the summary line the synchronous check writes before the signal is handled.
    writeFileSync(path, `${'* a comment line\n'.repeat(20_000)}set ip:tcp_fusion_rcv_unread_min = 0x20\n`);
    // The signal is raised as the file is read, so it is pending through the whole parse.
    const child = start(['--etc-system', path, '--check'], 'read');
    const done = ended(child);
    child.stdin.end();
    const r = await done;
    expect(r).toEqual({ code: 143, signal: null, stdout: '0 errors, 0 warnings, 0 notes in 1 file\n', stderr: '' });
  });
});

describe('::persist -f interrupted', () => {
  it('SIGTERM between the write of the temporary file and its rename: the target is the last whole file', async () => {
    const sub = mkdtempSync(join(dir, 'persist-'));
    const target = join(sub, 'system');
    writeFileSync(target, 'set ip:do_tcp_fusion = 0\n');
    // Each round changes a value and persists it, sent once the last one has answered. A
    // round renames twice (the backup, then the new file): the signal comes before the 10th
    // rename, the 5th round's new file.
    const child = start(['-kw'], 'rename:10');
    const done = ended(child);
    const round = (i: number): string => `tcp_fusion_rcv_unread_min/W 0t${i}\n::persist -f ${target}\n`;
    let sent = 1;
    let answered = '';
    child.stdin.write(round(1));
    child.stdout.on('data', (c: Buffer) => {
      answered += c.toString();
      if ((answered.match(/boots from it\n/g) ?? []).length === sent && sent < 8) child.stdin.write(round(++sent));
    });
    const r = await done;
    expect(r).toMatchObject({ code: 143, signal: null, stderr: '' });
    expect(r.stdout.match(/^wrote /gm)).toHaveLength(4);
    expect(readFileSync(target, 'utf8')).toBe('set ip:do_tcp_fusion = 0\nset ip:tcp_fusion_rcv_unread_min=4\n');
    // The temporary file of the 5th round was written whole and never renamed: the target did not see it.
    const temps = readdirSync(sub).filter((f) => f.startsWith('system.tmp-'));
    expect(temps).toHaveLength(1);
    expect(readFileSync(join(sub, temps[0] as string), 'utf8')).toBe('set ip:do_tcp_fusion = 0\nset ip:tcp_fusion_rcv_unread_min=5\n');
    expect(readdirSync(sub).sort()).toEqual(['system', 'system.bak', temps[0]]);
    // The backup put in place just before is the 4th round's file, whole.
    expect(readFileSync(join(sub, 'system.bak'), 'utf8')).toBe('set ip:do_tcp_fusion = 0\nset ip:tcp_fusion_rcv_unread_min=4\n');
  });
});

describe('a --check on a file that vanishes', () => {
  it('deleted before the run: the kernel\'s "cannot open", exit 2', () => {
    const path = join(dir, 'gone.system');
    writeFileSync(path, 'set ip:do_tcp_fusion = 0\n');
    rmSync(path);
    const r = spawnSync(process.execPath, [BIN, '--etc-system', path, '--check'], { env: ENV, encoding: 'utf8' });
    expect(r.stdout).toBe(`WARNING: cannot open system file: ${path} [error: cannot-open]\n1 error, 0 warnings, 0 notes in 1 file\n`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(2);
  });
});
