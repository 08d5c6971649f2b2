import { constants } from 'node:fs';
import * as nodefs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FileSystem } from '../../src/io';
import { Kernel } from '../../src/kernel/kernel';
import { Output } from '../../src/mdb/output';
import { Session } from '../../src/mdb/session';
import { PLAIN } from '../../src/render/theme';
import { pipe, realFs, run } from '../helpers/io';

// The /etc/system session commands (issue 3): ::tunables, ::etcsystem, ::reboot, ::persist.

const CUSTOMER = 'fixtures/etc-system/customer-case.system';
const PAD = (s: string, n: number): string => s.padEnd(n);
const unreadMinIs = (v: number): string => `${PAD('tcp_fusion_rcv_unread_min:', 32)}${PAD(String(v), 16)}\n`;

const dirs: string[] = [];
async function scratch(): Promise<string> {
  const dir = await nodefs.mkdtemp(join(tmpdir(), 'fusion-mdb-session-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) {
    await nodefs.chmod(dir, 0o755).catch(() => undefined);
    await nodefs.rm(dir, { recursive: true, force: true });
  }
});

/** A session driven directly, for what no dcmd can do yet (an ndd setting). */
function session(): { s: Session; text: () => { out: string; err: string } } {
  let out = '';
  let err = '';
  const s = new Session({
    kernel: new Kernel('s10'), out: new Output((t) => { out += t; }, (t) => { err += t; }, false),
    writable: true, theme: PLAIN,
    io: { stdinIsTTY: false, stdoutIsTTY: false, hostname: 'lab1', fs: realFs, env: {}, pid: 4242 },
  });
  return { s, text: () => { s.out.flush(); return { out, err }; } };
}

describe('::reboot: mdb writes are lost, the boot value comes back', () => {
  it('no boot file: /W 0t32, ::reboot, /D reads the default 8 again', async () => {
    const r = await pipe(['tcp_fusion_rcv_unread_min/W 0t32', 'tcp_fusion_rcv_unread_min/D', '::reboot', 'tcp_fusion_rcv_unread_min/D'], ['-kw']);
    expect(r.stdout).toBe([
      'tcp_fusion_rcv_unread_min:      0x8             =       0x20\n',
      'tcp_fusion_rcv_unread_min:\n', unreadMinIs(32),
      'rebooted: the kernel booted from the s10 defaults (no boot file)\n',
      'rebooted: mdb changes to 1 variable were lost (tcp_fusion_rcv_unread_min)\n',
      '  mdb writes only the running kernel: ::persist -f FILE before ::reboot keeps them in /etc/system\n',
      'tcp_fusion_rcv_unread_min:\n', unreadMinIs(8),
    ].join(''));
    expect(r.stderr).toBe('');
  });

  it('booted from the customer case: /W 0t32, ::reboot, /D reads 0 again', async () => {
    const r = await pipe(['tcp_fusion_rcv_unread_min/W 0t32', '::reboot', 'tcp_fusion_rcv_unread_min/D'], ['-kw', '--etc-system', CUSTOMER]);
    expect(r.stdout).toContain(`rebooted: the kernel booted from ${CUSTOMER}\n`);
    expect(r.stdout).toContain('were lost (tcp_fusion_rcv_unread_min)');
    expect(r.stdout.endsWith(`tcp_fusion_rcv_unread_min:\n${unreadMinIs(0)}`)).toBe(true);
  });

  it('prints the boot messages on stderr, as at start-up', async () => {
    const dir = await scratch();
    const file = join(dir, 'system');
    await nodefs.writeFile(file, 'set shmsys:shminfo_shmset=16\n');
    const r = await pipe(['::reboot'], ['-k', '--etc-system', file]);
    const sorry = "sorry, variable 'shminfo_shmset' is not defined in the 'shmsys' module";
    expect(r.stderr.split(sorry)).toHaveLength(3); // at start-up and at ::reboot
    expect(r.stdout).toBe(`rebooted: the kernel booted from ${file}\n`);
  });

  it('says which ndd settings and connections are gone', async () => {
    const { s, text } = session();
    s.kernel.setNdd('/dev/tcp', 'tcp_xmit_hiwat', 65536);
    await s.runLine('::reboot', 1);
    expect(text().out).toContain('rebooted: ndd settings of 1 parameter were lost (tcp_xmit_hiwat); ndd -set lasts until reboot');
    expect(s.kernel.ndd('/dev/tcp', 'tcp_xmit_hiwat')?.value).toBe(49152);
  });

  it('takes no argument or address', async () => {
    const r = await pipe(['::reboot now', '1::reboot'], ['-k']);
    expect(r.stderr).toBe("Usage: reboot \nmdb: try '::help reboot' for more information\n".repeat(2));
  });
});

/** Writes of each size, and a read of each back in decimal. */
const WRITES = [
  'msginfo_msgseg/w 0xbeef', // ushort_t, 2 bytes
  'tcp_fusion_rcv_unread_min/W 0t32', // uint_t, 4 bytes
  'maxusers/W 0xffffffff', // int, 4 bytes, reads back as -1
  'shminfo_shmmax/Z 0xfedcba9876543210', // size_t, 8 bytes
  'strmsgsz/Z 0t131072', // ssize_t, 8 bytes
];
const READS = ['msginfo_msgseg/u', 'tcp_fusion_rcv_unread_min/U', 'maxusers/D', 'shminfo_shmmax/E', 'strmsgsz/e'];

describe('::persist', () => {
  it('prints one decimal set line per mdb change, nothing else', async () => {
    const r = await pipe(WRITES, ['-kw']);
    const p = await pipe([...WRITES, '::persist'], ['-kw']);
    expect(p.stdout.slice(r.stdout.length)).toBe([
      'set ip:tcp_fusion_rcv_unread_min=32',
      'set maxusers=4294967295',
      'set strmsgsz=131072',
      'set msgsys:msginfo_msgseg=48879',
      'set shmsys:shminfo_shmmax=18364758544493064720',
      '',
    ].join('\n'));
  });

  it('round trip: its output, booted with --etc-system, gives back every live value', async () => {
    const live = await pipe([...WRITES, ...READS, '::persist'], ['-kw']);
    const reads = live.stdout.split('\n').filter((l) => !l.startsWith('set ') && !l.includes('='));
    const file = join(await scratch(), 'system');
    await nodefs.writeFile(file, live.stdout.split('\n').filter((l) => l.startsWith('set ')).join('\n'));
    const booted = await pipe(READS, ['-k', '--etc-system', file]);
    expect(booted.stdout.split('\n')).toEqual(reads);
    expect(reads).toContain(`${PAD('maxusers:', 16)}${PAD('-1', 16)}`);
  });

  it('round trip in one session: ::persist -f, ::etcsystem, ::reboot', async () => {
    const file = join(await scratch(), 'system');
    const live = await pipe([...WRITES, ...READS], ['-kw']);
    const r = await pipe([...WRITES, `::persist -f ${file}`, `::etcsystem ${file}`, '::reboot', ...READS], ['-kw']);
    expect(r.stdout).toContain('rebooted: 5 mdb changes came back from /etc/system\n');
    expect(r.stdout.endsWith(live.stdout.split('\n').filter((l) => !l.includes('=')).join('\n'))).toBe(true);
  });

  it('says so when mdb changed nothing, and writes nothing', async () => {
    const file = join(await scratch(), 'system');
    const r = await pipe(['::persist', `::persist -f ${file}`], ['-kw']);
    expect(r.stdout).toBe('nothing to persist: no variable was changed with mdb and no parameter with ndd\n'.repeat(2));
    await expect(nodefs.stat(file)).rejects.toThrow(/ENOENT/);
  });

  it('-f merges into the file: the same variable replaced in place, every other byte kept, .bak', async () => {
    const dir = await scratch();
    const file = join(dir, 'system');
    const original = Buffer.from('* caf\xe9\r\nset ip:tcp_fusion_rcv_unread_min = 0\r\nset ip:tcp_fusion_rcv_unread_min | 4\r\n* last, no newline', 'latin1');
    await nodefs.writeFile(file, original);
    const r = await pipe(['tcp_fusion_rcv_unread_min/W 0t32', `::persist -f ${file}`, '::reboot', 'tcp_fusion_rcv_unread_min/D'], ['-kw', '--etc-system', file]);
    expect(await nodefs.readFile(file, 'latin1')).toBe('* caf\xe9\r\nset ip:tcp_fusion_rcv_unread_min=32\r\n* last, no newline');
    expect(await nodefs.readFile(`${file}.bak`)).toEqual(original);
    expect((await nodefs.readdir(dir)).sort()).toEqual(['system', 'system.bak']);
    // The boot file is the one written: the next ::reboot reads the new bytes.
    expect(r.stdout).toContain(`wrote ${file}: 1 line for the mdb changes; the old file is ${file}.bak\n  set ip:tcp_fusion_rcv_unread_min=32\nthe next ::reboot keeps them\n`);
    expect(r.stdout).toContain('rebooted: 1 mdb change came back from /etc/system\n');
    expect(r.stdout.endsWith(unreadMinIs(32))).toBe(true);
  });

  it('-f creates a file that does not exist, and says how to boot from it', async () => {
    const file = join(await scratch(), 'new-system');
    const r = await pipe(['tcp_fusion_rcv_unread_min/W 0t32', `::persist -f ${file}`], ['-kw']);
    expect(await nodefs.readFile(file, 'utf8')).toBe('set ip:tcp_fusion_rcv_unread_min=32\n');
    expect(r.stdout).toContain(`created ${file}: 1 line for the mdb changes\n  set ip:tcp_fusion_rcv_unread_min=32\n::etcsystem ${file} then ::reboot boots from it\n`);
  });

  it('wrong calls print the usage', async () => {
    const r = await pipe(['::persist -x', '::persist -f', '::persist -f a b'], ['-kw']);
    expect(r.stderr).toBe("Usage: persist [-f file]\nmdb: try '::help persist' for more information\n".repeat(3));
  });
});

describe('::persist -f never loses a byte of the file', () => {
  const ORIGINAL = Buffer.from('* keep every byte\r\nset ip:tcp_fusion_rcv_unread_min=0\r\n\x00\xff tail', 'latin1');
  type Step = keyof FileSystem;
  const STEPS: Step[] = ['stat', 'readFile', 'copyFile', 'writeFile', 'rename'];

  /** The real file system, failing at one step; writeFile fails half-way, after some bytes. */
  function failingAt(...steps: Step[]): FileSystem {
    const fs: FileSystem = { ...realFs };
    for (const step of steps) {
      const error = (): Error => Object.assign(new Error(`EIO: i/o error, ${step}`), { code: 'EIO' });
      if (step === 'writeFile') {
        fs.writeFile = async (p, d) => { await nodefs.writeFile(p, Buffer.from(d).subarray(0, 5)); throw error(); };
      } else {
        fs[step] = async () => { throw error(); };
      }
    }
    return fs;
  }

  for (const step of STEPS) {
    it(`a failure at ${step}: mdb's error, the file intact, no temporary file left`, async () => {
      const dir = await scratch();
      const file = join(dir, 'system');
      await nodefs.writeFile(file, ORIGINAL);
      const r = await run(['-kw'], `tcp_fusion_rcv_unread_min/W 0t32\n::persist -f ${file}\n`, { fs: failingAt(step) });
      expect(await nodefs.readFile(file)).toEqual(ORIGINAL);
      expect((await nodefs.readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
      expect(r.stderr).toMatch(/^mdb: .*EIO: i\/o error.*\n$/);
      expect(r.stdout).not.toContain('wrote');
    });
  }

  it('a write that fails half-way and a clean-up that fails too: the file is still intact', async () => {
    const dir = await scratch();
    const file = join(dir, 'system');
    await nodefs.writeFile(file, ORIGINAL);
    const r = await run(['-kw'], `tcp_fusion_rcv_unread_min/W 0t32\n::persist -f ${file}\n`, { fs: failingAt('writeFile', 'unlink') });
    expect(r.stderr).toBe(`mdb: cannot write ${file}: EIO: i/o error, writeFile; ${file} is unchanged\n`);
    expect(await nodefs.readFile(file)).toEqual(ORIGINAL);
    // The backup is put in place only with the new file ready beside it: none was.
    expect(await nodefs.readdir(dir)).not.toContain('system.bak');
  });

  it('a read-only directory: the write fails with mdb\'s error and the file is intact', async () => {
    const dir = await scratch();
    const file = join(dir, 'system');
    await nodefs.writeFile(file, ORIGINAL);
    await nodefs.chmod(dir, 0o555);
    // chmod does not stop root (this sandbox runs tests as root): probe for it. When a
    // file can still be created, emulate the read-only directory with a file system that
    // refuses to create or replace anything in it, as the kernel would with EACCES.
    const probe = join(dir, 'probe');
    const chmodBites = await nodefs.writeFile(probe, '').then(() => false, () => true);
    await nodefs.rm(probe, { force: true });
    const denied = async (): Promise<never> => {
      throw Object.assign(new Error(`EACCES: permission denied, open '${dir}'`), { code: 'EACCES' });
    };
    const fs: FileSystem = chmodBites ? realFs : { ...realFs, writeFile: denied, copyFile: denied, rename: denied };
    const r = await run(['-kw'], `tcp_fusion_rcv_unread_min/W 0t32\n::persist -f ${file}\n`, { fs });
    expect(r.stderr).toMatch(/^mdb: cannot keep a backup in .*system\.bak: EACCES: permission denied.*is unchanged\n$/);
    expect(await nodefs.readFile(file)).toEqual(ORIGINAL);
    expect(await nodefs.readdir(dir)).toEqual(['system']);
    await nodefs.access(dir, constants.R_OK);
  });

  it('a directory in the way: refused, nothing written', async () => {
    const dir = await scratch();
    const r = await pipe(['tcp_fusion_rcv_unread_min/W 0t32', `::persist -f ${dir}`], ['-kw']);
    expect(r.stderr).toBe(`mdb: ${dir} is not a regular file; nothing written\n`);
    expect(await nodefs.readdir(dir)).toEqual([]);
  });
});

describe('::etcsystem', () => {
  it('no boot file: one line saying so and how to set one', async () => {
    const r = await pipe(['::etcsystem'], ['-k']);
    expect(r.stdout).toBe('no boot file: the kernel boots from the s10 defaults; ::etcsystem FILE (or --etc-system FILE) sets one\n');
  });

  it('shows the boot file: path, entries with line numbers, boot messages', async () => {
    const r = await pipe(['::etcsystem'], ['-k', '--etc-system', 'fixtures/etc-system/or-and.system']);
    expect(r.stdout).toBe([
      'boot file: fixtures/etc-system/or-and.system (the running kernel booted from it)',
      '     2  set ip:tcp_fusion_rcv_unread_min = 0x20',
      '     3  set ip:tcp_fusion_rcv_unread_min | 0x3',
      '     4  set ip:tcp_fusion_rcv_unread_min & ~1',
      '     5  set ip:do_tcp_direct_sockfs & 0',
      '',
      'the kernel boots from it without a message',
      '',
    ].join('\n'));
  });

  it('lists the diagnostics of a file with problems, as the checker words them', async () => {
    const r = await pipe(['::etcsystem'], ['-k', '--etc-system', 'fixtures/etc-system/every-diagnostic.system']);
    expect(r.stdout).toContain("WARNING: invalid number '08' on line 3 of fixtures/etc-system/every-diagnostic.system\n");
    expect(r.stdout).toContain('    20  set32 ip:do_tcp_fusion = 0   (ignored: the kernel is 64-bit)\n');
  });

  it('FILE: the next boot reads it; nothing changes until ::reboot', async () => {
    const r = await pipe(['::etcsystem fixtures/etc-system/every-diagnostic.system', 'tcp_fusion_rcv_unread_min/D', '::etcsystem', '::reboot', 'tcp_fusion_rcv_unread_min/D'], ['-k']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('the next boot reads fixtures/etc-system/every-diagnostic.system (20 errors, 14 warnings: ::etcsystem shows them); ::reboot applies it');
    expect(`${lines[2] ?? ""}\n`).toBe(unreadMinIs(8));
    expect(lines[3]).toBe('boot file: fixtures/etc-system/every-diagnostic.system (read at the next ::reboot; the running kernel booted from the release defaults)');
    expect(r.stdout.endsWith(`tcp_fusion_rcv_unread_min:\n${unreadMinIs(16)}`)).toBe(true);
  });

  it('a file that cannot be opened: the kernel\'s words as an mdb error; the boot file stays', async () => {
    const r = await pipe(['::etcsystem /nonexistent', '::etcsystem /', '::etcsystem'], ['-k', '--etc-system', CUSTOMER]);
    expect(r.stderr).toBe('mdb: cannot open system file: /nonexistent\nmdb: cannot open system file: /\n');
    expect(r.stdout.split('\n')[0]).toBe(`boot file: ${CUSTOMER} (the running kernel booted from it)`);
  });
});

describe('::tunables', () => {
  const HEAD = 'name                      module size default boot live source';

  it('lists the fusion variables and what differs, with default, boot and live values', async () => {
    const r = await pipe(['tcp_fusion_rcv_unread_min/W 0t32', '::tunables'], ['-kw', '--etc-system', CUSTOMER]);
    expect(r.stdout.split('\n').slice(1)).toEqual([
      HEAD,
      '-'.repeat(HEAD.length + 1), // the widest line: a row ending in 'default'
      'do_tcp_fusion             ip        4       1    1    1 default',
      'do_tcp_direct_sockfs      ip        4       1    1    1 default',
      'tcp_fusion_rcv_unread_min ip        4       8    0   32 mdb',
      '3 of 260 shown (the fusion variables and what differs from the default); ::tunables -a lists all',
      '1 live value from mdb or ndd will not survive ::reboot; ::persist prints the /etc/system lines that keep the mdb ones',
      '',
    ]);
  });

  it('the boot column keeps the running kernel\'s file after ::etcsystem names another', async () => {
    const r = await pipe(['::etcsystem fixtures/etc-system/or-and.system', '::tunables'], ['-k', '--etc-system', CUSTOMER]);
    expect(r.stdout).toContain('tcp_fusion_rcv_unread_min ip        4       8    0    0 /etc/system\n');
  });

  it('-a lists every variable and ndd parameter; a changed ndd parameter shows without -a', async () => {
    const { s, text } = session();
    await s.runLine('::tunables -a', 1);
    const all = text().out.split('\n').filter((l) => /^\w+ +\S+ +(\d|-)/.test(l));
    expect(all).toHaveLength(s.kernel.symbols.length + s.kernel.nddParams().length);
    s.kernel.setNdd('/dev/tcp', 'tcp_xmit_hiwat', 65536);
    await s.runLine('::tunables', 2);
    expect(text().out).toMatch(/\ntcp_xmit_hiwat +\/dev\/tcp +- +49152 +49152 +65536 ndd\n/);
  });

  it('no colour on a pipe, and wrong calls print the usage', async () => {
    const r = await pipe(['::tunables', '::tunables -x', '1::tunables'], ['-k']);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stderr).toBe("Usage: tunables [-a]\nmdb: try '::help tunables' for more information\n".repeat(2));
  });
});

describe('the dcmd table', () => {
  it('::dcmds lists the four, ::help describes each with an example', async () => {
    const r = await pipe(['::dcmds', '::help tunables', '::help system', '::help reboot', '::help persist'], ['-k']);
    for (const name of ['tunables', 'system', 'reboot', 'persist']) expect(r.stdout).toMatch(new RegExp(`^${name} +- `, 'm'));
    expect(r.stdout.match(/^EXAMPLE$/gm)).toHaveLength(4);
    expect(r.stderr).toBe('');
  });
});
