import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as nodefs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recipeFor } from '../../src/kernel/derive';
import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../src/io';
import { Kernel } from '../../src/kernel/kernel';
import { mergePersist, persistLines, writeFileAtomic } from '../../src/etc-system';
import { boot } from './helpers';
import { eperm, realFs, unprivilegedFs } from '../helpers/io';

/** An mdb write: `NAME/W VALUE` as the session would do it. */
function mdbWrite(kernel: Kernel, name: string, value: bigint): void {
  const sym = kernel.lookup(name);
  if (!sym) throw new Error(`no symbol ${name}`);
  kernel.write(sym.addr, sym.size, value, 'mdb');
}

describe('persistLines', () => {
  it('prints the /etc/system line for each mdb change, in decimal', () => {
    const kernel = new Kernel('s10');
    mdbWrite(kernel, 'tcp_fusion_rcv_unread_min', 32n);
    expect(persistLines(kernel)).toEqual(['set ip:tcp_fusion_rcv_unread_min=32']);
  });

  it('round trip: the lines, booted, give back every live value', () => {
    const kernel = new Kernel('s10');
    // Values the boot works out (physmem, maxusers, ...) or param_check puts back when negative
    // (autoup, tune_t_fsflushr) are judged at boot; the rest come back as written.
    const atBoot = new Set(['physmem', 'autoup', 'tune_t_fsflushr', ...Object.keys(recipeFor('s10').initial)]);
    const changed = kernel.symbols.filter((s) => !atBoot.has(s.name)).slice(0, 25);
    changed.forEach((sym, i) => mdbWrite(kernel, sym.name, BigInt(i * 7 + 1) << BigInt(sym.size * 8 - 4)));
    const lines = persistLines(kernel);
    expect(lines).toHaveLength(changed.length);
    const booted = boot(lines.join('\n'));
    for (const sym of changed) expect([sym.name, booted.value(sym.name)]).toEqual([sym.name, kernel.value(sym)]);
    expect(booted.diagnostics.filter((d) => d.severity !== 'warning' || !['out-of-range', 'ignored-at-boot', 'clamped-at-boot'].includes(d.code))).toEqual([]);
  });

  it('the kernel proper has no module prefix', () => {
    const kernel = new Kernel('s10');
    const proper = kernel.symbols.find((s) => s.module === 'unix' || s.module === 'genunix');
    if (!proper) return; // catalogue without kernel-proper variables
    mdbWrite(kernel, proper.name, 3n);
    expect(persistLines(kernel)).toEqual([`set ${proper.name}=3`]);
  });
});

describe('mergePersist', () => {
  const line = 'set ip:tcp_fusion_rcv_unread_min=32';

  it('replaces the first set line in place and removes later ones for the same variable', () => {
    const old = '* fusion\nset ip:tcp_fusion_rcv_unread_min=0\n* keep me\nset ip:tcp_fusion_rcv_unread_min|1\nset ip:do_tcp_fusion=1\n';
    expect(mergePersist(old, [line])).toBe(`* fusion\n${line}\n* keep me\nset ip:do_tcp_fusion=1\n`);
  });

  it('appends a variable not set yet, with the file\'s own line ends, and keeps CRLF', () => {
    const old = '* windows\r\nset ip:do_tcp_fusion=1\r\n';
    expect(mergePersist(old, [line])).toBe(`* windows\r\nset ip:do_tcp_fusion=1\r\n${line}\r\n`);
  });

  it('keeps the absence of a final newline', () => {
    expect(mergePersist('* a\nset ip:tcp_fusion_rcv_unread_min=0', [line])).toBe(`* a\n${line}`);
    expect(mergePersist('* a', [line])).toBe(`* a\n${line}`);
    expect(mergePersist('', [line])).toBe(`${line}\n`);
  });

  it('keeps every other byte, even bytes that are not UTF-8', () => {
    const old = Buffer.concat([Buffer.from('* caf\xe9 \x00\tok\r\nset ip:tcp_fusion_rcv_unread_min = 8 \r\n', 'latin1'), Buffer.from([0xff, 0xfe, 0x0a])]);
    const merged = mergePersist(old, [line]);
    expect(Buffer.isBuffer(merged)).toBe(true);
    expect(merged.toString('latin1')).toBe(`* caf\xe9 \x00\tok\r\n${line}\r\n\xff\xfe\n`);
  });

  it('merged then booted gives the live value', () => {
    const merged = mergePersist('set ip:tcp_fusion_rcv_unread_min=0\nset ip:tcp_fusion_rcv_unread_min|0x3\n', [line]);
    expect(boot(merged).value('tcp_fusion_rcv_unread_min')).toBe(32n);
  });
});

type Step = 'copyFile' | 'writeFile' | 'rename';

/** The real file system, failing at one step (a full disk, a read-only directory). */
function failingAt(step: Step): FileSystem {
  const boom = async (): Promise<never> => { throw Object.assign(new Error(`ENOSPC: no space left on device, ${step}`), { code: 'ENOSPC' }); };
  return { ...realFs, [step]: step === 'writeFile'
    ? async (p: string, d: string | Buffer) => { await nodefs.writeFile(p, Buffer.from(d).subarray(0, 3)); return boom(); }
    : boom };
}

async function scratch(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'fusion-mdb-persist-'));
  const file = join(dir, 'system');
  await writeFile(file, '* original\nset ip:do_tcp_fusion=1\n');
  return { dir, file };
}

describe('writeFileAtomic', () => {
  it('writes the new text, keeps the old file as .bak, leaves no temporary file', async () => {
    const { dir, file } = await scratch();
    const result = await writeFileAtomic(realFs, file, 'new\n');
    expect(result).toEqual({ ok: true, backup: `${file}.bak` });
    expect(await readFile(file, 'utf8')).toBe('new\n');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('* original\nset ip:do_tcp_fusion=1\n');
    expect((await readdir(dir)).sort()).toEqual(['system', 'system.bak']);
    await rm(dir, { recursive: true });
  });

  for (const step of ['copyFile', 'writeFile', 'rename'] as const) {
    it(`a failure at ${step}: the original is intact, no temporary file, a clear error`, async () => {
      const { dir, file } = await scratch();
      const result = await writeFileAtomic(failingAt(step), file, 'new\n');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(new RegExp(`ENOSPC.*; ${file} is unchanged$`));
      expect(await readFile(file, 'utf8')).toBe('* original\nset ip:do_tcp_fusion=1\n');
      expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
      await rm(dir, { recursive: true });
    });
  }

  // chmod does not stop root: as root this case is covered by the failing fake file systems above.
  it.skipIf(process.getuid?.() === 0)('a read-only directory: the original is intact', async () => {
    const { dir, file } = await scratch();
    await chmod(dir, 0o555);
    try {
      const result = await writeFileAtomic(realFs, file, 'new\n');
      expect(result.ok).toBe(false);
      expect(await readFile(file, 'utf8')).toBe('* original\nset ip:do_tcp_fusion=1\n');
      expect(await readdir(dir)).toEqual(['system']);
    } finally {
      await chmod(dir, 0o755);
      await rm(dir, { recursive: true });
    }
  });

  it('a system error is told in its own words, without the temporary file Node names', async () => {
    const { dir } = await scratch();
    const file = join(dir, 'missing', 'system');
    expect(await writeFileAtomic(realFs, file, 'new\n')).toEqual({ ok: false, error: `cannot write ${file}: ENOENT: no such file or directory; ${file} is unchanged` });
    await rm(dir, { recursive: true });
  });

  it.runIf(process.getuid?.() === 0)('a backup that cannot have the owner: nothing renamed, an older .bak kept, no temporary file', async () => {
    const { dir, file } = await scratch();
    await chmod(file, 0o644);
    await nodefs.chown(file, 77, 88);
    await writeFile(`${file}.bak`, 'older\n');
    // Only the backup's chown is refused (the new file's went through).
    const fs: FileSystem = { ...realFs, chown: async (p, uid, gid) => (p.includes('.bak.tmp-') ? Promise.reject(eperm()) : realFs.chown(p, uid, gid)) };
    expect(await writeFileAtomic(fs, file, 'new\n')).toEqual({
      ok: false, owner: { mode: 0o100644, uid: 77, gid: 88 },
      error: `cannot give the backup ${file}.bak ${file}'s owner and group (uid 77, gid 88): EPERM: operation not permitted; ${file} is unchanged`,
    });
    expect(await readFile(file, 'utf8')).toBe('* original\nset ip:do_tcp_fusion=1\n');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('older\n');
    expect((await readdir(dir)).sort()).toEqual(['system', 'system.bak']);
    await rm(dir, { recursive: true });
  });

  it('a chown that fails for another reason, or a chmod that fails: said, with no owner hint, nothing left behind', async () => {
    const { dir, file } = await scratch();
    await chmod(file, 0o640);
    const eio = (): Error => Object.assign(new Error('EIO: i/o error, fchown'), { code: 'EIO', syscall: 'fchown' });
    const chownFails: FileSystem = { ...realFs, chown: async () => Promise.reject(eio()) };
    expect(await writeFileAtomic(chownFails, file, 'new\n')).toEqual({ ok: false, error: expect.stringMatching(/^cannot give the new file .*'s owner and group \(uid \d+, gid \d+\): EIO: i\/o error; .* is unchanged$/) as unknown });
    const chmodFails: FileSystem = { ...unprivilegedFs, chmod: async () => Promise.reject(Object.assign(new Error('EPERM: operation not permitted, fchmod'), { code: 'EPERM', syscall: 'fchmod' })) };
    expect(await writeFileAtomic(chmodFails, file, 'new\n')).toEqual({ ok: false, error: `cannot give the new file ${file}'s mode (0640): EPERM: operation not permitted; ${file} is unchanged` });
    expect(await readFile(file, 'utf8')).toBe('* original\nset ip:do_tcp_fusion=1\n');
    expect(await readdir(dir)).toEqual(['system']);
    await rm(dir, { recursive: true });
  });

  it('the real chown and chmod act on the file itself, never through a symbolic link', async () => {
    const { dir, file } = await scratch();
    await chmod(file, 0o600);
    await nodefs.symlink(file, join(dir, 'link'));
    await expect(realFs.chmod(join(dir, 'link'), 0o666)).rejects.toMatchObject({ code: 'ELOOP' });
    await expect(realFs.chown(join(dir, 'link'), 0, 0)).rejects.toMatchObject({ code: 'ELOOP' });
    expect((await nodefs.stat(file)).mode & 0o7777).toBe(0o600);
    await rm(dir, { recursive: true });
  });

  it('a directory in the way is refused before anything is written', async () => {
    const { dir } = await scratch();
    await mkdir(join(dir, 'sub'));
    const result = await writeFileAtomic(realFs, join(dir, 'sub'), 'x');
    expect(result).toEqual({ ok: false, error: `${join(dir, 'sub')} is not a regular file; nothing written` });
    await rm(dir, { recursive: true });
  });
});
