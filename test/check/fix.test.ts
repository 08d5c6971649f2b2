import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../src/io';
import { realFs, run, unprivilegedFs } from '../helpers/io';
import { scratch } from './helpers';

// --fix and --diff: the certain fixes of checker.md, and nothing else.

const { dir, put } = scratch();
const FIXABLE = [
  '* every certain fix, and lines no fix may touch',
  'Set maxusers = 2048',
  'set rlim_fd_max = 0t65536',
  'set ip:tcp_fusion_rcv_unread_min = 0X20',
  'set tcp_fusion_rcv_unread_min=0',
  'set shmsys:shminfo_shmset=1024\r',
  'set ip:tcp_xmit_hiwat=65536',
  'SeT maxusers = 08',
  'set rlim_fd_cur = 0t8192',
].join('\n');
const FIXED = [
  '* every certain fix, and lines no fix may touch',
  'set maxusers = 2048',
  'set rlim_fd_max = 65536',
  'set ip:tcp_fusion_rcv_unread_min = 0x20',
  'set ip:tcp_fusion_rcv_unread_min=0',
  'set shmsys:shminfo_shmseg=1024\r',
  'set ip:tcp_xmit_hiwat=65536',
  'SeT maxusers = 08',
  'set rlim_fd_cur = 8192',
].join('\n');

describe('--fix', () => {
  it('rewrites exactly the fixable lines, keeps FILE.bak, and a new --check reports none of the fixed codes', async () => {
    const path = put('fix.system', FIXABLE);
    chmodSync(path, 0o640);
    const r = await run(['--check', '--fix', path]);
    expect(readFileSync(path, 'latin1')).toBe(FIXED);
    expect(readFileSync(`${path}.bak`, 'latin1')).toBe(FIXABLE);
    expect(r.stderr).toBe(`fusion-mdb: ${path}: applied 6 fixes (keyword-case, mdb-radix, uppercase-hex, wrong-module, near-miss); the old file is ${path}.bak\n`);
    expect(r.code).toBe(1);
    // Checked again: none of the fixed findings is left, nothing more to fix; the lines no fix
    // may touch keep theirs (SeT with an invalid number cannot be parsed whole, so it is not fixed).
    const again = JSON.parse((await run(['--check', '--json', path])).stdout) as { diagnostics: { line: number; code: string; severity: string; fix?: object }[] };
    expect(again.diagnostics.filter((d) => d.fix)).toEqual([]);
    expect(again.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line} ${d.code}`)).toEqual(['7 ndd-parameter', '8 keyword-case']);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('a file named twice is fixed once: it is read again after the fix, and FILE.bak keeps the file as it was', async () => {
    const path = put('twice.system', FIXABLE);
    const r = await run(['--check', '--fix', path, path]);
    expect(readFileSync(path, 'latin1')).toBe(FIXED);
    expect(readFileSync(`${path}.bak`, 'latin1')).toBe(FIXABLE);
    expect(r.stderr).toBe(`fusion-mdb: ${path}: applied 6 fixes (keyword-case, mdb-radix, uppercase-hex, wrong-module, near-miss); the old file is ${path}.bak\n`);
  });

  // Only root may give a file to another owner: the test needs it (the CI and this machine run as root).
  it.runIf(process.getuid?.() === 0)('keeps the owner and group of the file it replaces', async () => {
    const path = put('owned.system', FIXABLE);
    chownSync(path, 4321, 8765);
    chmodSync(path, 0o604);
    await run(['--check', '--fix', path]);
    expect(readFileSync(path, 'latin1')).toBe(FIXED);
    const st = statSync(path);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([4321, 8765, 0o604]);
  });

  it('a file it cannot write is left byte for byte as it was; exit 2', async () => {
    const path = put('readonly.system', FIXABLE);
    // The rename over the file fails (the backup's went through).
    const failing: FileSystem = {
      ...realFs,
      rename: async (from, to) => {
        if (to === path) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
        return realFs.rename(from, to);
      },
    };
    const r = await run(['--check', '--fix', path], '', { fs: failing });
    expect(readFileSync(path, 'latin1')).toBe(FIXABLE);
    expect(r.stderr).toMatch(new RegExp(`^fusion-mdb: cannot fix ${path}: cannot write ${path}: EROFS: read-only file system; ${path} is unchanged\n$`));
    expect(r.code).toBe(2);
  });

  it('nothing to fix: the file is not touched (no FILE.bak)', async () => {
    const path = put('clean.system', 'set maxusers = 2048\n');
    await run(['--check', '--fix', path]);
    expect(() => statSync(`${path}.bak`)).toThrow();
  });
});

// A user who may not give the new file the old one's owner changes nothing (the tests run
// as root: the file is given away first, and the fake refuses as the kernel would).
describe('--fix by a user who may not keep the file\'s owner', () => {
  const isRoot = process.getuid?.() === 0;
  const theirs = (name: string): string => {
    const path = put(name, FIXABLE);
    chownSync(path, 4321, 8765);
    chmodSync(path, 0o640);
    return path;
  };
  const refused = (path: string): string =>
    `fusion-mdb: cannot fix ${path}: cannot give the new file ${path}'s owner and group (uid 4321, gid 8765): EPERM: operation not permitted; ${path} is unchanged\n`;

  it.runIf(isRoot)('leaves the file as it was (bytes, inode, owner, mode) and an older FILE.bak too, no temporary file; says why, with a hint; exit 2', async () => {
    const path = theirs('theirs.system');
    put('theirs.system.bak', 'an older backup\n');
    const before = statSync(path);
    const r = await run(['--check', '--fix', path], '', { fs: unprivilegedFs });
    expect(r.stderr).toBe(`${refused(path)}  hint: only root may give a file to another user, or to a group the user is not in: ` +
      "run --fix as root or as uid 4321 (a member of gid 8765), or have that user apply this check's --diff with patch -p0\n");
    expect(r.code).toBe(2);
    expect(readFileSync(path, 'latin1')).toBe(FIXABLE);
    const after = statSync(path);
    expect([after.ino, after.uid, after.gid, after.mode, after.mtimeMs]).toEqual([before.ino, 4321, 8765, before.mode, before.mtimeMs]);
    expect(readFileSync(`${path}.bak`, 'latin1')).toBe('an older backup\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('theirs.'))).toEqual(['theirs.system', 'theirs.system.bak']);
    // The findings are still reported, as a check without --fix reports them.
    expect(r.stdout).toBe((await run(['--check', path])).stdout);
  });

  it.runIf(isRoot)('no FILE.bak before: none after; -q drops the hint, not the error; the file named as given', async () => {
    const path = theirs('quiet.system');
    const r = await run(['--check', '--fix', '-q', 'quiet.system'], '', { fs: unprivilegedFs, cwd: dir });
    expect(r.stderr).toBe(refused('quiet.system'));
    expect(r.code).toBe(2);
    expect(readFileSync(path, 'latin1')).toBe(FIXABLE);
    expect(readdirSync(dir).filter((f) => f.startsWith('quiet.'))).toEqual(['quiet.system']);
  });

  it.runIf(isRoot)('the other files of the run are still fixed', async () => {
    const path = theirs('other.system');
    const mine = put('mine.system', FIXABLE);
    const r = await run(['--check', '--fix', '-q', path, mine], '', { fs: unprivilegedFs });
    expect(r.stderr).toBe(`${refused(path)}fusion-mdb: ${mine}: applied 6 fixes (keyword-case, mdb-radix, uppercase-hex, wrong-module, near-miss); the old file is ${mine}.bak\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(path, 'latin1')).toBe(FIXABLE);
    expect(readFileSync(mine, 'latin1')).toBe(FIXED);
  });

  it('a file the user owns, in their own group, is fixed as before', async () => {
    const path = put('own.system', FIXABLE);
    chmodSync(path, 0o604);
    const { uid, gid } = statSync(path);
    const r = await run(['--check', '--fix', path], '', { fs: unprivilegedFs });
    expect(r.stderr).toBe(`fusion-mdb: ${path}: applied 6 fixes (keyword-case, mdb-radix, uppercase-hex, wrong-module, near-miss); the old file is ${path}.bak\n`);
    expect(r.code).toBe(1);
    expect(readFileSync(path, 'latin1')).toBe(FIXED);
    expect(readFileSync(`${path}.bak`, 'latin1')).toBe(FIXABLE);
    for (const f of [path, `${path}.bak`]) {
      const st = statSync(f);
      expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([uid, gid, 0o604]);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('own.'))).toEqual(['own.system', 'own.system.bak']);
  });
});

describe('--diff', () => {
  it('prints a unified diff that patch -p0 applies to give the same file as --fix; writes nothing', async () => {
    const name = 'diff.system';
    const path = put(name, FIXABLE);
    const r = await run(['--check', '--diff', name], '', { cwd: dir });
    expect(readFileSync(path, 'latin1')).toBe(FIXABLE);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([`--- ${name}`, `+++ ${name}`, '@@ -1,9 +1,9 @@']);
    expect(r.stderr).toMatch(/\[error: mdb-radix\]/);
    execFileSync('patch', ['-p0', '--quiet'], { cwd: dir, input: r.stdout });
    expect(readFileSync(path, 'latin1')).toBe(FIXED);
  });

  it('a file without a final newline, and far-apart fixes in separate hunks', async () => {
    const lines = ['set maxusers = 0t512', ...Array.from({ length: 10 }, (_, i) => `* comment ${i}`), 'set shmsys:shminfo_shmset = 1'];
    const path = put('hunks.system', lines.join('\n'));
    const before = readFileSync(path);
    const r = await run(['--check', '--diff', 'hunks.system'], '', { cwd: dir });
    expect(r.stdout).toBe([
      '--- hunks.system', '+++ hunks.system',
      '@@ -1,4 +1,4 @@', '-set maxusers = 0t512', '+set maxusers = 512', ' * comment 0', ' * comment 1', ' * comment 2',
      '@@ -9,4 +9,4 @@', ' * comment 7', ' * comment 8', ' * comment 9', '-set shmsys:shminfo_shmset = 1', '\\ No newline at end of file', '+set shmsys:shminfo_shmseg = 1', '\\ No newline at end of file', '',
    ].join('\n'));
    copyFileSync(path, join(dir, 'hunks.fix'));
    await run(['--check', '--fix', join(dir, 'hunks.fix')]);
    execFileSync('patch', ['-p0', '--quiet'], { cwd: dir, input: r.stdout });
    expect(readFileSync(path)).toEqual(readFileSync(join(dir, 'hunks.fix')));
    expect(readFileSync(path)).not.toEqual(before);
  });

  it('standard input: the diff names --stdin-name', async () => {
    const r = await run(['--check', '--diff', '--stdin-name', 'etc/system', '-'], 'set shmsys:shminfo_shmset = 1\n');
    expect(r.stdout).toBe('--- etc/system\n+++ etc/system\n@@ -1,1 +1,1 @@\n-set shmsys:shminfo_shmset = 1\n+set shmsys:shminfo_shmseg = 1\n');
  });
});
