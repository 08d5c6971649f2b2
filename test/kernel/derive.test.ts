import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootKernel, parseSystemFile } from '../../src/etc-system';
import { Kernel } from '../../src/kernel/kernel';
import { run } from '../helpers/io';

// The boot-time values of the model kernel, read through mdb (/D, /E, /J and
// ::arc -b), against the formulas of the kernel source, written out here
// again: conf/param.c (param_calc), fs/dnlc.c (dnlc_init), fs/ufs/ufs_inode.c
// (ufs_iinit), quota.c (ndquot), fs/zfs/arc.c (arc_init, legacy and today's),
// os/vm_pageout.c (setupclock, legacy and today's). The machine's physmem and
// total_pages follow docs/machine.md.

type Release = 's10' | 'opensolaris' | 'illumos' | 'solaris11';
type Arch = 'sun4v' | 'i86pc';

interface Profile {
  release: Release;
  arch: Arch;
  memory: string;
  /** CPUs (--ncpus; default 8): Oracle Solaris 11 sizes maxusers and max_nprocs from them. */
  ncpus?: number;
  /** /etc/system set lines, name -> value (a `zfs:` prefix where the variable needs one). */
  set: Record<string, bigint>;
}

const UNIT: Record<string, bigint> = { m: 1n << 20n, g: 1n << 30n, t: 1n << 40n };
const bytesOf = (m: string): bigint => BigInt(m.slice(0, -1)) * (UNIT[m.slice(-1)] as bigint);
const MB = 1n << 20n;
const GB = 1n << 30n;
const mx = (a: bigint, b: bigint): bigint => (a > b ? a : b);
const mn = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** What the kernel works out for a profile, from the formulas alone. */
function expected(p: Profile): Record<string, bigint> {
  const user = (name: string): bigint => p.set[name] ?? p.set[`zfs:${name}`] ?? 0n;
  const pg = p.arch === 'sun4v' ? 8192n : 4096n;
  // startup_memlist: sun4 keeps back btop(4 MB), i86pc one page; the model's page_t is 160 / 120 bytes.
  let physmem = bytesOf(p.memory) / pg - (p.arch === 'sun4v' ? (4n * MB) / pg : 1n);
  if (p.arch === 'sun4v' && user('physmem') !== 0n && user('physmem') < physmem) physmem = user('physmem');
  const pageT = p.arch === 'sun4v' ? 160n : 120n;
  const T = physmem - (physmem * pageT + pg - 1n) / pg;

  // param_calc; Oracle Solaris 11.1+ (its manuals): the CPUs count too
  const oracle = p.release === 'solaris11';
  const cpus = BigInt(p.ncpus ?? 8);
  const mb = (physmem * pg) >> 20n;
  let maxusers = user('maxusers') || (oracle ? mx(mn(mb, 2048n), 8n * cpus) : mn(mx(mb, 8n), 2048n));
  const maxusersLimit = oracle ? mx(4096n, 8n * cpus) : 4096n;
  if (maxusers > maxusersLimit) maxusers = maxusersLimit;
  const reserved = 5n;
  const pidmax = user('pidmax') || 30000n;
  const maxpid = pidmax < reserved || pidmax > 999999n ? 999999n : pidmax;
  const nprocsDefault = oracle && user('maxusers') === 0n ? mx(30000n, 10n + 128n * cpus) : 10n + 16n * maxusers;
  const maxNprocs = mn(user('max_nprocs') || nprocsDefault, maxpid);
  const maxuprc = user('maxuprc') || maxNprocs - reserved;
  // dnlc_init: the low-water mark plus 1%; 0 or less turns the cache off
  const low = 4n * (maxNprocs + maxusers) + 320n;
  const ncsizeSet = p.set.ncsize;
  const ncsize = ncsizeSet === undefined ? low + low / 100n : ncsizeSet <= 0n ? 0n : ncsizeSet;
  // ufs_iinit: ufs_inode_max is a quarter of kernel memory in 368-byte inodes (the model's kmem_maxavail)
  const inodeMax = (T * pg) / 4n / 368n;
  let ufsNinode = user('ufs_ninode') || ncsize;
  if (ufsNinode > inodeMax || (ufsNinode === 0n && ncsize === 0n)) ufsNinode = inodeMax;
  const ndquot = (maxusers * 40n) / 4n + maxNprocs;

  // setupclock: a user value counts only when nonzero and below its ceiling
  const legacy = p.release !== 'illumos';  // Oracle's 11.4 manual gives the legacy thresholds
  const tune = (v: bigint, ceiling: bigint, dflt: bigint): bigint => (v !== 0n && v < ceiling ? v : dflt);
  const lotsDefault = legacy ? mx(T / 64n, (512n * 1024n) / pg) : mn(mx(T / 64n, (16n * MB) / pg), (2n * GB) / pg);
  const lotsfree = tune(user('lotsfree'), T, lotsDefault);
  const desfree = tune(user('desfree'), lotsfree, lotsfree / 2n);
  const minfree = tune(user('minfree'), desfree, legacy ? desfree / 2n : (3n * desfree) / 4n);
  const throttlefree = tune(user('throttlefree'), desfree, minfree);
  const pageoutReserve = tune(user('pageout_reserve'), throttlefree, legacy ? throttlefree / 2n : (3n * throttlefree) / 4n);
  const fastscan = mn(user('fastscan') || (64n * MB) / pg, T / 2n);
  const slowscan = mn(user('slowscan') || mn(fastscan / 10n, 100n), fastscan / 2n);
  const handspread = mn(user('handspreadpages') || fastscan, T - 1n);

  // arc_init
  const arcMax = user('zfs_arc_max');
  const arcMin = user('zfs_arc_min');
  let cMin: bigint;
  let cMax: bigint;
  if (oracle) {
    const mem = physmem * pg;
    cMax = mem < 4n * GB ? (mem * 3n) / 4n : mem - GB;
    if (arcMax !== 0n) cMax = mn(mx(arcMax, 64n * MB), mem);
    cMin = arcMin !== 0n ? mn(mx(arcMin, 64n * MB), cMax) : mn(cMax, 64n * MB);
  } else if (legacy) {
    const mem = physmem * pg;
    const c = mem / 8n;
    cMin = mx(c / 4n, 64n * MB);
    cMax = mx(c * 6n, c * 8n >= GB ? c * 8n - GB : cMin);
    if (arcMax > 64n * MB && arcMax < mem) cMax = arcMax;
    if (arcMin > 64n * MB && arcMin <= cMax) cMin = arcMin;
    if (cMin < cMax / 8n && arcMin === 0n) cMin = cMax / 8n;
  } else {
    const swapfsMinfree = mx((2n * MB + pg - 1n) / pg, physmem / 8n);
    const allmem = (physmem - swapfsMinfree) * pg;
    cMin = mn(mx(allmem / 64n, 64n * MB), GB);
    cMax = mx((allmem * 3n) / 4n, allmem >= GB ? allmem - GB : cMin);
    if (arcMax > 64n * MB && arcMax < allmem) {
      cMax = arcMax;
      cMin = mn(cMin, cMax);
    }
    if (arcMin > 64n * MB && arcMin <= cMax) cMin = arcMin;
  }
  const kmemDebug = (user('kmem_flags') & 0x56fn) !== 0n;
  const c = mx(kmemDebug ? cMax / 2n : cMax, cMin);

  return {
    physmem, total_pages: T, maxusers, max_nprocs: maxNprocs, maxuprc, maxpid, reserved_procs: reserved, ncsize,
    ufs_ninode: ufsNinode, ndquot, lotsfree, desfree, minfree, throttlefree, pageout_reserve: pageoutReserve,
    fastscan, slowscan, handspreadpages: handspread,
    ...(legacy ? {} : { zfs_dirty_data_max: mn((physmem * pg) / 10n, 4n * GB) }),
    'arc:c': c, 'arc:p': cMax / 2n, 'arc:c_min': cMin, 'arc:c_max': cMax, 'arc:arc_meta_limit': cMax / 4n, 'arc:arc_meta_min': cMin / 2n,
  };
}

// How mdb reads each: /D for a 4-byte int, /E for an 8-byte count, /J (hex) for zfs_dirty_data_max.
const INT = ['maxusers', 'max_nprocs', 'maxuprc', 'maxpid', 'reserved_procs', 'ncsize', 'ufs_ninode', 'ndquot'];
const PAGES = ['physmem', 'total_pages', 'lotsfree', 'desfree', 'minfree', 'throttlefree', 'pageout_reserve', 'fastscan', 'slowscan', 'handspreadpages'];

async function observed(p: Profile): Promise<{ values: Record<string, bigint>; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-derive-'));
  const file = join(dir, 'system');
  writeFileSync(file, Object.entries(p.set).map(([n, v]) => `set ${n}=0x${BigInt.asUintN(64, v).toString(16)}\n`).join(''));
  const reads = [...INT.map((n) => `${n}/D`), ...PAGES.map((n) => `${n}/E`), ...(p.release === 'illumos' ? ['zfs_dirty_data_max/J'] : []), '::arc -b'];
  const r = await run(['-k', '--release', p.release, '--arch', p.arch, '--memory', p.memory, '--ncpus', String(p.ncpus ?? 8), '--etc-system', file], reads.join('\n') + '\n');
  const values: Record<string, bigint> = {};
  const lines = r.stdout.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\w+):\s*(\S+)\s*$/.exec(lines[i] as string);
    if (m && lines[i - 1] === `${m[1]}:`) values[m[1] as string] = m[1] === 'zfs_dirty_data_max' ? BigInt(`0x${m[2]}`) : BigInt(m[2] as string);
    const a = /^(\w+)\s+=\s+(\d+) B$/.exec(lines[i] as string);
    if (a) values[`arc:${a[1]}`] = BigInt(a[2] as string);
  }
  return { values, stderr: r.stderr };
}

const PROFILES: Profile[] = [
  { release: 's10', arch: 'sun4v', memory: '8g', set: {} },
  { release: 's10', arch: 'sun4v', memory: '8g', set: { maxusers: 512n } },
  { release: 's10', arch: 'sun4v', memory: '512m', set: {} },
  { release: 's10', arch: 'i86pc', memory: '1t', set: { maxusers: 5000n } },
  { release: 's10', arch: 'i86pc', memory: '2g', set: { pidmax: 5000n, max_nprocs: 100000n } },
  { release: 's10', arch: 'sun4v', memory: '64g', set: { pidmax: 2n, maxusers: 4096n, 'zfs:zfs_arc_max': GB } },
  { release: 's10', arch: 'sun4v', memory: '16g', set: { lotsfree: 1n << 40n, desfree: 100n, 'zfs:zfs_arc_min': 32n * MB, kmem_flags: 0xfn } },
  { release: 's10', arch: 'sun4v', memory: '32g', set: { physmem: 1000000n, ncsize: 50000n } },
  { release: 'opensolaris', arch: 'i86pc', memory: '4g', set: { 'zfs:zfs_arc_max': 8n * GB, maxuprc: 1000000n } },
  { release: 'illumos', arch: 'sun4v', memory: '8g', set: {} },
  { release: 'illumos', arch: 'sun4v', memory: '8g', set: { 'zfs:zfs_arc_max': 2n * GB, 'zfs:zfs_arc_min': 256n * MB } },
  { release: 'illumos', arch: 'i86pc', memory: '512m', set: { 'zfs:zfs_arc_max': 32n * MB, 'zfs:zfs_arc_min': GB } },
  { release: 'illumos', arch: 'i86pc', memory: '16g', set: { lotsfree: 1n << 40n, ncsize: 0n, max_nprocs: 2000n } },
  { release: 'illumos', arch: 'sun4v', memory: '1t', set: { lotsfree: 100000n, minfree: 99999999n, fastscan: 1n << 30n } },
  { release: 'illumos', arch: 'i86pc', memory: '128g', set: { pidmax: 999999n, maxusers: 2048n, ufs_ninode: 1n << 30n } },
  { release: 'solaris11', arch: 'sun4v', memory: '8g', ncpus: 512, set: { pidmax: 999999n } },
  { release: 'solaris11', arch: 'i86pc', memory: '2g', ncpus: 4, set: { 'zfs:zfs_arc_max': 16n * GB, 'zfs:zfs_arc_min': MB } },
  { release: 'solaris11', arch: 'sun4v', memory: '64g', ncpus: 1024, set: { maxusers: 10000n, pidmax: 999999n, 'zfs:zfs_arc_min': 2n * GB } },
];

describe('boot-time values read through mdb equal the kernel formulas', () => {
  for (const p of PROFILES) {
    const sets = Object.entries(p.set).map(([n, v]) => `${n}=${v}`).join(' ') || 'no /etc/system settings';
    it(`${p.release} ${p.arch} ${p.memory}: ${sets}`, async () => {
      const want = expected(p);
      const { values } = await observed(p);
      expect(Object.fromEntries(Object.keys(want).map((k) => [k, values[k]]))).toEqual(want);
    });
  }
});

describe('the worked example: 8 GiB sun4v, Solaris 10', () => {
  it('set maxusers=512: max_nprocs 8202, maxuprc 8197, ncsize 35527', async () => {
    const { values } = await observed({ release: 's10', arch: 'sun4v', memory: '8g', set: { maxusers: 512n } });
    expect([values.max_nprocs, values.maxuprc, values.ncsize, values.ufs_ninode, values.ndquot]).toEqual([8202n, 8197n, 35527n, 35527n, 13322n]);
  });

  it('no /etc/system: ncsize 129797 (the DNLC low-water mark 128512 plus 1%)', async () => {
    const r = await run(['-k'], 'ncsize/D\nmaxusers/D\nmax_nprocs/D\nmaxuprc/D\n');
    expect(r.stdout).toBe([
      'ncsize:', 'ncsize:         129797          ',
      'maxusers:', 'maxusers:       2048            ',
      'max_nprocs:', 'max_nprocs:     30000           ',
      'maxuprc:', 'maxuprc:        29995           ', '',
    ].join('\n'));
  });
});

// --check of many files reboots one kernel file after file, and the kernel keeps
// what its derivations read and did, to skip them when they would read the same.
// Booted one after another (and back), the same kernel must still give the formulas.
describe('one kernel rebooted through the profiles of its machine', () => {
  const machines = new Map<string, Profile[]>();
  for (const p of PROFILES) {
    const key = `${p.release} ${p.arch} ${p.memory} ${p.ncpus ?? 8}`;
    machines.set(key, [...(machines.get(key) ?? []), p]);
  }
  for (const [key, ps] of machines) {
    const withNone: Profile[] = [...ps, { ...(ps[0] as Profile), set: {} }];
    it(`${key}: ${withNone.length} files, there and back`, () => {
      const first = ps[0] as Profile;
      const kernel = new Kernel(first.release, first.arch, { arch: first.arch, memory: bytesOf(first.memory), ncpus: first.ncpus ?? 8 });
      for (const p of [...withNone, ...withNone.slice().reverse(), ...withNone]) {
        const text = Object.entries(p.set).map(([n, v]) => `set ${n}=0x${BigInt.asUintN(64, v).toString(16)}\n`).join('');
        bootKernel(kernel, parseSystemFile(text, '/etc/system'));
        const want = expected(p);
        const got = Object.fromEntries(Object.keys(want).map((k) => {
          if (k.startsWith('arc:')) return [k, kernel.arcstats.get(k.slice(4))];
          const sym = kernel.lookup(k);
          return [k, sym && BigInt.asIntN(sym.size * 8, kernel.value(sym))];
        }));
        expect(got, `after ${JSON.stringify(p.set, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`).toEqual(want);
      }
    });
  }
});
