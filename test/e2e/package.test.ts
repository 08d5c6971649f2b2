import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The package as a user gets it: `npm pack`, then `npm install -g --prefix DIR`
// of the tarball, then `fusion-mdb` run from elsewhere (npm test builds dist/ first).

const ROOT = join(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'fusion-mdb-package-'));
const PREFIX = join(work, 'prefix');
const BIN = join(PREFIX, 'bin', 'fusion-mdb');
const INSTALLED = join(PREFIX, 'lib', 'node_modules', 'fusion-mdb');
const PROBE = 'tcp_fusion_rcv_unread_min/D\n';
const ANSWER = `tcp_fusion_rcv_unread_min:\n${'tcp_fusion_rcv_unread_min:'.padEnd(32)}${'8'.padEnd(16)}\n`;

// Not the npm_* variables of an `npm test` around us: the install is a user's own.
const CLEAN_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

function sh(cmd: string, args: string[], o: SpawnSyncOptions = {}): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: CLEAN_ENV, ...o });
  return { stdout: String(r.stdout), stderr: String(r.stderr), status: r.status };
}

let files: string[] = [];

beforeAll(() => {
  // --ignore-scripts: pack what `npm test` built; a rebuild here would empty dist/ under the other tests.
  const packed = sh('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT });
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = join(work, packed.stdout.trim().split('\n').pop() as string);
  files = sh('tar', ['tzf', tarball]).stdout.trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  const installed = sh('npm', ['install', '-g', '--prefix', PREFIX, tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: work });
  expect(installed.status, installed.stderr).toBe(0);
}, 120_000);

/** The installed binary, run from a directory that is not the package's. */
function fusionMdb(env: Record<string, string | undefined>, args = ['-k']): { stdout: string; stderr: string; status: number | null } {
  return sh(BIN, args, { cwd: tmpdir(), input: PROBE, env: { ...CLEAN_ENV, NODE_OPTIONS: '', ...env } });
}

describe('the tarball', () => {
  it('holds the runtime, the docs, the man page, the schema and the licence; no tests, fixtures or sources', () => {
    for (const f of ['LICENSE', 'README.md', 'package.json', 'bin/fusion-mdb.cjs', 'dist/cli.cjs', 'dist/fusion-mdb.cjs',
      'dist/inquirer.cjs', 'man/fusion-mdb.1']) expect(files).toContain(f);
    expect(files.filter((f) => /^dist\/fusion-mdb\.[0-9a-f]{8}\.cache$/.test(f))).toHaveLength(1);
    expect(files.filter((f) => /^dist\/fusion-mdb\.[0-9a-f]{8}\.check\.cache$/.test(f))).toHaveLength(1);
    const outside = files.filter((f) => !/^(bin|dist|docs|man|schemas)\//.test(f) && !['LICENSE', 'README.md', 'package.json'].includes(f));
    expect(outside).toEqual([]);
    expect(files.filter((f) => /fixtures|test|\.ts$/.test(f))).toEqual([]);
  });
});

describe('npm install -g --prefix DIR of the tarball', () => {
  it('pulls only what runs: cli-table3 and what it needs', () => {
    const names = readdirSync(join(INSTALLED, 'node_modules')).flatMap((n) =>
      (n.startsWith('@') ? readdirSync(join(INSTALLED, 'node_modules', n)).map((m) => `${n}/${m}`) : n.startsWith('.') ? [] : [n]));
    expect(names.sort()).toEqual(['@colors/colors', 'ansi-regex', 'cli-table3', 'emoji-regex', 'is-fullwidth-code-point', 'string-width', 'strip-ansi']);
  });

  it('fusion-mdb works from another directory', () => {
    expect(fusionMdb({})).toEqual({ stdout: ANSWER, stderr: '', status: 0 });
  });

  it('man finds and renders the page npm linked into DIR/share/man', () => {
    const r = sh('man', ['-M', join(PREFIX, 'share', 'man'), 'fusion-mdb'], { env: { ...CLEAN_ENV, MANPAGER: 'cat', PAGER: 'cat', MANWIDTH: '80' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^FUSION-MDB\(1\) +User Commands +FUSION-MDB\(1\)\n/);
    expect(r.stdout).toContain('fusion-mdb - an mdb -k look-alike over a model Solaris kernel');
    const local = sh('man', ['-l', join(INSTALLED, 'man', 'fusion-mdb.1')], { env: { ...CLEAN_ENV, MANPAGER: 'cat', MANWIDTH: '80' } });
    expect(local.stdout).toBe(r.stdout);
  });
});

describe('the start-up code cache on a Node whose flags refuse the shipped one', () => {
  const FLAGS = { NODE_OPTIONS: '--max-old-space-size=4096' };
  const cacheFiles = (dir: string): string[] => {
    try { return readdirSync(join(dir, 'fusion-mdb')); } catch { return []; }
  };

  it('the plain Node takes the shipped cache: nothing is written to the cache directory', () => {
    const home = mkdtempSync(join(work, 'plain-'));
    expect(fusionMdb({ XDG_CACHE_HOME: home })).toEqual({ stdout: ANSWER, stderr: '', status: 0 });
    expect(cacheFiles(home)).toEqual([]);
  });

  it('the first run writes one for this Node in $XDG_CACHE_HOME/fusion-mdb; later runs take it as it is', () => {
    const home = mkdtempSync(join(work, 'xdg-'));
    expect(fusionMdb({ ...FLAGS, XDG_CACHE_HOME: home })).toEqual({ stdout: ANSWER, stderr: '', status: 0 });
    const written = cacheFiles(home);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^[0-9a-f]{16}-[0-9a-f]{8}\.cache$/);
    const file = join(home, 'fusion-mdb', written[0] as string);
    const first = statSync(file);
    expect(first.mode & 0o777).toBe(0o600);
    for (let i = 0; i < 2; i++) expect(fusionMdb({ ...FLAGS, XDG_CACHE_HOME: home })).toEqual({ stdout: ANSWER, stderr: '', status: 0 });
    // A refused cache would be written again (a new file renamed over it): the same inode means V8 took it.
    const later = statSync(file);
    expect({ ino: later.ino, mtime: later.mtimeMs }).toEqual({ ino: first.ino, mtime: first.mtimeMs });
    expect(cacheFiles(home)).toEqual(written);
  });

  it('--check runs from a cache of its own: the shipped one on the plain Node, one written beside the /D one on another', () => {
    const file = join(mkdtempSync(join(work, 'check-')), 'system');
    writeFileSync(file, 'set maxusers = 2048\n');
    const CHECKED = { stdout: '0 errors, 0 warnings, 0 notes in 1 file\n', stderr: '', status: 0 };
    const plain = mkdtempSync(join(work, 'plain-check-'));
    expect(fusionMdb({ XDG_CACHE_HOME: plain }, ['--check', file])).toEqual(CHECKED);
    expect(cacheFiles(plain)).toEqual([]);
    const home = mkdtempSync(join(work, 'xdg-check-'));
    expect(fusionMdb({ ...FLAGS, XDG_CACHE_HOME: home }, ['--check', file])).toEqual(CHECKED);
    expect(fusionMdb({ ...FLAGS, XDG_CACHE_HOME: home })).toEqual({ stdout: ANSWER, stderr: '', status: 0 });
    const written = cacheFiles(home).sort();
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^[0-9a-f]{16}-[0-9a-f]{8}\.cache$/);
    expect(written[1]).toBe((written[0] as string).replace(/\.cache$/, '.check.cache'));
  });

  it('without XDG_CACHE_HOME: ~/.cache/fusion-mdb', () => {
    const home = mkdtempSync(join(work, 'home-'));
    expect(fusionMdb({ ...FLAGS, XDG_CACHE_HOME: undefined, HOME: home })).toEqual({ stdout: ANSWER, stderr: '', status: 0 });
    expect(cacheFiles(join(home, '.cache'))).toHaveLength(1);
  });

  it('a cache directory that cannot be made: the same answer, no error, nothing left behind', () => {
    const parent = mkdtempSync(join(work, 'blocked-'));
    // A file where the directory should be stops even root (these tests may run as root).
    writeFileSync(join(parent, 'cache'), 'not a directory');
    for (let i = 0; i < 2; i++) {
      expect(fusionMdb({ ...FLAGS, XDG_CACHE_HOME: join(parent, 'cache') })).toEqual({ stdout: ANSWER, stderr: '', status: 0 });
    }
    expect(readdirSync(parent)).toEqual(['cache']);
    // Under /proc, where Node 20's recursive mkdir loops for ever: `timeout` makes a hang fail, not stall.
    const proc = sh('timeout', ['-s', 'KILL', '60', BIN, '-k'], {
      cwd: tmpdir(), input: 'maxusers/D\n', env: { ...CLEAN_ENV, ...FLAGS, XDG_CACHE_HOME: '/proc/x' },
    });
    expect(proc).toEqual({ stdout: `maxusers:\n${'maxusers:'.padEnd(16)}${'2048'.padEnd(16)}\n`, stderr: '', status: 0 });
    // No XDG_CACHE_HOME and no HOME: no cache at all.
    expect(fusionMdb({ ...FLAGS, XDG_CACHE_HOME: undefined, HOME: undefined })).toEqual({ stdout: ANSWER, stderr: '', status: 0 });
  });
});
