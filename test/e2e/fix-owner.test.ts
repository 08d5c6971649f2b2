import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// End to end, the real refusal: the built binary (npm test builds it first) run as an
// unprivileged user (uid and gid 65534, no other groups) on a file of another owner, in a
// directory that user may write. The kernel refuses the chown; the file must not change.

const BIN = join(__dirname, '../../bin/fusion-mdb.cjs');
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

const scratch = mkdtempSync(join(tmpdir(), 'fusion-mdb-owner-'));
if (isRoot) chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `fusion-mdb ARGS` as uid and gid 65534, from `cwd`. */
function asNobody(args: string[], cwd: string, input = ''): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd, input, encoding: 'utf8', uid: NOBODY, gid: NOBODY, env: { NO_COLOR: '1', HOME: '/nonexistent' },
  });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** A directory anyone may write, holding `system` of uid 4321, gid 8765, mode 0644. */
function theirs(name: string, text: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(scratch, name));
  chmodSync(dir, 0o777);
  const path = join(dir, 'system');
  writeFileSync(path, text);
  chownSync(path, 4321, 8765);
  chmodSync(path, 0o644);
  return { dir, path };
}

describe.runIf(isRoot)('a user who may not give the file its owner', () => {
  it('--fix: the file unchanged (bytes, inode, owner, mode), no temporary file or .bak; the reason and a hint; exit 2', () => {
    const { dir, path } = theirs('fix-', 'set maxusers = 0t512\n');
    const before = statSync(path);
    const r = asNobody(['--check', '--fix', '-q', path], dir);
    expect(r.stderr).toBe(`fusion-mdb: cannot fix ${path}: cannot give the new file ${path}'s owner and group (uid 4321, gid 8765): ` +
      `EPERM: operation not permitted; ${path} is unchanged\n`);
    expect(r.status).toBe(2);
    expect(readFileSync(path, 'latin1')).toBe('set maxusers = 0t512\n');
    const after = statSync(path);
    expect([after.ino, after.uid, after.gid, after.mode, after.mtimeMs]).toEqual([before.ino, 4321, 8765, before.mode, before.mtimeMs]);
    expect(readdirSync(dir)).toEqual(['system']);
  });

  it('--fix through a symbolic link: the file it leads to is refused the same way, named as given; the link stays', () => {
    const { dir, path } = theirs('link-', 'set maxusers = 0t512\n');
    const etc = join(dir, 'etc');
    mkdirSync(etc);
    chmodSync(etc, 0o777);
    const link = join(etc, 'system');
    symlinkSync('../system', link);
    const r = asNobody(['--check', '--fix', '-q', 'etc/system'], dir);
    expect(r.stderr).toBe("fusion-mdb: cannot fix etc/system: cannot give the new file etc/system's owner and group (uid 4321, gid 8765): " +
      'EPERM: operation not permitted; etc/system is unchanged\n');
    expect(r.status).toBe(2);
    expect(readFileSync(path, 'latin1')).toBe('set maxusers = 0t512\n');
    expect([lstatSync(link).isSymbolicLink(), readlinkSync(link)]).toEqual([true, '../system']);
    expect(readdirSync(dir).sort()).toEqual(['etc', 'system']);
    expect(readdirSync(etc)).toEqual(['system']);
  });

  it('::persist -f: the same, in mdb\'s words', () => {
    const { dir, path } = theirs('persist-', 'set ip:do_tcp_fusion=1\n');
    const r = asNobody(['-kwq'], dir, `tcp_fusion_rcv_unread_min/W 0t32\n::persist -f ${path}\n`);
    expect(r.stderr).toBe(`mdb: cannot give the new file ${path}'s owner and group (uid 4321, gid 8765): EPERM: operation not permitted; ${path} is unchanged\n`);
    expect(readFileSync(path, 'latin1')).toBe('set ip:do_tcp_fusion=1\n');
    expect(readdirSync(dir)).toEqual(['system']);
  });
});
