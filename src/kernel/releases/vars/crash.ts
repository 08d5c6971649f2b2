import { MAXUINT, absentOn, illumosGate, manual, type Tunable } from '../tunable';

const DUMP = 'usr/src/uts/common/os/dumpsubr.c';
const CLOCK = 'usr/src/uts/common/os/clock.c';
// The parallel (multi-threaded, bzip2) crash dump came with CR 6828976, after
// Solaris 10 6/06 (the s10 model).
const PARALLEL_DUMP = absentOn('s10');

// Crash dumps and the deadman timer (genunix): what a panic writes, and the
// watchdog that panics a hung machine.
export const crash: readonly Tunable[] = [
  {
    name: 'dump_plat_mincpu', module: 'genunix', type: 'uint_t', default: MAXUINT, range: [0, MAXUINT], units: 'CPUs',
    description: 'CPUs needed before a crash dump compresses with bzip2 in parallel; 0 dumps single-threaded.',
    status: 'current', source: illumosGate(DUMP), on: PARALLEL_DUMP,
  },
  {
    name: 'dump_bzip2_level', module: 'genunix', type: 'uint_t', default: 1, range: [1, 9],
    description: 'bzip2 compression level of a parallel crash dump; higher is smaller and slower.',
    status: 'current', source: illumosGate(DUMP), on: PARALLEL_DUMP,
  },
  {
    name: 'dump_metrics_on', module: 'genunix', type: 'uint_t', default: 0, range: [0, 1],
    description: 'Record crash dump timings in the dump, for savecore to write to METRICS.txt.',
    status: 'current', source: illumosGate(DUMP), on: PARALLEL_DUMP,
  },
  {
    name: 'snooping', module: 'genunix', type: 'int', default: 0, range: [0, 1],
    description: 'Arm the deadman timer: panic when the clock stops advancing for snoop_interval.',
    status: 'current', source: manual(2, 'General Kernel and Memory Parameters', CLOCK),
  },
  {
    name: 'snoop_interval', module: 'genunix', type: 'uint_t', default: 50_000_000, units: 'microseconds',
    description: 'How long the clock may stand still before the armed deadman timer panics.',
    status: 'current', source: manual(2, 'General Kernel and Memory Parameters', CLOCK),
  },
];
