import { describe, expect, it } from 'vitest';
import { checkSystemFile } from '../../src/etc-system';
import { isSlipOf } from '../../src/etc-system/resolve';
import type { ArchId, ReleaseId } from '../../src/kernel/types';

// What the checker says of a set line it cannot apply: an error only where the
// kernel certainly refuses the line; a note where fusion-mdb cannot know.

const one = (line: string, release: ReleaseId = 'illumos', arch: ArchId = 'i86pc') => {
  const ds = checkSystemFile(`${line}\n`, '/etc/system', release, arch);
  expect(ds).toHaveLength(1);
  const [d] = ds;
  return d && { code: d.code, severity: d.severity, message: d.message, hint: d.hint };
};

describe('real mistakes are still found', () => {
  it('an ndd parameter set in /etc/system', () => {
    expect(one('set tcp:tcp_xmit_hiwat=1048576', 's10', 'sun4v')).toEqual({
      code: 'ndd-parameter', severity: 'error',
      message: "sorry, variable 'tcp_xmit_hiwat' is not defined in the 'tcp' module",
      hint: 'the line is ignored; tcp_xmit_hiwat is an ndd parameter of /dev/tcp, not a kernel variable: use ndd -set /dev/tcp tcp_xmit_hiwat 1048576 ' +
        '(on s10: ndd -set lasts until reboot; repeat it from a boot script (/etc/rc2.d or an SMF method))',
    });
  });

  it('an ndd parameter under a module that does not exist ("ndd:"): never applied, and the ipadm line to use', () => {
    expect(one('set ndd:tcp_xmit_hiwat=1048576')).toEqual({
      code: 'ndd-parameter', severity: 'error',
      message: "illumos has no module 'ndd' on i86pc: 'ndd:tcp_xmit_hiwat' is never applied",
      hint: 'tcp_xmit_hiwat is an ndd parameter of /dev/tcp, not a kernel variable: use ndd -set /dev/tcp tcp_xmit_hiwat 1048576 ' +
        'for now, and ipadm set-prop -p send_buf=1048576 tcp to keep it (on illumos, ipadm is persistent)',
    });
  });

  it('ufs_ninode lives in genunix (conf/param.c), not in the ufs module: bare is right, ufs: is never applied', () => {
    for (const [release, arch] of [['s10', 'sun4v'], ['illumos', 'i86pc']] as const) {
      expect(checkSystemFile('set ufs_ninode=5000\n', '/etc/system', release, arch)).toEqual([]);
      expect(one('set ufs:ufs_ninode=5000', release, arch)).toEqual({
        code: 'wrong-module', severity: 'error',
        message: "sorry, variable 'ufs_ninode' is not defined in the 'ufs' module",
        hint: 'the line is ignored; ufs_ninode is a variable of the kernel proper: set ufs_ninode=5000',
      });
    }
  });

  it('`Set`: the keyword in mixed case', () => {
    expect(one('Set noexec_user_stack=1')).toMatchObject({ code: 'keyword-case', severity: 'error', message: "unknown command 'Set'" });
  });

  it('forceload without its colon: the kernel forgives it, with its warning', () => {
    expect(one('forceload drv/ipf')).toMatchObject({
      code: 'missing-colon', severity: 'warning', message: "A colon (:) must follow the 'forceload' command",
    });
  });

  it('a typo of a real variable where the module is known whole (System V IPC): certain', () => {
    expect(one('set shmsys:shminfo_shmset=10', 's10', 'sun4v')).toEqual({
      code: 'near-miss', severity: 'error',
      message: "sorry, variable 'shminfo_shmset' is not defined in the 'shmsys' module",
      hint: "the line is ignored; did you mean 'shmsys:shminfo_shmseg'? set shmsys:shminfo_shmseg=10",
    });
  });

  it('a name no IPC variable is close to: certain, with the module\'s whole list', () => {
    expect(one('set msgsys:msginfo_maxsize=1', 's10', 'sun4v')).toEqual({
      code: 'unknown-variable', severity: 'error',
      message: "sorry, variable 'msginfo_maxsize' is not defined in the 'msgsys' module",
      hint: 'the line is ignored; the msgsys module has no such variable; its variables are msginfo_msgmax, msginfo_msgmnb, msginfo_msgmni, ' +
        'msginfo_msgtql, msginfo_msgssz, msginfo_msgmap, msginfo_msgseg',
    });
  });

  it('a variable removed from illumos in 2013, with when and what replaces it', () => {
    expect(one('set zfs:zfs_txg_synctime_ms=5000')).toEqual({
      code: 'removed', severity: 'error',
      message: "sorry, variable 'zfs_txg_synctime_ms' is not defined in the 'zfs' module",
      hint: 'the line is ignored; zfs_txg_synctime_ms does not exist on illumos (5.11 illumos-2c9d3ef3): the write throttle works from dirty data now: ' +
        'tune zfs:zfs_dirty_data_max and zfs:zfs_txg_timeout; removed in illumos 4045, August 2013 (the OpenZFS write throttle and I/O scheduler); delete the line',
    });
    expect(one('set zfs:zfs_vdev_max_pending=10')).toMatchObject({ code: 'removed', severity: 'error' });
    expect(checkSystemFile('set zfs:zfs_vdev_max_pending=10\n', '/etc/system', 's10', 'sun4v')).toEqual([]);
  });

  it('a ZFS variable without zfs: gets the kernel\'s own words and the line to write', () => {
    expect(one('set zfs_arc_max=0x40000000')).toEqual({
      code: 'wrong-module', severity: 'error',
      message: "sorry, variable 'zfs_arc_max' is not defined in the 'kernel' ",
      hint: "the line is ignored; zfs_arc_max is a variable of the 'zfs' module: set zfs:zfs_arc_max=0x40000000",
    });
  });
});

describe('no false findings', () => {
  it('segmapsize is a documented x86 variable, not a typo of segkpsize', () => {
    expect(checkSystemFile('set segmapsize=0x80000000\n', '/etc/system', 'illumos', 'i86pc')).toEqual([]);
  });

  it('a module the catalogue does not know is a note: the kernel never complains of one', () => {
    expect(one('set vxio:vol_maxio=2048')).toEqual({
      code: 'unknown-module', severity: 'note',
      message: "module 'vxio' is not one fusion-mdb knows on illumos; 'vxio:vol_maxio' is not checked",
      hint: undefined,
    });
  });

  it('a name close to a catalogued one in a module known only in part is a note with the suggestion', () => {
    expect(one('set ufs:freebehimd=0', 's10', 'sun4v')).toEqual({
      code: 'not-catalogued', severity: 'note',
      message: 'ufs:freebehimd is not in the fusion-mdb catalogue; not checked',
      hint: "did you mean 'ufs:freebehind'?",
    });
  });

  it('a letter dropped from a catalogued name is certain even in a module known in part: an error', () => {
    expect(one('set ufs:freebehnd=0', 's10', 'sun4v')).toEqual({
      code: 'near-miss', severity: 'error',
      message: "sorry, variable 'freebehnd' is not defined in the 'ufs' module",
      hint: "the line is ignored; did you mean 'ufs:freebehind'? set ufs:freebehind=0",
    });
  });

  it('a name only another release has: a note that says which', () => {
    expect(one('set zfs:user_reserve_hint_pct=80')).toEqual({
      code: 'not-catalogued', severity: 'note',
      message: 'zfs:user_reserve_hint_pct is not in the fusion-mdb catalogue; not checked',
      hint: 'user_reserve_hint_pct is a variable of solaris11 (5.11 11.4.0.15.0); fusion-mdb does not know it on illumos',
    });
  });

  it('a misspelt kernel name may be a ZFS one: the suggestion crosses modules', () => {
    expect(one('set zfs_arc_mx=1')).toMatchObject({ code: 'not-catalogued', severity: 'note', hint: "did you mean 'zfs:zfs_arc_max'?" });
  });

  it('the modules of the real illumos module list are known: apix, stmf_sbd, sata', () => {
    for (const line of ['set apix:apic_panic_on_nmi=1', 'set stmf_sbd:HardwareAcceleratedMove=1', 'set sata:sata_auto_online=1']) {
      expect(checkSystemFile(`${line}\n`, '/etc/system', 'illumos', 'i86pc'), line).toEqual([]);
    }
  });
});

describe('the other architecture', () => {
  it('a SPARC-only kernel variable on i86pc: the kernel says sorry; harmless in a shared file', () => {
    expect(one('set segmap_percent=50')).toEqual({
      code: 'other-arch', severity: 'warning',
      message: "sorry, variable 'segmap_percent' is not defined in the 'kernel' ",
      hint: 'the line is ignored; segmap_percent exists only on sun4v; harmless on i86pc, but this line does nothing here',
    });
  });

  it('an x86 variable on sun4v, and an x86-only module', () => {
    expect(one('set idle_cpu_no_deep_c=1', 'illumos', 'sun4v')).toMatchObject({ code: 'other-arch', severity: 'warning' });
    expect(one('set pcplusmp:apic_panic_on_nmi=1', 'illumos', 'sun4v')).toEqual({
      code: 'other-arch', severity: 'warning',
      message: "'pcplusmp' is a module of i86pc only: on sun4v 'pcplusmp:apic_panic_on_nmi' is never applied",
      hint: 'pcplusmp:apic_panic_on_nmi exists only on i86pc; harmless on sun4v, but this line does nothing here',
    });
  });
});

describe('Oracle Solaris 11.4 (--release solaris11)', () => {
  it('has no unread-write counter, as OpenSolaris', () => {
    expect(one('set ip:tcp_fusion_rcv_unread_min=0', 'solaris11', 'sun4v')).toMatchObject({ code: 'removed', severity: 'error' });
    expect(checkSystemFile('set ip:do_tcp_fusion=0\n', '/etc/system', 'solaris11', 'sun4v')).toEqual([]);
  });

  it('points ndd parameters at ipadm', () => {
    expect(one('set ip:tcp_conn_req_max_q=4096', 'solaris11', 'sun4v')?.hint)
      .toContain('ipadm set-prop -p _conn_req_max_q=4096 tcp to keep it (on solaris11, ipadm is persistent)');
  });

  it('knows the 11.x ZFS knobs: user_reserve_hint_pct (no module prefix), and zil_disable gone', () => {
    expect(checkSystemFile('set user_reserve_hint_pct=80\n', '/etc/system', 'solaris11', 'sun4v')).toEqual([]);
    expect(one('set zfs:user_reserve_hint_pct=80', 'solaris11', 'sun4v')).toMatchObject({
      code: 'wrong-module', hint: 'the line is ignored; user_reserve_hint_pct is a variable of the kernel proper: set user_reserve_hint_pct=80',
    });
    expect(one('set zfs:zil_disable=1', 'solaris11', 'sun4v')).toMatchObject({ code: 'removed', severity: 'error' });
  });
});

describe('a variable several modules define', () => {
  it('without its prefix: the line for each module that has it', () => {
    expect(one('set apic_panic_on_nmi=1')).toEqual({
      code: 'wrong-module', severity: 'error',
      message: "sorry, variable 'apic_panic_on_nmi' is not defined in the 'kernel' ",
      hint: "the line is ignored; apic_panic_on_nmi is a variable of the 'pcplusmp' and 'apix' modules: set pcplusmp:apic_panic_on_nmi=1 and set apix:apic_panic_on_nmi=1",
    });
  });
});

describe('a keyboard slip (isSlipOf)', () => {
  it('a letter dropped, doubled or two neighbours swapped; never a letter changed', () => {
    expect(isSlipOf('maxusrs', 'maxusers')).toBe(true);
    expect(isSlipOf('maxxusers', 'maxusers')).toBe(true);
    expect(isSlipOf('maxuesrs', 'maxusers')).toBe(true);
    expect(isSlipOf('maxusers', 'maxusers')).toBe(false);
    expect(isSlipOf('maxuzers', 'maxusers')).toBe(false);
    expect(isSlipOf('maxausers', 'maxusers')).toBe(false);
    expect(isSlipOf('segmapsize', 'segkpsize')).toBe(false);
  });
});
