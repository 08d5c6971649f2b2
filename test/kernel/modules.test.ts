import { describe, expect, it } from 'vitest';
import { RELEASES } from '../../src/kernel/releases';
import type { ArchId, ReleaseId } from '../../src/kernel/types';

// The module lists tell "no such module on this release and arch" from "not
// modelled": from illumos' makefiles, the older releases less what came later.
const has = (id: ReleaseId, arch: ArchId, ...mods: string[]) => mods.map((m) => [m, RELEASES[id].modules[arch].has(m)]);

describe('kernel modules per release and arch', () => {
  it('illumos x86 has the APIC modules, COMSTAR, SATA and ZFS; SPARC has none of the APIC ones', () => {
    expect(has('illumos', 'i86pc', 'pcplusmp', 'apix', 'stmf_sbd', 'sata', 'zfs', 'nvme')).toEqual(
      ['pcplusmp', 'apix', 'stmf_sbd', 'sata', 'zfs', 'nvme'].map((m) => [m, true]));
    expect(has('illumos', 'sun4v', 'pcplusmp', 'apix', 'vnet', 'vdc', 'md')).toEqual(
      [['pcplusmp', false], ['apix', false], ['vnet', true], ['vdc', true], ['md', true]]);
  });

  it('apix came after snv_134; the lx brand and bhyve are illumos only', () => {
    expect(has('opensolaris', 'i86pc', 'apix', 'pcplusmp')).toEqual([['apix', false], ['pcplusmp', true]]);
    expect(has('solaris11', 'i86pc', 'apix', 'lx_brand', 'vmm')).toEqual([['apix', true], ['lx_brand', false], ['vmm', false]]);
  });

  it('Solaris 10 6/06 has no COMSTAR or Crossbow, and has its closed SPARC drivers', () => {
    expect(has('s10', 'sun4v', 'stmf', 'vnic', 'ssd', 'ce', 'ufs', 'shmsys')).toEqual(
      [['stmf', false], ['vnic', false], ['ssd', true], ['ce', true], ['ufs', true], ['shmsys', true]]);
  });

  it('says where each list comes from, and which are uncertain', () => {
    expect(RELEASES.illumos.modulesSource).toMatch(/Makefile\.intel/);
    for (const id of ['s10', 'opensolaris', 'solaris11'] as const) expect(RELEASES[id].modulesSource).toMatch(/uncertain/);
  });

  it('knows the whole variable set only of the System V IPC modules, and holds every global of msg.c, sem.c, shm.c', () => {
    expect([...RELEASES.illumos.complete].sort()).toEqual(['msgsys', 'semsys', 'shmsys']);
    // The global (non-static) variables of illumos-gate usr/src/uts/common/os/{msg,sem,shm}.c.
    const SOURCE = {
      msgsys: ['msginfo_msgmax', 'msginfo_msgmnb', 'msginfo_msgmni', 'msginfo_msgtql', 'msginfo_msgssz', 'msginfo_msgmap', 'msginfo_msgseg'],
      semsys: ['seminfo_semaem', 'seminfo_semmap', 'seminfo_semmni', 'seminfo_semmns', 'seminfo_semmnu', 'seminfo_semmsl',
        'seminfo_semopm', 'seminfo_semume', 'seminfo_semusz', 'seminfo_semvmx'],
      shmsys: ['share_page_table', 'ism_off', 'shminfo_shmmax', 'shminfo_shmmni', 'shminfo_shmmin', 'shminfo_shmseg'],
    };
    for (const id of Object.keys(RELEASES) as ReleaseId[]) {
      for (const [mod, names] of Object.entries(SOURCE)) {
        const catalogued = RELEASES[id].variables.filter((v) => v.module === mod && v.status !== 'removed').map((v) => v.name);
        expect(catalogued.sort(), `${id} ${mod}`).toEqual([...names].sort());
      }
    }
  });
});
