import { describe, expect, it } from 'vitest';
import { bootKernel, parseSystemFile } from '../../src/etc-system';
import { Kernel } from '../../src/kernel/kernel';
import type { ReleaseId } from '../../src/kernel/types';

// --check of many files reboots one kernel per release and arch, file after file,
// and keeps what it worked out from boot to boot (each name's meaning, the boot's
// derivations when they would read the same values). Whatever came before, a
// reboot must leave the kernel, and say, exactly what a fresh kernel does.

/** Everything a boot leaves and says, as plain data. */
function state(k: Kernel, text: string) {
  const parsed = parseSystemFile(text, '/etc/system');
  const diagnostics = [...parsed.diagnostics, ...bootKernel(k, parsed)];
  return {
    diagnostics,
    values: k.symbols.map((s) => `${s.module}:${s.name}=${k.value(s)} ${k.provenance(s.name)}`),
    derivation: [...k.derivation],
    arcstats: [...k.arcstats],
  };
}

const FILES = [
  '',
  'set maxusers=2048\n',
  'set maxusers=2048\nset ncsize=100000\n',
  'set ufs:ufs_ninode=1\nset ncsize=0\n',
  'set maxusers=4096\nset max_nprocs=100\n',
  'set lotsfree=1\nset desfree=99999999\n',
  'set zfs:zfs_arc_max=0x40000000\nset zfs:zfs_arc_min=0x80000000\n',
  'set maxusers=2048\n',
  'set pidmax=5\nset maxpid=5\n',
  'set rlim_fd_max=65536\nset rlim_fd_cur=1024\n',
  '',
  // One line per variable, repeated file after file (a fleet): worked out once, then reused.
  'set ip:do_tcp_fusion=2\nset maxusers=-5\nset rlim_fd_max=65536\n',
  'set ip:do_tcp_fusion=2\nset maxusers=-5\nset rlim_fd_max=65536\n',
  // The same values with other operators, as strings, too wide, on an obsolete variable.
  'set ip:do_tcp_fusion|2\nset maxusers&-5\nset rlim_fd_max|65536\n',
  'set ip:do_tcp_fusion="2"\nset maxusers=0x1ffffffff\nset msgsys:msginfo_msgmax=2\n',
  'set ip:do_tcp_fusion="2"\nset maxusers=0x1ffffffff\nset msgsys:msginfo_msgmax=2\n',
  'set ip:do_tcp_fusion=2\nset maxusers=-5\nset msgsys:msginfo_msgmax=2\n',
  'set ip:do_tcp_fusion=1\nset ip:do_tcp_fusion=2\nset maxusers=-5\n',
];

describe('a rebooted kernel is a fresh one', () => {
  it.each<ReleaseId>(['s10', 'illumos', 'solaris11'])('on %s, file after file', (release) => {
    const reused = new Kernel(release, 'i86pc');
    for (const text of [...FILES, ...FILES.slice().reverse()]) {
      expect(state(reused, text)).toEqual(state(new Kernel(release, 'i86pc'), text));
    }
  });
});
