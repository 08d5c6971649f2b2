import { absentOn, illumosGate, type Tunable } from '../tunable';

const SBD = 'usr/src/uts/common/io/comstar/lu/stmf_sbd/sbd_scsi.c';
// The VAAI offloads of the COMSTAR disk target came from Nexenta into illumos.
const VAAI = absentOn('s10', 'opensolaris', 'solaris11');

function vaai(name: string, what: string): Tunable {
  return {
    name, module: 'stmf_sbd', type: 'uint8_t', default: 1, range: [0, 1],
    description: `Offer the VMware VAAI ${what} to initiators of COMSTAR logical units.`,
    status: 'current', source: illumosGate(SBD), on: VAAI,
  };
}

// SATA framework, COMSTAR disk target and DTrace: module variables real files set.
export const storage: readonly Tunable[] = [
  {
    name: 'sata_auto_online', module: 'sata', type: 'int', default: 0, range: [0, 1],
    description: 'Bring a newly inserted SATA disk online by itself, without cfgadm.',
    status: 'current', source: illumosGate('usr/src/uts/common/io/sata/impl/sata.c'),
    on: absentOn('s10'),
  },
  vaai('HardwareAcceleratedInit', 'zeroing offload (WRITE SAME)'),
  vaai('HardwareAcceleratedLocking', 'atomic test-and-set locking (ATS)'),
  vaai('HardwareAcceleratedMove', 'copy offload (XCOPY)'),
  {
    name: 'dtrace_dof_maxsize', module: 'dtrace', type: 'dtrace_optval_t', default: 8 * 1024 * 1024, units: 'bytes',
    description: 'Largest DTrace object format (DOF) a program or helper may load.',
    status: 'current', source: illumosGate('usr/src/uts/common/dtrace/dtrace.c'),
    on: {
      s10: { default: 256 * 1024, uncertain: 'the 256 KiB of early dtrace.c; raised later' },
      opensolaris: { default: 256 * 1024, uncertain: 'the 256 KiB of early dtrace.c; raised later' },
      solaris11: { uncertain: 'the illumos value' },
    },
  },
];
