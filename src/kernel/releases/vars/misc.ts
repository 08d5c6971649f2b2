import { MAXINT, illumosGate, manual, type Tunable } from '../tunable';

const LONG_MAX = 0x7fffffffffffffffn;
const AUDIT = 'usr/src/uts/common/c2/audit_start.c';
const NO_REBOOT_AUDIT = 'auditing is started with audit -s / the auditd service; the kernel reads audit_load no more';

// STREAMS autopush, RPC connection timeouts, Solaris Volume Manager and the
// audit loader: each set by real files (see fixtures/etc-system/real).
export const misc: readonly Tunable[] = [
  {
    name: 'nautopush', module: 'genunix', type: 'int', default: 32, range: [0, MAXINT], units: 'entries',
    description: 'Size of the STREAMS autopush table (autopush -f); the stock /etc/system shows it as its example.',
    status: 'current', source: illumosGate('usr/src/uts/common/io/sad_conf.c'),
  },
  {
    name: 'clnt_idle_timeout', module: 'rpcmod', type: 'long', default: 300_000, range: [0, LONG_MAX], units: 'ms',
    description: 'Idle time after which an NFS client closes its connection to a server.',
    status: 'current', source: manual(3, 'rpcmod Module Parameters'),
  },
  {
    name: 'svc_idle_timeout', module: 'rpcmod', type: 'long', default: 360_000, range: [0, LONG_MAX], units: 'ms',
    description: 'Idle time after which an NFS server closes a client\'s connection.',
    status: 'current', source: manual(3, 'rpcmod Module Parameters'),
  },
  {
    name: 'md_maxphys', module: 'md', type: 'int', default: 0, range: [0, MAXINT], units: 'bytes',
    description: 'Largest I/O Solaris Volume Manager issues; 0 takes maxphys when md loads.',
    status: 'current', source: illumosGate('usr/src/uts/common/io/lvm/md/md.c'),
  },
  {
    name: 'audit_load', module: 'c2audit', type: 'int', default: 0, range: [0, 1],
    description: 'Load BSM auditing at boot (written by bsmconv); later kept only so old files boot quietly.',
    status: 'current', source: illumosGate(AUDIT),
    on: {
      opensolaris: { status: 'obsolete', replacedBy: NO_REBOOT_AUDIT, since: 'the No Reboot Audit project (Nevada, 2009)', uncertain: 'the Nevada build' },
      illumos: { status: 'obsolete', replacedBy: NO_REBOOT_AUDIT, since: 'the No Reboot Audit project (Nevada, 2009)' },
      solaris11: { status: 'obsolete', replacedBy: NO_REBOOT_AUDIT, since: 'the No Reboot Audit project (Nevada, 2009)' },
    },
  },
];
