import { MAX_NPROCS, MAXINT, MAXUSERS, PAGESIZE, PHYSMEM_PAGES, PIDMAX, manual, type Tunable } from '../tunable';

const GENERAL = 'General Kernel and Memory Parameters';
const FSFLUSH = 'fsflush and Related Tunables';
const SIZING = 'Process-Sizing Tunables';
const STREAMS = 'STREAMS Parameters';
const PTY = 'Pseudo Terminals';
const SCHED = 'Scheduling';
const TIMERS = 'Timers';

// The kernel proper (no module prefix in /etc/system): memory, stacks, fsflush,
// process table sizing, STREAMS, pseudo terminals, scheduling and timers.
export const general: readonly Tunable[] = [
  {
    name: 'physmem', module: 'unix', type: 'pgcnt_t', default: PHYSMEM_PAGES, range: [1, PHYSMEM_PAGES], units: 'pages',
    description: 'Pages of memory the kernel believes it has; lower it to test a smaller machine (8 GiB here).',
    status: 'current', source: manual(2, GENERAL, 'usr/src/uts/common/conf/param.c'),
    on: { illumos: { description: 'Pages of memory the kernel uses; x86 ignores /etc/system for it (use eeprom).' } },
  },
  {
    name: 'lwp_default_stksize', module: 'unix', type: 'int', default: 3 * PAGESIZE, range: [8192, 262144], units: 'bytes',
    description: 'Stack size of a kernel thread whose creator asks for none; a multiple of the page size.',
    status: 'current', source: manual(2, GENERAL),
  },
  {
    name: 'logevent_max_q_sz', module: 'genunix', type: 'int', default: 2000, range: [0, MAXINT], units: 'events',
    description: 'How many system events may wait for syseventd before new ones are dropped.',
    status: 'current', source: manual(2, GENERAL),
  },
  {
    name: 'segkpsize', module: 'unix', type: 'pgcnt_t', default: 262144, range: [65536, 3145728], units: 'pages',
    description: 'Size of the pageable kernel segment that holds thread stacks (2 GiB of 8 KiB pages).',
    status: 'current', source: manual(2, GENERAL),
  },
  {
    name: 'noexec_user_stack', module: 'unix', type: 'int', default: 0, range: [0, 1],
    description: 'Map user stacks without execute permission, defeating many stack-smashing exploits.',
    status: 'current', source: manual(2, GENERAL),
  },
  {
    name: 'noexec_user_stack_log', module: 'unix', type: 'int', default: 1, range: [0, 1],
    description: 'Log a message when a program is stopped for executing code on its stack.',
    status: 'current', source: manual(2, GENERAL),
  },
  {
    name: 'maxphys', module: 'unix', type: 'int', default: 131072, range: [PAGESIZE, MAXINT], units: 'bytes',
    description: 'Largest single physical I/O request; drivers and file systems may cap it lower.',
    status: 'current', source: manual(2, 'General I/O Parameters'),
  },
  {
    name: 'moddebug', module: 'genunix', type: 'int', default: 0,
    description: 'Bit flags that make the module loader print what it does (0x80000000 = loads).',
    status: 'current', source: manual(2, 'General Kernel and Memory Parameters'),
  },
  {
    name: 'kmem_flags', module: 'genunix', type: 'int', default: 0,
    description: 'Kernel memory allocator debugging flags (audit, redzone, deadbeef); costs memory.',
    status: 'current', source: manual(2, 'Kernel Memory Allocator'),
  },
  {
    name: 'tune_t_fsflushr', module: 'genunix', type: 'int', default: 1, range: [1, MAXINT], units: 'seconds',
    description: 'How often fsflush wakes up to write back modified pages.',
    status: 'current', source: manual(2, FSFLUSH, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'autoup', module: 'genunix', type: 'int', default: 30, range: [1, MAXINT], units: 'seconds',
    description: 'Age a modified page must reach before fsflush writes it out.',
    status: 'current', source: manual(2, FSFLUSH, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'dopageflush', module: 'genunix', type: 'int', default: 1, range: [0, 1],
    description: 'Whether fsflush looks for modified pages at all; 0 leaves them to pageout and sync.',
    status: 'current', source: manual(2, FSFLUSH),
  },
  {
    name: 'doiflush', module: 'genunix', type: 'int', default: 1, range: [0, 1],
    description: 'Whether fsflush also writes back modified UFS inodes.',
    status: 'current', source: manual(2, FSFLUSH),
  },
  {
    name: 'maxusers', module: 'genunix', type: 'int', default: MAXUSERS, range: [1, 4096],
    description: 'Sizing knob behind max_nprocs, ncsize and ufs_ninode; about one per MiB, at most 2048 by default.',
    status: 'current', source: manual(2, SIZING, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'reserved_procs', module: 'genunix', type: 'int', default: 5, range: [5, MAXINT], units: 'processes',
    description: 'Process slots kept for root (uid 0) when the table is otherwise full.',
    status: 'current', source: manual(2, SIZING, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'pidmax', module: 'genunix', type: 'int', default: PIDMAX, range: [266, 999999],
    description: 'Highest process ID the kernel hands out.',
    status: 'current', source: manual(2, SIZING, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'max_nprocs', module: 'genunix', type: 'int', default: MAX_NPROCS, range: [26, 999999], units: 'processes',
    description: 'Size of the process table: 10 + 16 * maxusers, never above pidmax.',
    status: 'current', source: manual(2, SIZING, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'maxuprc', module: 'genunix', type: 'int', default: MAX_NPROCS - 5, range: [1, 999994], units: 'processes',
    description: 'Processes one non-root user may have: max_nprocs less reserved_procs.',
    status: 'current', source: manual(2, SIZING, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'ngroups_max', module: 'genunix', type: 'int', default: 16, range: [0, 1024], units: 'groups',
    description: 'Supplementary groups a process may belong to; NFS AUTH_SYS carries only 16.',
    status: 'current', source: manual(2, SIZING, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'rlim_fd_cur', module: 'genunix', type: 'int', default: 256, range: [1, MAXINT], units: 'descriptors',
    description: 'Soft limit on open files per process (the default of process.max-file-descriptor).',
    status: 'current', source: manual(2, SIZING),
    on: { illumos: { type: 'uint_t', source: manual(2, SIZING, 'usr/src/uts/common/conf/param.c') } },
  },
  {
    name: 'rlim_fd_max', module: 'genunix', type: 'int', default: 65536, range: [1, MAXINT], units: 'descriptors',
    description: 'Hard limit on open files per process; a soft limit above it is cut down to it.',
    status: 'current', source: manual(2, SIZING),
    on: { illumos: { type: 'uint_t', source: manual(2, SIZING, 'usr/src/uts/common/conf/param.c') } },
  },
  {
    name: 'nstrpush', module: 'genunix', type: 'int', default: 9, range: [9, 16], units: 'modules',
    description: 'How many STREAMS modules may be pushed on one stream.',
    status: 'current', source: manual(2, STREAMS, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'strmsgsz', module: 'genunix', type: 'ssize_t', default: 65536, range: [0, 262144], units: 'bytes',
    description: 'Largest data part of a message an application may write to a stream; 0 means no limit.',
    status: 'current', source: manual(2, STREAMS, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'strctlsz', module: 'genunix', type: 'ssize_t', default: 1024, range: [0, MAXINT], units: 'bytes',
    description: 'Largest control part of a message an application may send down a stream.',
    status: 'current', source: manual(2, STREAMS, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'pt_cnt', module: 'genunix', type: 'int', default: 0, range: [0, 999999], units: 'ptys',
    description: 'Floor on the number of /dev/pts entries; 0 lets them grow as needed.',
    status: 'current', source: manual(2, PTY),
  },
  {
    name: 'pt_pctofmem', module: 'genunix', type: 'int', default: 5, range: [0, 100], units: '%',
    description: 'Most of kernel memory pseudo terminals may take, as a percentage.',
    status: 'current', source: manual(2, PTY),
  },
  {
    name: 'pt_max_pty', module: 'genunix', type: 'int', default: 0, range: [0, MAXINT], units: 'ptys',
    description: 'Hard ceiling on pseudo terminals; 0 means only memory limits them.',
    status: 'current', source: manual(2, PTY),
  },
  {
    name: 'rechoose_interval', module: 'genunix', type: 'int', default: 3, range: [0, MAXINT], units: 'clock ticks',
    description: 'Ticks a thread may wait before it gives up its cache-warm CPU for any idle one.',
    status: 'current', source: manual(2, SCHED),
  },
  {
    name: 'hires_tick', module: 'genunix', type: 'int', default: 0, range: [0, 1],
    description: 'Run the clock at 1000 Hz instead of 100 Hz for finer timeouts.',
    status: 'current', source: manual(2, TIMERS, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'timer_max', module: 'genunix', type: 'int', default: 32, range: [0, MAXINT], units: 'timers',
    description: 'POSIX timers (timer_create) one process may hold.',
    status: 'current', source: manual(2, TIMERS),
  },
];
