import { lazyRun, type Dcmd } from './types';

// The /etc/system and boot dcmds: ::tunables, ::system (genunix's), ::etcsystem,
// ::reboot, ::persist, and what the boot sized: ::arc (zfs's) and ::memstat.
// The work is in system-*.ts, loaded on first use: a piped `/D` never reads it.

const tunables = lazyRun(async () => (await import('./system-tunables')).tunables);
const etcsystem = lazyRun(async () => (await import('./system-boot')).etcsystem);
const system = lazyRun(async () => (await import('./sysfile')).sysfile);
const arc = lazyRun(async () => (await import('./kernel-stats')).arc);
const memstat = lazyRun(async () => (await import('./kernel-stats')).memstat);
const reboot = lazyRun(async () => (await import('./system-boot')).reboot);
const persist = lazyRun(async () => (await import('./system-persist')).persist);

export const SYSTEM_DCMDS: readonly Dcmd[] = [
  {
    name: 'tunables', args: '[-a]', address: 'none', description: 'list tunables: default, boot and live values',
    help: [
      'List kernel variables and ndd parameters with their size in bytes, release default,',
      'boot value (what the /etc/system the running kernel booted from gives; the default',
      'when the file does not set it), live value, and where the live value came from:',
      'default, /etc/system, mdb (a /W write) or ndd. Values are decimal, signed for',
      'signed C types. Without -a: the fusion variables, every variable whose boot or live',
      'value is not the default, and the ndd parameters that were changed.',
      'A live value from mdb or ndd is gone after ::reboot; ::persist keeps the mdb ones.',
    ].join('\n'),
    options: [['-a', 'list every variable and ndd parameter']],
    example: 'tcp_fusion_rcv_unread_min/W 0t32\n::tunables', run: tunables,
  },
  {
    name: 'system', args: '', address: 'none', description: 'print contents of /etc/system file',
    help: [
      'Print the boot settings as the kernel parsed them, one line per entry, as genunix\'s',
      '::system does: /etc/system.d fragments first, then /etc/system, in file order.',
      'A set line shows its value in hex and decimal (set maxusers=0x200 [0t512]); a string',
      'value is shown in quotes; directives show their argument (forceload: drv/sd).',
      'Lines the kernel could not parse, include: lines and set32 lines are not kept.',
      'See ::etcsystem for the file of the next boot and what the kernel said about it.',
    ].join('\n'),
    example: '::system', run: system,
  },
  {
    name: 'arc', args: '[-bkmg]', address: 'none', description: 'print ARC variables',
    help: [
      'Print the ARC kstats in declaration order, as the zfs module\'s ::arc does: byte',
      'counts in MB by default (-b bytes, -k KB, -g GB; -a is accepted and ignored).',
      'c, c_min, c_max, p, arc_meta_limit and arc_meta_min are what arc_init worked out',
      'at boot from this machine\'s memory and zfs:zfs_arc_max, zfs_arc_min and',
      'zfs_arc_meta_limit; the counters are those of a machine that has just booted (0).',
    ].join('\n'),
    options: [['-b', 'sizes in bytes'], ['-k', 'sizes in KB'], ['-m', 'sizes in MB (the default)'], ['-g', 'sizes in GB']],
    example: '::arc -g', run: arc,
  },
  {
    name: 'memstat', args: '', address: 'none', description: 'print memory usage summary',
    help: [
      'Summarize the pages of the model machine by owner, as genunix\'s ::memstat does,',
      'for a machine that has just booted: Total is physmem, Physical (when it differs)',
      'total_pages, the pages the VM manages. The kernel, anon, text and file page counts',
      'are the model\'s assumptions (docs/machine.md); the free list holds the rest.',
    ].join('\n'),
    example: '::memstat', run: memstat,
  },
  {
    name: 'etcsystem', args: '[file]', address: 'none', fileArg: '', description: 'show or set the /etc/system of the next boot',
    help: [
      'With no argument, show the /etc/system file the next boot reads: its path, its set',
      'lines and directives with their line numbers, in the order the kernel applies them,',
      'and what the kernel says about it at boot.',
      'With FILE, read FILE and make it the /etc/system of the next boot. The running',
      'kernel is not changed: ::reboot applies it.',
    ].join('\n'),
    example: '::etcsystem fixtures/etc-system/customer-case.system\n::reboot\n::etcsystem', run: etcsystem,
  },
  {
    name: 'reboot', args: '', address: 'none', description: 'reboot the model kernel from defaults plus /etc/system',
    help: [
      'Rebuild the kernel from the release defaults plus the /etc/system file (see ::etcsystem),',
      'as a real reboot does, and print the boot messages. Every mdb write and ndd setting',
      'is lost and live connections are closed: mdb changes only the running kernel.',
      'Run ::persist -f FILE first to keep the mdb writes.',
    ].join('\n'),
    example: 'tcp_fusion_rcv_unread_min/W 0t32\n::reboot\ntcp_fusion_rcv_unread_min/D', run: reboot,
  },
  {
    name: 'persist', args: '[-f file]', address: 'none', fileArg: '-f', description: 'keep mdb changes as /etc/system lines',
    help: [
      'Print the /etc/system set lines that give every variable changed with mdb its live',
      'value at the next boot (values in decimal, as an administrator writes them), then',
      'what keeps the ndd changes: ipadm set-prop lines where the release has ipadm',
      '(illumos, solaris11), else ndd -set lines for a boot-time script or SMF method.',
      'With -f FILE, merge them into FILE: the earlier set lines of the same variable are',
      'replaced in place, every other byte of FILE is kept, and FILE is replaced atomically',
      '(the old file is kept as FILE.bak). FILE is created when it does not exist. A FILE',
      'that is a symbolic link is written through: the file it leads to is replaced, its',
      '.bak beside it, and the link stays; a link that leads to no file is refused.',
    ].join('\n'),
    options: [['-f file', 'merge the lines into FILE instead of printing them']],
    example: 'tcp_fusion_rcv_unread_min/W 0t32\n::persist -f /etc/system\n::reboot', run: persist,
  },
];
