import { PHYSMEM_PAGES, PIDMAX, illumosGate, type Tunable } from '../tunable';

// Values the platform and param_calc() work out at boot and other code reads:
// not tuned in /etc/system, but what mdb shows an admin checking a boot.
export const boot: readonly Tunable[] = [
  {
    name: 'physinstalled', module: 'unix', type: 'pgcnt_t', default: PHYSMEM_PAGES, units: 'pages',
    description: 'Pages of memory installed, as the firmware reported it.',
    status: 'current', source: illumosGate('usr/src/uts/sun4/os/startup.c'),
  },
  {
    name: 'total_pages', module: 'unix', type: 'pgcnt_t', default: PHYSMEM_PAGES, units: 'pages',
    description: 'Pages the VM manages (physmem less what describes them); pageout sizes from it.',
    status: 'current', source: illumosGate('usr/src/uts/common/vm/vm_page.c'),
  },
  {
    name: 'maxpid', module: 'genunix', type: 'int', default: PIDMAX, units: 'pid',
    description: 'Largest process ID in use: pidmax when it is in range, else 999999.',
    status: 'current', source: illumosGate('usr/src/uts/common/conf/param.c'),
  },
];
