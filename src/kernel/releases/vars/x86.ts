import { absentOn, illumosGate, manual, type Tunable } from '../tunable';

const APIC_COMMON = 'usr/src/uts/i86pc/io/apic_common.c';

// x86 only (i86pc): platform code linked into unix, and the two APIC interrupt
// modules. pcplusmp and apix are both built from apic_common.c, so each has
// its own copy of these variables: /etc/system sets them per module.
function apicModule(module: 'pcplusmp' | 'apix'): Tunable[] {
  // apix arrived with Solaris 11 (after snv_134); pcplusmp is in every release here.
  const notBefore = module === 'apix' ? absentOn('s10', 'opensolaris') : {};
  return [
    {
      name: 'apic_panic_on_nmi', module, type: 'int', default: 0, range: [0, 1], arch: 'i86pc',
      description: `Panic (and take a crash dump) when a non-maskable interrupt arrives (${module}).`,
      status: 'current', source: illumosGate(APIC_COMMON), on: { ...notBefore },
    },
    {
      name: 'apic_kmdb_on_nmi', module, type: 'int', default: 0, range: [0, 1], arch: 'i86pc',
      description: `Enter kmdb on a non-maskable interrupt; wins over apic_panic_on_nmi (${module}).`,
      status: 'current', source: illumosGate(APIC_COMMON), on: { ...notBefore },
    },
    {
      name: 'apic_timer_preferred_mode', module, type: 'int', default: 2, range: [0, 2], arch: 'i86pc',
      description: `Local APIC timer mode to use if the CPU has it: 0 one-shot, 1 periodic, 2 TSC deadline (${module}).`,
      status: 'current', source: illumosGate('usr/src/uts/i86pc/io/apic_timer.c (the modes: apic_timer.h)'),
      on: absentOn('s10', 'opensolaris', 'solaris11'),
    },
  ];
}

export const x86: readonly Tunable[] = [
  {
    name: 'ibft_noprobe', module: 'unix', type: 'int', default: 0, range: [0, 1], arch: 'i86pc',
    description: 'Do not scan low memory for an iSCSI boot firmware table (iBFT) at boot.',
    status: 'current', source: illumosGate('usr/src/uts/i86pc/os/ibft.c'),
    on: absentOn('s10'),
  },
  {
    name: 'idle_cpu_no_deep_c', module: 'unix', type: 'int', default: 0, range: [0, 1], arch: 'i86pc',
    description: 'Keep idle CPUs out of the power-saving deep C-states (lower wake-up latency).',
    status: 'current', source: illumosGate('usr/src/uts/i86pc/os/cpupm/cpu_idle.c'),
    on: absentOn('s10'),
  },
  {
    name: 'apix_enable', module: 'unix', type: 'int', default: 1, range: [0, 1], arch: 'i86pc',
    description: 'Use the apix interrupt module when the machine supports it; 0 falls back to pcplusmp.',
    status: 'current', source: illumosGate('usr/src/uts/i86pc/os/machdep.c'),
    on: absentOn('s10', 'opensolaris'),
  },
  {
    name: 'segmapsize', module: 'unix', type: 'size_t', default: 64 * 1024 * 1024, units: 'bytes', arch: 'i86pc',
    description: 'Size of the kernel segment that maps file pages for read and write (x86).',
    status: 'current', source: manual(2, 'General Kernel and Memory Parameters', 'usr/src/uts/i86pc/os/startup.c'),
    uncertain: 'default read from the manual for 64-bit x86, not from startup.c',
  },
  ...apicModule('pcplusmp'),
  ...apicModule('apix'),
];
