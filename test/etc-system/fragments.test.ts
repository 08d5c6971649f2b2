import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/io';

// /etc/system.d fragments (--system-d, --root), genunix's ::system, and the size notes.

const ROOT = 'fixtures/boot-root/db01';
const SYSTEM = `${ROOT}/etc/system`;
const FRAGMENT = `${ROOT}/etc/system.d/system:zfs-tuning`;

describe('::system prints the sysparam list as genunix does, fragments first', () => {
  it('--root: the fragments by name (dot files skipped), then /etc/system, in mdb\'s format', async () => {
    const r = await run(['-k', '--root', ROOT], '::system\n');
    expect(r.stdout).toBe([
      'set ip:tcp_fusion_rcv_unread_min=0x0 [0t0]',
      'set zfs:zfs_arc_max=0x80000000 [0t2147483648]',
      'set zfs:zfs_arc_min=0x10000000 [0t268435456]',
      'set maxusers=0x200 [0t512]',
      'set zfs:zfs_arc_max=0x40000000 [0t1073741824]',
      'set moddebug|0x80000000 [0t2147483648]',
      'forceload: drv/sd',
      'exclude: sys/shmsys',
      'set lotsfree=0x1000000 [0t16777216]',
      'set noexec_user_stack=0x1 [0t1]',
      '',
    ].join('\n'));
  });

  it('--etc-system with --system-d reads the same files', async () => {
    const a = await run(['-k', '--root', ROOT], '::system\n');
    const b = await run(['-k', '--etc-system', SYSTEM, '--system-d', `${ROOT}/etc/system.d`], '::system\n');
    expect(b.stdout).toBe(a.stdout);
  });

  it('without a boot file there is nothing to print', async () => {
    expect((await run(['-k'], '::system\n')).stdout).toBe('');
  });

  it('a string value prints in quotes; set32 lines never reach the list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-sysfile-'));
    const file = join(dir, 'system');
    writeFileSync(file, 'set32 maxusers=4\nset64 maxusers=0x40\nrootfs:zfs\nmoddir: /kernel /usr/kernel\nset ip:tcp_fusion_rcv_unread_min=-1\n');
    const r = await run(['-k', '--etc-system', file], '::system\n');
    expect(r.stdout).toBe([
      'set maxusers=0x40 [0t64]',
      'rootfs: zfs',
      'moddir: /kernel /usr/kernel',
      'set ip:tcp_fusion_rcv_unread_min=0xffffffffffffffff [0t18446744073709551615]',
      '',
    ].join('\n'));
  });
});

describe('a fragment and /etc/system set the same variable', () => {
  it('the duplicate warning names both places, and /etc/system wins', async () => {
    const r = await run(['-k', '--root', ROOT], 'zfs_arc_max/J\n');
    expect(r.stdout).toBe('zfs_arc_max:\nzfs_arc_max:    40000000        \n');
    expect(r.stderr).toContain(
      `WARNING: zfs:zfs_arc_max is set more than once in ${SYSTEM}. "set zfs:zfs_arc_max = 0x40000000" applied as the current setting.\n` +
      `  at line 8 of ${SYSTEM}\n  hint: line 8 overrides the setting on line 2 of ${FRAGMENT}\n`,
    );
  });

  it('--check takes the fragments: the same warning, in file order, fragments first', async () => {
    const r = await run(['--check', '--root', ROOT]);
    // 0t32 in the fragment: the kernel reads 0 and ignores 't32', an error in the checker.
    expect(r.code).toBe(1);
    const firsts = r.stdout.split('\n').filter((l) => l !== '' && !l.startsWith(' '));
    expect(firsts).toEqual([
      `WARNING: extraneous input ignored starting at 't32' on line 2 of ${ROOT}/etc/system.d/network:fusion [error: mdb-radix]`,
      `WARNING: zfs:zfs_arc_max is set more than once in ${SYSTEM}. "set zfs:zfs_arc_max = 0x40000000" applied as the current setting. [warning: duplicate]`,
      `fusion-mdb: warning: the kernel ignores lotsfree = 16777216 at boot and uses 16056 (not below total_pages 1027594) on line 12 of ${SYSTEM} [ignored-at-boot]`,
      '1 error, 2 warnings, 0 notes in 3 files',
    ]);
  });

  it('a dot file is never read', async () => {
    const r = await run(['-k', '--root', ROOT], 'maxusers/D\n');
    expect(r.stdout).toBe('maxusers:\nmaxusers:       512             \n');
  });
});

describe('where the files come from: the mistakes', () => {
  it('--root without etc/system: the kernel\'s words, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-root-'));
    mkdirSync(join(dir, 'etc'));
    const r = await run(['-k', '--root', dir], 'maxusers/D\n');
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `WARNING: cannot open system file: ${dir}/etc/system\n`]);
  });

  it('--root with no etc/system.d boots /etc/system alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-root-'));
    mkdirSync(join(dir, 'etc'));
    writeFileSync(join(dir, 'etc', 'system'), 'set maxusers=100\n');
    const r = await run(['-k', '--root', dir], 'max_nprocs/D\n');
    expect(r.stdout).toBe('max_nprocs:\nmax_nprocs:     1610            \n');
  });

  it.each([
    [['--root', ROOT, '--etc-system', SYSTEM], '--root and --etc-system both name the /etc/system to boot: give one'],
    [['--root', ROOT, '--system-d', ROOT], '--root and --system-d both name the fragment directory: give one'],
    [['--system-d', `${ROOT}/etc/system.d`], '--system-d needs the /etc/system read after the fragments: --etc-system FILE (or --root DIR)'],
    [['--system-d', SYSTEM, '--etc-system', SYSTEM], `--system-d: ${SYSTEM} is not a directory`],
  ])('%j: a usage error, exit 2', async (args, message) => {
    const r = await run(['-k', ...args], 'maxusers/D\n');
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `fusion-mdb: ${message}\n`]);
  });

  it('--memory and --ncpus are checked', async () => {
    for (const [args, message] of [
      [['--memory', 'lots'], "--memory: expected a size such as 8g, 512m or 1t, not 'lots'"],
      [['--memory', '16k'], '--memory: 16k is outside what the model boots (64m to 64t)'],
      [['--ncpus', '0'], "--ncpus: expected a number of CPUs from 1 to 4096, not '0'"],
    ] as const) {
      const r = await run(['-k', ...args], '');
      expect([r.code, r.stderr]).toEqual([2, `fusion-mdb: ${message}\nfusion-mdb: try 'fusion-mdb --help' for usage\n`]);
    }
  });

  it('--help states the machine defaults; ::status names the machine', async () => {
    const help = await run(['--help']);
    const flat = help.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('--memory <size> installed memory of the model machine, e.g. 512m, 8g, 1t (default: 8g)');
    expect(flat).toContain('--ncpus <n> CPUs of the model machine (default: 8)');
    const r = await run(['-k', '--memory', '512m', '--ncpus', '2', '--arch', 'i86pc'], '::status\n');
    expect(r.stdout).toContain('model machine: 512m of memory, 2 CPUs (--memory, --ncpus): 131072 pages of 4096 bytes installed\n');
  });
});

describe('the size notes: what mdb prints, then a note mdb does not give', () => {
  it('physmem/D on sun4v: mdb\'s 0 (the high half of a pgcnt_t), then the note; -q removes it', async () => {
    const r = await run(['-k'], 'physmem/D\n');
    expect(r.stdout).toBe('physmem:\nphysmem:        0               \n');
    expect(r.stderr).toBe('note: physmem is 8 bytes (pgcnt_t); /D read only its first 4 bytes, the high-order ones on sun4v: use /E\n');
    const q = await run(['-k', '-q'], 'physmem/D\n');
    expect([q.stdout, q.stderr]).toEqual([r.stdout, '']);
  });

  it('a write wider than the symbol overwrites its neighbour; a value wider than the write is cut', async () => {
    const r = await run(['-kw'], 'do_tcp_fusion/Z 0\nmaxusers/W 0x123456789\n');
    expect(r.stderr).toBe([
      'note: do_tcp_fusion is 4 bytes (boolean_t); /Z wrote 8 bytes, into do_tcp_direct_sockfs: use /W',
      'note: 0x123456789 does not fit in 4 bytes: /W stored 0x23456789',
      '',
    ].join('\n'));
  });

  it('a read of the symbol\'s own size says nothing', async () => {
    expect((await run(['-k'], 'physmem/E\nmaxusers/D\n')).stderr).toBe('');
  });
});

describe('::memstat and ::arc over a kernel changed with mdb', () => {
  it('physmem written to 0: ::memstat still answers (0%), no internal error', async () => {
    const r = await run(['-kw', '-q'], 'physmem/Z 0\n::memstat\n');
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((l) => l.endsWith('%')).every((l) => l.endsWith('  0%'))).toBe(true);
  });

  it('bad ::arc options give the usage', async () => {
    const r = await run(['-k'], '::arc -x\n::arc extra\n');
    expect(r.stderr).toBe("Usage: arc [-bkmg]\nmdb: try '::help arc' for more information\n".repeat(2));
  });
});

describe('::tunables says whether arc_init took zfs_arc_max', () => {
  // allmem = (physmem 1048064 - swapfs_minfree 131008) * 8192 = 7512522752; c_max = allmem - 1 GB
  it('16 MB on an 8 GB illumos machine: not taken, and the c_max the ARC got', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-arc-'));
    const file = join(dir, 'system');
    writeFileSync(file, 'set zfs:zfs_arc_max=0x1000000\n');
    const r = await run(['-k', '-q', '--release', 'illumos', '--etc-system', file], '::tunables\n::arc -b\n');
    expect(r.stdout).toContain('\n  zfs_arc_max 16777216 not taken by arc_init: c_max 6438780928 (::arc)\n');
    expect(r.stdout).toContain('\nc_max                     = 6438780928 B\n');
  });
});

describe('the fragments stay with the boot', () => {
  it('::etcsystem FILE and ::persist -f keep the /etc/system.d fragments for the next ::reboot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-keep-'));
    const file = join(dir, 'system');
    writeFileSync(file, 'set maxusers=256\n');
    const r = await run(['-kw', '-q', '--root', ROOT], [
      `::etcsystem ${file}`, '::reboot', 'zfs_arc_min/J', 'maxusers/D',
      'tcp_fusion_rcv_unread_min/W 0t40', `::persist -f ${file}`, '::reboot', 'zfs_arc_min/J', 'tcp_fusion_rcv_unread_min/D',
    ].join('\n') + '\n');
    // zfs_arc_min comes only from the fragment system:zfs-tuning.
    expect(r.stdout.match(/zfs_arc_min: +10000000 /g)).toHaveLength(2);
    expect(r.stdout).toContain('maxusers:       256 ');
    expect(r.stdout).toContain('tcp_fusion_rcv_unread_min:      40 ');
  });
});
