import { chmod, chown, lstat, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/etc-system';
import { pipe, realFs } from '../helpers/io';

// ::persist -f on an /etc/system kept as a symbolic link into a configuration-management
// tree: the file the link leads to gets the lines, its .bak beside it; the link stays.

const ORIGINAL = 'set ip:do_tcp_fusion=1\n';
const MERGED = 'set ip:do_tcp_fusion=1\nset ip:tcp_fusion_rcv_unread_min=32\n';
const WRITE = 'tcp_fusion_rcv_unread_min/W 0t32';
const WROTE = 'tcp_fusion_rcv_unread_min:      0x8             =       0x20\n';

let top = '';
let hosts = 0;
afterAll(() => rm(top, { recursive: true, force: true }));

/** etc/system -> `holds` (the real opt/cm/hosts/web1/system unless told), that file holding `text` unless undefined. */
async function linked(text: string | undefined, holds?: string): Promise<{ etc: string; link: string; real: string; web1: string }> {
  top ||= await realpath(await mkdtemp(join(tmpdir(), 'fusion-mdb-persist-link-')));
  const root = join(top, `host${++hosts}`);
  const web1 = join(root, 'opt/cm/hosts/web1');
  const etc = join(root, 'etc');
  await mkdir(web1, { recursive: true });
  await mkdir(etc);
  const real = join(web1, 'system');
  if (text !== undefined) await writeFile(real, text, { mode: 0o640 });
  const link = join(etc, 'system');
  await symlink(holds ?? real, link);
  return { etc, link, real, web1 };
}

/** What the link is, by lstat and readlink: a change to it shows here. */
async function linkState(link: string): Promise<object> {
  const st = await lstat(link);
  return { symlink: st.isSymbolicLink(), ino: st.ino, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, holds: await readlink(link) };
}

describe('::persist -f through a symbolic link', () => {
  it('writes the file the link leads to, keeps the .bak beside it, leaves the link as it was', async () => {
    const { etc, link, real, web1 } = await linked(ORIGINAL);
    const before = await linkState(link);
    const r = await pipe([WRITE, `::persist -f ${link}`], ['-kw']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${WROTE}wrote ${link}: 1 line for the mdb changes; the old file is ${real}.bak\n` +
      `  set ip:tcp_fusion_rcv_unread_min=32\n::etcsystem ${link} then ::reboot boots from it\n`);
    expect(await readFile(real, 'utf8')).toBe(MERGED);
    expect(await readFile(`${real}.bak`, 'utf8')).toBe(ORIGINAL);
    expect(await linkState(link)).toEqual(before);
    expect(await readdir(etc)).toEqual(['system']);
    expect((await readdir(web1)).sort()).toEqual(['system', 'system.bak']);
    expect([(await stat(real)).mode & 0o7777, (await stat(`${real}.bak`)).mode & 0o7777]).toEqual([0o640, 0o640]);
  });

  it.runIf(process.getuid?.() === 0)('the file keeps its owner, group and mode, and so does its .bak', async () => {
    const { link, real } = await linked(ORIGINAL);
    await chown(real, 4242, 3);
    await chmod(real, 0o604);
    const r = await pipe([WRITE, `::persist -f ${link}`], ['-kw']);
    expect(r.stderr).toBe('');
    for (const f of [real, `${real}.bak`]) {
      const st = await stat(f);
      expect([f, st.uid, st.gid, st.mode & 0o7777]).toEqual([f, 4242, 3, 0o604]);
    }
  });

  it('a link to a missing file: refused in mdb\'s words, nothing written, the link as it was', async () => {
    const { etc, link, real, web1 } = await linked(undefined);
    const before = await linkState(link);
    const r = await pipe([WRITE, `::persist -f ${link}`], ['-kw']);
    expect(r.stderr).toBe(`mdb: cannot write ${link}: it is a symbolic link to ${real}, which does not exist; ${link} is unchanged\n`);
    expect(r.stdout).toBe(WROTE);
    expect(await linkState(link)).toEqual(before);
    expect(await readdir(etc)).toEqual(['system']);
    expect(await readdir(web1)).toEqual([]);
  });

  it('a loop of links: refused the same way', async () => {
    const { etc, link } = await linked(undefined, 'other');
    await symlink('system', join(etc, 'other'));
    const before = await linkState(link);
    const r = await pipe([WRITE, `::persist -f ${link}`], ['-kw']);
    expect(r.stderr).toBe(`mdb: cannot write ${link}: it is a symbolic link to other, in a loop of links that never reaches a file ` +
      `(ELOOP: too many symbolic links encountered); ${link} is unchanged\n`);
    expect(await linkState(link)).toEqual(before);
    expect((await readdir(etc)).sort()).toEqual(['other', 'system']);
  });
});

describe('writeFileAtomic through a symbolic link', () => {
  it('names the backup where it is; a file that is no link keeps its name as given', async () => {
    const { link, real } = await linked(ORIGINAL);
    expect(await writeFileAtomic(realFs, link, 'new\n', 0, 'etc/system')).toEqual({ ok: true, backup: `${real}.bak` });
    expect(await readFile(real, 'utf8')).toBe('new\n');
    expect(await writeFileAtomic(realFs, real, 'newer\n', 0, 'system')).toEqual({ ok: true, backup: 'system.bak' });
    expect(await readFile(`${real}.bak`, 'utf8')).toBe('new\n');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
  });

  it('a dangling link: the reason alone for --fix, the whole sentence for mdb; nothing written', async () => {
    const { link, real, web1 } = await linked(undefined);
    expect(await writeFileAtomic(realFs, link, 'new\n', 0, 'etc/system')).toEqual({
      ok: false,
      error: `cannot write etc/system: it is a symbolic link to ${real}, which does not exist; etc/system is unchanged`,
      refused: `it is a symbolic link to ${real}, which does not exist; etc/system is unchanged`,
    });
    expect(await readdir(web1)).toEqual([]);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
  });
});
