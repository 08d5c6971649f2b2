import { chown, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipe } from '../helpers/io';

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
