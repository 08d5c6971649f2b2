import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileSystem } from '../../src/io';
import { realFs, run } from '../helpers/io';

// --fix on an /etc/system kept as a symbolic link into a configuration-management tree:
// the file the link leads to is fixed, beside its own .bak; the link stays as it was.

const FIXABLE = 'Set maxusers = 2048\nset rlim_fd_max = 0t65536\n';
const FIXED = 'set maxusers = 2048\nset rlim_fd_max = 65536\n';
const APPLIED = 'applied 2 fixes (keyword-case, mdb-radix)';

// realpath: a temporary directory reached through a link (as on macOS) is named as the kernel resolves it.
const top = realpathSync(mkdtempSync(join(tmpdir(), 'fusion-mdb-link-')));
afterAll(() => rmSync(top, { recursive: true, force: true }));
let hosts = 0;

/** A tree like /opt/cm/hosts/web1/system with an etc/system link to it: `link` holds `target` (the real file's path unless told). */
function linked(text: string | undefined, target?: (real: string) => string): { root: string; etc: string; link: string; real: string; web1: string; holds: string } {
  const root = join(top, `host${++hosts}`);
  const web1 = join(root, 'opt/cm/hosts/web1');
  const etc = join(root, 'etc');
  mkdirSync(web1, { recursive: true });
  mkdirSync(etc);
  const real = join(web1, 'system');
  if (text !== undefined) writeFileSync(real, text, { mode: 0o640 });
  const link = join(etc, 'system');
  const holds = target ? target(real) : real;
  symlinkSync(holds, link);
  return { root, etc, link, real, web1, holds };
}

/** What the link is, by lstat and readlink: a change to it shows here. */
function linkState(link: string): object {
  const st = lstatSync(link);
  return { symlink: st.isSymbolicLink(), ino: st.ino, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, holds: readlinkSync(link) };
}

describe('--fix through a symbolic link', () => {
  it('fixes the file the link leads to, keeps the .bak beside it, leaves the link as it was', async () => {
    const { etc, link, real, web1, holds } = linked(FIXABLE);
    const before = linkState(link);
    const r = await run(['--check', '--fix', '-q', link]);
    expect(r.stderr).toBe(`fusion-mdb: ${link}: ${APPLIED}; the old file is ${real}.bak\n`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(real, 'latin1')).toBe(FIXED);
    expect(readFileSync(`${real}.bak`, 'latin1')).toBe(FIXABLE);
    expect(linkState(link)).toEqual(before);
    expect(readlinkSync(link)).toBe(holds);
    expect(readdirSync(etc)).toEqual(['system']);
    expect(readdirSync(web1).sort()).toEqual(['system', 'system.bak']);
    // The file and its backup keep the real file's mode.
    expect([statSync(real).mode & 0o7777, statSync(`${real}.bak`).mode & 0o7777]).toEqual([0o640, 0o640]);
    // Read through the link again: nothing more to fix.
    expect(await run(['--check', '--fix', link])).toEqual({ stdout: '0 errors, 0 warnings, 0 notes in 1 file\n', stderr: '', code: 0 });
  });

  it('a relative link, named relative to the working directory: the file as given, the backup where it is', async () => {
    const { root, link, real } = linked(FIXABLE, () => '../opt/cm/hosts/web1/system');
    const r = await run(['--check', '--fix', '-q', 'etc/system'], '', { cwd: root });
    expect(r.stderr).toBe(`fusion-mdb: etc/system: ${APPLIED}; the old file is ${real}.bak\n`);
    expect(readFileSync(real, 'latin1')).toBe(FIXED);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('../opt/cm/hosts/web1/system');
  });

  it('a link to a link: the last file is fixed, both links stay', async () => {
    const { root, link, real, web1 } = linked(undefined, () => 'current');
    // etc/system -> current -> ../opt/cm/hosts/web1/system
    symlinkSync('../opt/cm/hosts/web1/system', join(root, 'etc/current'));
    writeFileSync(real, FIXABLE);
    const r = await run(['--check', '--fix', '-q', link]);
    expect(r.stderr).toBe(`fusion-mdb: ${link}: ${APPLIED}; the old file is ${real}.bak\n`);
    expect(readFileSync(real, 'latin1')).toBe(FIXED);
    expect([readlinkSync(link), readlinkSync(join(root, 'etc/current'))]).toEqual(['current', '../opt/cm/hosts/web1/system']);
    expect(readdirSync(web1).sort()).toEqual(['system', 'system.bak']);
  });

  // Only root may give a file to another owner: the test needs it (the CI and this machine run as root).
  it.runIf(process.getuid?.() === 0)('the file the link leads to keeps its owner, group and mode, and so does its .bak', async () => {
    const { link, real } = linked(FIXABLE);
    chownSync(real, 4321, 8765);
    chmodSync(real, 0o604);
    const r = await run(['--check', '--fix', '-q', link]);
    expect(r.stderr).toBe(`fusion-mdb: ${link}: ${APPLIED}; the old file is ${real}.bak\n`);
    for (const f of [real, `${real}.bak`]) {
      const st = statSync(f);
      expect([f, st.uid, st.gid, st.mode & 0o7777]).toEqual([f, 4321, 8765, 0o604]);
    }
    // The link is root's, as it was made: chown and chmod never went through it.
    const st = lstatSync(link);
    expect([st.isSymbolicLink(), st.uid, st.gid]).toEqual([true, 0, 0]);
  });

  it('a link that leads to no file cannot be read: "cannot open", a hint that says why, exit 2; the link stays', async () => {
    const { link, real, web1 } = linked(undefined);
    const before = linkState(link);
    const r = await run(['--check', '--fix', link]);
    expect(r).toEqual({
      stdout: `WARNING: cannot open system file: ${link} [error: cannot-open]\n  hint: ${link} is a symbolic link to ${real}, which does not exist\n` +
        '1 error, 0 warnings, 0 notes in 1 file\n',
      stderr: '',
      code: 2,
    });
    expect(linkState(link)).toEqual(before);
    expect(readdirSync(web1)).toEqual([]);
  });

  it('a loop of links: "cannot open", the hint says so, exit 2; the links stay', async () => {
    const { root, link } = linked(undefined, () => 'other');
    symlinkSync('system', join(root, 'etc/other'));
    const before = linkState(link);
    const r = await run(['--check', '--fix', link]);
    expect(r).toEqual({
      stdout: `WARNING: cannot open system file: ${link} [error: cannot-open]\n  hint: ${link} is a symbolic link to other, ` +
        'in a loop of links that never reaches a file (ELOOP: too many symbolic links encountered)\n1 error, 0 warnings, 0 notes in 1 file\n',
      stderr: '',
      code: 2,
    });
    expect(linkState(link)).toEqual(before);
    expect(readdirSync(join(root, 'etc')).sort()).toEqual(['other', 'system']);
  });

  // The file was there when read, and is gone when written (the tree was checked out again in between).
  const readsThen = (link: string): FileSystem => ({ ...realFs, readRegular: async (p) => (p === link ? Buffer.from(FIXABLE) : realFs.readRegular?.(p)) });

  it('a link whose file is gone by the time of the write: refused, the link left as it was, exit 2', async () => {
    const { etc, link, real, web1 } = linked(undefined);
    const before = linkState(link);
    const r = await run(['--check', '--fix', '-q', link], '', { fs: readsThen(link) });
    expect(r.stderr).toBe(`fusion-mdb: cannot fix ${link}: it is a symbolic link to ${real}, which does not exist; ${link} is unchanged\n`);
    expect(r.code).toBe(2);
    expect(linkState(link)).toEqual(before);
    expect(readdirSync(etc)).toEqual(['system']);
    expect(readdirSync(web1)).toEqual([]);
  });

  it('a loop by the time of the write: refused the same way', async () => {
    const { root, etc, link } = linked(undefined, () => 'other');
    symlinkSync('system', join(root, 'etc/other'));
    const before = linkState(link);
    const r = await run(['--check', '--fix', '-q', link], '', { fs: readsThen(link) });
    expect(r.stderr).toBe(`fusion-mdb: cannot fix ${link}: it is a symbolic link to other, in a loop of links that never reaches a file ` +
      `(ELOOP: too many symbolic links encountered); ${link} is unchanged\n`);
    expect(r.code).toBe(2);
    expect(linkState(link)).toEqual(before);
    expect(readdirSync(etc).sort()).toEqual(['other', 'system']);
  });
});

describe('--diff through a symbolic link', () => {
  // GNU patch will not write through a link (it refuses, or with --follow-symlinks puts a regular
  // file in its place): the diff names the file the link leads to, so `patch -p0` changes that file.
  const DIFF = '@@ -1,2 +1,2 @@\n-Set maxusers = 2048\n+set maxusers = 2048\n-set rlim_fd_max = 0t65536\n+set rlim_fd_max = 65536\n';

  it('a link to a file below this directory: named by that file\'s path from here; patch -p0 gives what --fix gives, the link kept', async () => {
    const { root, link, real } = linked(FIXABLE);
    const r = await run(['--check', '--diff', 'etc/system'], '', { cwd: root });
    expect(r.stdout).toBe(`--- opt/cm/hosts/web1/system\n+++ opt/cm/hosts/web1/system\n${DIFF}`);
    expect(r.code).toBe(1);
    expect(readFileSync(real, 'latin1')).toBe(FIXABLE);
    const before = linkState(link);
    execFileSync('patch', ['-p0', '--quiet'], { cwd: root, input: r.stdout });
    expect(readFileSync(real, 'latin1')).toBe(FIXED);
    expect(linkState(link)).toEqual(before);
  });

  it('a link to a file elsewhere: named as given, and the note says to give patch the file the link leads to', async () => {
    const { etc, link, real } = linked(FIXABLE, () => '../opt/cm/hosts/web1/system');
    const r = await run(['--check', '--diff', 'system'], '', { cwd: etc });
    expect(r.stdout).toBe(`--- system\n+++ system\n${DIFF}`);
    const to = realpathSync(real);
    expect(r.stderr).toContain(`fusion-mdb: note: patch -p0 will not apply this diff to system here: it is a symbolic link to ${to}, and patch will not write through a link; pipe it to \`patch ${to}\` instead\n`);
    const before = linkState(link);
    execFileSync('patch', ['--quiet', to], { cwd: etc, input: r.stdout });
    expect(readFileSync(real, 'latin1')).toBe(FIXED);
    expect(linkState(link)).toEqual(before);
    // -q: the diff alone.
    expect((await run(['--check', '--diff', '-q', 'system'], '', { cwd: etc })).stderr).not.toContain('note:');
  });

  it('a name with a `..` or an absolute name (which patch -p0 will not open here): the note says to give patch the file', async () => {
    const { root, real } = linked(FIXABLE);
    const web1 = join(root, 'opt/cm/hosts/web1');
    for (const [name, why] of [['../web1/system', 'patch will not open a name with `..` in it'], [real, 'patch opens an absolute name only when run in /']] as const) {
      const r = await run(['--check', '--diff', name], '', { cwd: web1 });
      expect(r.stdout).toBe(`--- ${name}\n+++ ${name}\n${DIFF}`);
      expect(r.stderr).toContain(`fusion-mdb: note: patch -p0 will not apply this diff to ${name} here: ${why}; pipe it to \`patch ${real}\` instead\n`);
    }
    // As the note says: patch given the file changes it as --fix would.
    const r = await run(['--check', '--diff', '../web1/system'], '', { cwd: web1 });
    execFileSync('patch', ['--quiet', real], { cwd: web1, input: r.stdout });
    expect(readFileSync(real, 'latin1')).toBe(FIXED);
  });
});
