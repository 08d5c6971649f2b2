import type { Dcmd, DcmdContext, DcmdResult } from './types';

// The /etc/system dcmds (issue 3): ::tunables, ::system, ::reboot, ::persist.
// The work is in system-*.ts, loaded on first use: a piped `/D` never reads it.

const tunables = async (ctx: DcmdContext): Promise<DcmdResult> => (await import('./system-tunables')).tunables(ctx);
const system = async (ctx: DcmdContext): Promise<DcmdResult> => (await import('./system-boot')).system(ctx);
const reboot = async (ctx: DcmdContext): Promise<DcmdResult> => (await import('./system-boot')).reboot(ctx);
const persist = async (ctx: DcmdContext): Promise<DcmdResult> => (await import('./system-persist')).persist(ctx);

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
    name: 'system', args: '[file]', address: 'none', description: 'show or set the /etc/system of the next boot',
    help: [
      'With no argument, show the /etc/system file the next boot reads: its path, its set',
      'lines and directives with their line numbers, in the order the kernel applies them,',
      'and what the kernel says about it at boot.',
      'With FILE, read FILE and make it the /etc/system of the next boot. The running',
      'kernel is not changed: ::reboot applies it.',
    ].join('\n'),
    example: '::system fixtures/etc-system/customer-case.system\n::reboot\n::system', run: system,
  },
  {
    name: 'reboot', args: '', address: 'none', description: 'reboot the model kernel from defaults plus /etc/system',
    help: [
      'Rebuild the kernel from the release defaults plus the /etc/system file (see ::system),',
      'as a real reboot does, and print the boot messages. Every mdb write and ndd setting',
      'is lost and live connections are closed: mdb changes only the running kernel.',
      'Run ::persist -f FILE first to keep the mdb writes.',
    ].join('\n'),
    example: 'tcp_fusion_rcv_unread_min/W 0t32\n::reboot\ntcp_fusion_rcv_unread_min/D', run: reboot,
  },
  {
    name: 'persist', args: '[-f file]', address: 'none', description: 'keep mdb changes as /etc/system lines',
    help: [
      'Print the /etc/system set lines that give every variable changed with mdb its live',
      'value at the next boot (values in hex, so every bit is kept).',
      'With -f FILE, merge them into FILE: the earlier set lines of the same variable are',
      'replaced in place, every other byte of FILE is kept, and FILE is replaced atomically',
      '(the old file is kept as FILE.bak). FILE is created when it does not exist.',
    ].join('\n'),
    options: [['-f file', 'merge the lines into FILE instead of printing them']],
    example: 'tcp_fusion_rcv_unread_min/W 0t32\n::persist -f /etc/system\n::reboot', run: persist,
  },
];
