import { chown, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipe, run, unprivilegedFs } from '../helpers/io';

// ::persist -f replaces the file whole; what it replaces keeps its mode, owner and group.

const isRoot = process.getuid?.() === 0;

async function systemFile(mode: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fusion-mdb-keep-'));
  const file = join(dir, 'system');
  await writeFile(file, 'set ip:do_tcp_fusion=1\n', { mode });
  return file;
}

describe('::persist -f keeps the file\'s mode, owner and group', () => {
  it.skipIf(!isRoot)('a 0640 file of another group stays 0640 and keeps its owner and group', async () => {
    const file = await systemFile(0o640);
    await chown(file, 4242, 3);
    const r = await pipe(['tcp_fusion_rcv_unread_min/W 0t32', `::persist -f ${file}`], ['-kw']);
    expect(r.stderr).toBe('');
    const st = await stat(file);
    expect({ mode: st.mode & 0o7777, uid: st.uid, gid: st.gid }).toEqual({ mode: 0o640, uid: 4242, gid: 3 });
    expect(await readFile(file, 'utf8')).toBe('set ip:do_tcp_fusion=1\nset ip:tcp_fusion_rcv_unread_min=32\n');
  });

  it.skipIf(!isRoot)('its .bak keeps the mode, owner and group too, even over an older .bak of another owner', async () => {
    const file = await systemFile(0o640);
    await chown(file, 4242, 3);
    await writeFile(`${file}.bak`, 'an older backup\n', { mode: 0o666 });
    await chown(`${file}.bak`, 0, 0);
    const r = await pipe(['tcp_fusion_rcv_unread_min/W 0t32', `::persist -f ${file}`], ['-kw']);
    expect(r.stderr).toBe('');
    const st = await stat(`${file}.bak`);
    expect({ mode: st.mode & 0o7777, uid: st.uid, gid: st.gid }).toEqual({ mode: 0o640, uid: 4242, gid: 3 });
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('set ip:do_tcp_fusion=1\n');
  });

  it('a 0600 file stays 0600, and no temporary file is left', async () => {
    const file = await systemFile(0o600);
    const r = await pipe(['tcp_fusion_rcv_unread_min/W 0t32', `::persist -f ${file}`], ['-kw']);
    expect(r.stderr).toBe('');
    expect((await stat(file)).mode & 0o7777).toBe(0o600);
    expect((await stat(`${file}.bak`)).mode & 0o7777).toBe(0o600);
    expect((await readdir(join(file, '..'))).sort()).toEqual(['system', 'system.bak']);
  });
});

// A user who may not give the new file the old one's owner and group changes nothing (the
// tests run as root: the file is given away first, and the fake refuses as the kernel would).
describe('::persist -f by a user who may not keep the file\'s owner', () => {
  it.skipIf(!isRoot)('the file stays as it was (bytes, inode, owner, mode) and an older .bak too; mdb says why, with a hint, and goes on', async () => {
    const file = await systemFile(0o640);
    await chown(file, 4242, 3);
    await writeFile(`${file}.bak`, 'an older backup\n');
    const before = await stat(file);
    const r = await run(['-kw'], `tcp_fusion_rcv_unread_min/W 0t32\n::persist -f ${file}\n::persist\n`, { fs: unprivilegedFs });
    expect(r.stderr).toBe(
      `mdb: cannot give the new file ${file}'s owner and group (uid 4242, gid 3): EPERM: operation not permitted; ${file} is unchanged\n` +
      'hint: only root may give a file to another user, or to a group the user is not in: ' +
      `run fusion-mdb as root or as uid 4242 (a member of gid 3), or have that user add the lines ::persist prints to ${file}\n`);
    // The session goes on, as after any failed dcmd: the next ::persist prints the line to add.
    expect(r.stdout).toBe('tcp_fusion_rcv_unread_min:      0x8             =       0x20\nset ip:tcp_fusion_rcv_unread_min=32\n');
    expect(r.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe('set ip:do_tcp_fusion=1\n');
    const after = await stat(file);
    expect([after.ino, after.uid, after.gid, after.mode, after.mtimeMs]).toEqual([before.ino, 4242, 3, before.mode, before.mtimeMs]);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('an older backup\n');
    expect((await readdir(join(file, '..'))).sort()).toEqual(['system', 'system.bak']);
  });

  it.skipIf(!isRoot)('-q keeps the error, drops the hint; no .bak is made', async () => {
    const file = await systemFile(0o600);
    await chown(file, 4242, 4242);
    const r = await run(['-kwq'], `tcp_fusion_rcv_unread_min/W 0t32\n::persist -f ${file}\n`, { fs: unprivilegedFs });
    expect(r.stderr).toBe(`mdb: cannot give the new file ${file}'s owner and group (uid 4242, gid 4242): EPERM: operation not permitted; ${file} is unchanged\n`);
    expect(await readFile(file, 'utf8')).toBe('set ip:do_tcp_fusion=1\n');
    expect(await readdir(join(file, '..'))).toEqual(['system']);
  });

  it('a file of the user\'s own, in their own group, is written as before', async () => {
    const file = await systemFile(0o640);
    const { uid, gid } = await stat(file);
    const r = await run(['-kw'], `tcp_fusion_rcv_unread_min/W 0t32\n::persist -f ${file}\n`, { fs: unprivilegedFs });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`wrote ${file}: 1 line for the mdb changes; the old file is ${file}.bak\n`);
    expect(await readFile(file, 'utf8')).toBe('set ip:do_tcp_fusion=1\nset ip:tcp_fusion_rcv_unread_min=32\n');
    for (const f of [file, `${file}.bak`]) {
      const st = await stat(f);
      expect({ mode: st.mode & 0o7777, uid: st.uid, gid: st.gid }).toEqual({ mode: 0o640, uid, gid });
    }
    expect((await readdir(join(file, '..'))).sort()).toEqual(['system', 'system.bak']);
  });
});
