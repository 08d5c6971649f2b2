import { manual, type Tunable } from '../tunable';

const DRIVERS = 'General Driver Parameters';
const SD = 'usr/src/uts/common/io/scsi/targets/sd.c';

// SCSI disk targets: sd (most disks) and ssd (Fibre Channel disks on SPARC).
// One fact, two drivers: ssd is sd.c built with the ssd_ prefix.
function disk(driver: 'sd' | 'ssd'): Tunable[] {
  // ssd is built for SPARC only (usr/src/uts/sparc/ssd).
  const arch = driver === 'ssd' ? { arch: 'sun4v' as const } : {};
  return [
    {
      name: `${driver}_io_time`, module: driver, type: 'int', default: 60, units: 'seconds', ...arch,
      description: `Time an ${driver} command may take before it is retried or failed.`,
      status: 'current', source: manual(2, DRIVERS, SD),
    },
    {
      name: `${driver}_max_throttle`, module: driver, type: 'int', default: 256, range: [1, 256], units: 'commands', ...arch,
      description: `Most commands ${driver} keeps queued at one LUN; storage vendors often lower it.`,
      status: 'current', source: manual(2, DRIVERS, SD),
    },
  ];
}

export const drivers: readonly Tunable[] = [...disk('sd'), ...disk('ssd')];
