import { describe, expect, it } from 'vitest';
import { recipeFor } from '../../src/kernel/derive';
import { Kernel } from '../../src/kernel/kernel';
import { RELEASES } from '../../src/kernel/releases';
import { C_TYPES, isKernelProper, type ArchId, type ReleaseCatalogue } from '../../src/kernel/types';

const releases = Object.values(RELEASES) as ReleaseCatalogue[];
const arches: ArchId[] = ['sun4v', 'i86pc'];

describe.each(releases)('the $id catalogue', (release) => {
  const current = release.variables.filter((v) => v.status !== 'removed');

  it.each(release.variables.map((v) => [`${v.module}:${v.name}`, v] as const))('%s is well formed', (_label, v) => {
    expect(Object.keys(C_TYPES)).toContain(v.type);
    expect(v.source.trim()).not.toBe('');
    expect(v.description.trim()).not.toBe('');
    expect(v.description.length).toBeLessThanOrEqual(100);
    if (v.status !== 'current') expect(v.replacedBy?.trim()).toBeTruthy();
    const { size, signed } = C_TYPES[v.type];
    const bits = BigInt(size * 8);
    const lo = signed ? -(1n << (bits - 1n)) : 0n;
    const hi = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
    const def = BigInt(v.default);
    expect(def >= lo && def <= hi, `default fits a ${size}-byte ${v.type}`).toBe(true);
    if (v.range) {
      const [min, max] = v.range.map(BigInt) as [bigint, bigint];
      expect(min <= max).toBe(true);
      expect(def >= min && def <= max, `default ${def} inside [${min}, ${max}]`).toBe(true);
    }
    // bigint only where a number could not hold the value exactly
    if (typeof v.default === 'bigint') expect(v.default > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    else expect(Number.isSafeInteger(v.default)).toBe(true);
  });

  it('names each (module, variable) once; a name in several modules is one fact (apic_common.c in pcplusmp and apix)', () => {
    const keys = release.variables.map((v) => `${v.module}:${v.name}`);
    expect(keys.length).toBe(new Set(keys).size);
    for (const v of current) {
      for (const twin of current.filter((x) => x.name === v.name && x.module !== v.module)) {
        expect({ type: twin.type, default: twin.default, arch: twin.arch }, `${twin.module}:${twin.name}`)
          .toEqual({ type: v.type, default: v.default, arch: v.arch });
      }
    }
  });

  it('has every module of its rows on the arches the rows apply to, or the row is the kernel proper', () => {
    const missing: string[] = [];
    for (const v of current) {
      for (const arch of v.arch ? [v.arch] : arches) {
        if (!isKernelProper(v.module) && !release.modules[arch].has(v.module)) missing.push(`${v.module}:${v.name} on ${arch}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('says when and why each removed variable went, and names its source', () => {
    for (const v of release.variables.filter((x) => x.status === 'removed')) {
      expect(v.since?.trim(), `${v.name}: since`).toBeTruthy();
      expect(v.replacedBy?.trim(), `${v.name}: replacedBy`).toBeTruthy();
    }
  });

  it('names each ndd parameter once per device, with its default inside [min, max]', () => {
    const keys = release.ndd.map((p) => `${p.device} ${p.name}`);
    expect(keys.length).toBe(new Set(keys).size);
    for (const p of release.ndd) {
      expect(p.min <= p.default && p.default <= p.max, `${p.name}: ${p.default} in [${p.min}, ${p.max}]`).toBe(true);
      expect(p.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('has no ndd parameter that is also a current variable', () => {
    const names = new Set(current.map((v) => v.name));
    expect(release.ndd.filter((p) => names.has(p.name)).map((p) => p.name)).toEqual([]);
  });

  it('has at least 50 ndd parameters, says how to keep them, and lists modules', () => {
    expect(release.ndd.length).toBeGreaterThanOrEqual(50);
    expect(release.nddPersistence.trim()).not.toBe('');
    expect(release.modules.i86pc.size).toBeGreaterThan(100);
    expect(release.modules.sun4v.size).toBeGreaterThan(100);
  });

  it.each(arches)('reads every variable back at its default on %s (and only its own arch\'s)', (arch) => {
    const k = new Kernel(release.id, arch);
    // Values the boot works out from the machine are checked against their formulas in test/kernel/derive.
    const atBoot = new Set(['physmem', ...Object.keys(recipeFor(release.id).initial)]);
    for (const v of current) {
      if (atBoot.has(v.name)) continue;
      const sym = k.lookupIn(v.module, v.name);
      if (v.arch && v.arch !== arch) {
        expect(sym, `${v.name} is ${v.arch} only`).toBeUndefined();
        continue;
      }
      expect(sym, v.name).toBeDefined();
      if (!sym) continue;
      const { size } = C_TYPES[v.type];
      expect(sym.size).toBe(size);
      expect(k.value(sym), v.name).toBe(BigInt.asUintN(size * 8, BigInt(v.default)));
    }
  });
});

describe('provenance', () => {
  // A release's own sources; anything else is borrowed and must say so.
  const OWN = {
    s10: /Solaris Tunable Parameters Reference Manual|Solaris 10/,
    opensolaris: /snv_|OpenSolaris|CR 6826274/,
    illumos: /illumos-gate/,
    solaris11: /Oracle Solaris 11/,
  } as const;
  it.each(Object.keys(OWN) as (keyof typeof OWN)[])('every %s row cites its own source or says what is uncertain', (id) => {
    const fusion = new Set(['do_tcp_fusion', 'do_tcp_direct_sockfs', 'tcp_fusion_rcv_unread_min']);
    const bare = RELEASES[id].variables.filter((v) => !fusion.has(v.name) && !OWN[id].test(v.source) && !v.uncertain?.trim());
    expect(bare.map((v) => `${v.module}:${v.name} (${v.source})`)).toEqual([]);
  });
});

describe('the s10 catalogue', () => {
  it('covers at least 100 variables', () => {
    expect(RELEASES.s10.variables.length).toBeGreaterThanOrEqual(100);
  });

  it('keeps the fusion tunables first, at their old addresses', () => {
    const k = new Kernel('s10', 'sun4v');
    expect(RELEASES.s10.variables.slice(0, 3).map((v) => v.name))
      .toEqual(['do_tcp_fusion', 'do_tcp_direct_sockfs', 'tcp_fusion_rcv_unread_min']);
    expect(k.lookup('do_tcp_fusion')?.addr).toBe(0xfffffffffbc2f0a0n);
    expect(k.lookup('tcp_fusion_rcv_unread_min')?.addr).toBe(0xfffffffffbc2f0a8n);
  });

  it('marks the System V IPC variables obsolete, pointing at the resource control', () => {
    const shmmax = RELEASES.s10.variables.find((v) => v.name === 'shminfo_shmmax');
    expect(shmmax).toMatchObject({ module: 'shmsys', status: 'obsolete', replacedBy: 'project.max-shm-memory' });
  });
});

describe('release differences', () => {
  const find = (id: keyof typeof RELEASES, name: string) => RELEASES[id].variables.find((v) => v.name === name);

  it('drops zil_disable and zfs_vdev_max_pending on illumos, with what replaces them', () => {
    expect(find('illumos', 'zil_disable')).toMatchObject({ status: 'removed', replacedBy: expect.stringContaining('sync=disabled') });
    expect(find('illumos', 'zfs_vdev_max_pending')?.status).toBe('removed');
    expect(find('illumos', 'zfs_vdev_max_active')?.status).toBe('current');
    expect(find('s10', 'zfs_vdev_max_active')).toBeUndefined();
  });

  it('gives the illumos tcp defaults of fusion.md', () => {
    const k = new Kernel('illumos');
    expect(k.ndd('/dev/tcp', 'tcp_xmit_hiwat')?.value).toBe(128000);
    expect(k.ndd('/dev/tcp', 'tcp_recv_hiwat')?.value).toBe(1048576);
    expect(k.ndd('/dev/tcp', 'tcp_rev_src_routes')?.value).toBe(0);
  });
});
