import { describe, expect, it } from 'vitest';
import { checkSystemFile } from '../../src/etc-system';

// The kernel's own boot lines for values it puts back (param.c, startup.c,
// dnlc.c, ufs_inode.c), and fusion-mdb's notes for the ones it changes silently.

const said = (text: string, arch: 'sun4v' | 'i86pc' = 'sun4v', release: 's10' | 'illumos' | 'solaris11' = 's10') =>
  checkSystemFile(text, '/etc/system', release, arch)
    .filter((d) => ['boot-message', 'clamped-at-boot', 'ignored-at-boot'].includes(d.code))
    .map((d) => `${d.form} ${d.line}: ${d.message}`);

describe('the kernel\'s words at boot', () => {
  it.each([
    ['set maxusers=5000', 'sun4v', ['notice 1: maxusers limited to 4096']],
    ['set physmem=0x200000', 'sun4v', ['notice 1: physmem limited to 1048064']],
    ['set physmem=0x80000', 'sun4v', ['warn 1: limiting physmem to 524288 pages']],
    ['set physmem=0x80000', 'i86pc', ['warn 1: physmem cannot be modified to 0x80000 via /etc/system. Please use eeprom(1M) instead.']],
    ['set ncsize=0', 'sun4v', ['notice 1: name cache (dnlc) disabled', 'notice 1: setting ufs_ninode to max value of 5718784']],
    ['set ufs:ufs_HW=0x100\nset ufs:ufs_LW=0x200', 'sun4v', [
      'warn 1: ufs_HW (256) <= ufs_LW (512). Check /etc/system.',
      'warn 1: using defaults, ufs_HW = 16777216, ufs_LW = 8388608',
    ]],
    ['set autoup=-1\nset tune_t_fsflushr=0', 'sun4v', ['warn 1: autoup <= 0; defaulting to 30', 'warn 2: tune_t_fsflushr <= 0; defaulting to 1']],
  ] as const)('%s on %s', (text, arch, lines) => {
    expect(said(text, arch)).toEqual(lines);
  });
});

describe('what the kernel changes without a word', () => {
  it('zfs_arc_max outside (64 MB, memory) and zfs_arc_min below 64 MB are ignored', () => {
    expect(said('set zfs:zfs_arc_max=0x1000000\nset zfs:zfs_arc_min=0x1000', 'i86pc', 'illumos')).toEqual([
      // allmem = (physmem 2097151 - swapfs_minfree 262143) * 4096; c_max = allmem - 1 GB; c_min = allmem/64
      'ours 1: the kernel ignores zfs_arc_max = 16777216 at boot and uses 6442450944 (arc_init takes it only above 64 MB and below memory, 7516192768 bytes)',
      'ours 2: the kernel ignores zfs_arc_min = 4096 at boot and uses 117440512 (arc_init takes it only above 64 MB and at most c_max, 6442450944 bytes)',
    ]);
  });

  it('Oracle Solaris 11 clamps them instead', () => {
    expect(said('set zfs:zfs_arc_max=0x1000000', 'sun4v', 'solaris11')).toEqual([
      'ours 1: the kernel limits zfs_arc_max = 16777216 to 67108864 at boot (arc_init keeps it within 64 MB..8585740288 bytes of memory)',
    ]);
  });

  it('lotsfree at or above the managed pages, a pidmax out of range, a max_nprocs above maxpid', () => {
    expect(said('set lotsfree=0x1000000\nset pidmax=3\nset max_nprocs=1000000')).toEqual([
      'ours 1: the kernel ignores lotsfree = 16777216 at boot and uses 16056 (not below total_pages 1027594)',
      'ours 2: the kernel ignores pidmax = 3 at boot and uses 999999 (maxpid: pidmax counts only from reserved_procs 5 to 999999)',
      'ours 3: the kernel limits max_nprocs = 1000000 to 999999 at boot (maxpid)',
    ]);
  });

  it('a value the kernel takes says nothing', () => {
    expect(said('set maxusers=4096\nset zfs:zfs_arc_max=0x40000000\nset lotsfree=20000\nset pidmax=100000')).toEqual([]);
  });
});

describe('the documented ranges still apply to what the boot sizes', () => {
  const codes = (text: string) => checkSystemFile(text, '/etc/system').map((d) => `${d.line} ${d.code}`);

  it('a negative maxusers is out of range; 0 asks the kernel to work it out; above 4096 the kernel says so itself', () => {
    expect(codes('set maxusers=-5\nset max_nprocs=0\nset ncsize=-1')).toEqual(['1 out-of-range']);
    expect(codes('set maxusers=5000')).toEqual(['1 boot-message']);
  });

  it('a paging threshold is judged against this machine, not the catalogue\'s 8 GB', () => {
    const big = { arch: 'sun4v' as const, memory: 1n << 40n, ncpus: 8 };
    expect(checkSystemFile('set lotsfree=0x200000\n', '/etc/system', 's10', 'sun4v', big)).toEqual([]);
    expect(codes('set lotsfree=0x200000')).toEqual(['1 ignored-at-boot']);
  });
});
