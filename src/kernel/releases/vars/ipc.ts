import { MAXINT, type Tunable } from '../tunable';

const MSG = 'usr/src/uts/common/os/msg.c';
const SEM = 'usr/src/uts/common/os/sem.c';
const SHM = 'usr/src/uts/common/os/shm.c';
const UNUSED = 'nothing: the kernel ignores it since Solaris 10';

function source(section: string, file: string): string {
  return `Solaris Tunable Parameters Reference Manual, App. A '${section}'; illumos-gate ${file}`;
}

type IpcFacts = Omit<Tunable, 'status' | 'source'> & { replacedBy: string };

/**
 * System V IPC: since Solaris 10 the limits are resource controls. The variables
 * are still there (msg.c, sem.c, shm.c keep them, marked obsolete, on every release
 * here) and a few still seed the rctl defaults at boot, so /etc/system accepts them.
 */
function ipc(section: string, file: string, rows: readonly IpcFacts[]): Tunable[] {
  return rows.map((row) => ({ ...row, status: 'obsolete' as const, since: RCTLS, source: source(section, file) }));
}

const RCTLS = 'Solaris 10 (the System V IPC limits became resource controls)';

export const sysvipc: readonly Tunable[] = [
  ...ipc('System V Message Queue Parameters', MSG, [
    { name: 'msginfo_msgmax', module: 'msgsys', type: 'size_t', default: 2048, units: 'bytes',
      description: 'Largest single message; no longer enforced.', replacedBy: UNUSED },
    { name: 'msginfo_msgmnb', module: 'msgsys', type: 'size_t', default: 4096, units: 'bytes',
      description: 'Most bytes one message queue may hold.', replacedBy: 'process.max-msg-qbytes' },
    { name: 'msginfo_msgmni', module: 'msgsys', type: 'int', default: 50, range: [0, MAXINT], units: 'queues',
      description: 'Message queue identifiers the system may have.', replacedBy: 'project.max-msg-ids' },
    { name: 'msginfo_msgtql', module: 'msgsys', type: 'int', default: 40, range: [0, MAXINT], units: 'messages',
      description: 'Messages that may be queued at once.', replacedBy: 'process.max-msg-messages' },
    { name: 'msginfo_msgssz', module: 'msgsys', type: 'int', default: 8, units: 'bytes',
      description: 'Segment size of the old message pool.', replacedBy: UNUSED },
    { name: 'msginfo_msgmap', module: 'msgsys', type: 'int', default: 0,
      description: 'Entries of the old message pool map.', replacedBy: UNUSED },
    { name: 'msginfo_msgseg', module: 'msgsys', type: 'ushort_t', default: 1024, units: 'segments',
      description: 'Segments of the old message pool.', replacedBy: UNUSED },
  ]),
  ...ipc('System V Semaphore Parameters', SEM, [
    { name: 'seminfo_semmni', module: 'semsys', type: 'int', default: 10, range: [1, 65535], units: 'sets',
      description: 'Semaphore sets (identifiers) the system may have.', replacedBy: 'project.max-sem-ids' },
    { name: 'seminfo_semmsl', module: 'semsys', type: 'int', default: 25, range: [1, MAXINT], units: 'semaphores',
      description: 'Semaphores in one set.', replacedBy: 'process.max-sem-nsems' },
    { name: 'seminfo_semopm', module: 'semsys', type: 'int', default: 10, range: [1, MAXINT], units: 'operations',
      description: 'Operations one semop call may carry.', replacedBy: 'process.max-sem-ops' },
    { name: 'seminfo_semmns', module: 'semsys', type: 'int', default: 60, range: [1, MAXINT], units: 'semaphores',
      description: 'Semaphores in the whole system; sets are now sized on demand.', replacedBy: UNUSED },
    { name: 'seminfo_semmnu', module: 'semsys', type: 'int', default: 30, range: [1, MAXINT], units: 'structures',
      description: 'Undo structures in the whole system.', replacedBy: UNUSED },
    { name: 'seminfo_semume', module: 'semsys', type: 'int', default: 10, range: [1, MAXINT], units: 'entries',
      description: 'Undo entries one process may have.', replacedBy: UNUSED },
    { name: 'seminfo_semvmx', module: 'semsys', type: 'int', default: 32767, range: [1, 65535],
      description: 'Largest value a semaphore may hold; fixed at 32767 now.', replacedBy: UNUSED },
    { name: 'seminfo_semaem', module: 'semsys', type: 'int', default: 16384, range: [1, 65535],
      description: 'Largest adjust-on-exit value; fixed now.', replacedBy: UNUSED },
    { name: 'seminfo_semmap', module: 'semsys', type: 'int', default: 10, units: 'entries',
      description: 'Entries of the old semaphore map.', replacedBy: UNUSED },
    { name: 'seminfo_semusz', module: 'semsys', type: 'int', default: 96, units: 'bytes',
      description: 'Size of an undo structure; computed by the kernel.', replacedBy: UNUSED },
  ]),
  ...ipc('System V Shared Memory Parameters', SHM, [
    { name: 'shminfo_shmmax', module: 'shmsys', type: 'size_t', default: 8388608, range: [0, 0xffffffffffffffffn], units: 'bytes',
      description: 'Largest shared memory segment.', replacedBy: 'project.max-shm-memory' },
    { name: 'shminfo_shmmni', module: 'shmsys', type: 'int', default: 100, range: [0, MAXINT], units: 'segments',
      description: 'Shared memory identifiers the system may have.', replacedBy: 'project.max-shm-ids' },
    { name: 'shminfo_shmmin', module: 'shmsys', type: 'size_t', default: 1, units: 'bytes',
      description: 'Smallest shared memory segment.', replacedBy: UNUSED },
    { name: 'shminfo_shmseg', module: 'shmsys', type: 'int', default: 6, units: 'segments',
      description: 'Segments one process may attach.', replacedBy: UNUSED },
  ]),
  // shm.c's other two globals: test hooks, not limits; listed so the module's variables are complete.
  {
    name: 'share_page_table', module: 'shmsys', type: 'int', default: 0, range: [0, 1],
    description: 'Testing hook: make every shmat() use ISM, whatever the caller asked for.',
    status: 'current', source: `illumos-gate ${SHM}`,
  },
  {
    name: 'ism_off', module: 'shmsys', type: 'int', default: 0, range: [0, 1],
    description: 'Testing hook: never use ISM, even when shmat() asks for SHM_SHARE_MMU.',
    status: 'current', source: `illumos-gate ${SHM}`,
  },
];
