import { formatsListing } from '../formats';
import { MSG } from '../messages';
import { left } from '../printf';
import { synopsis, type Dcmd, type DcmdContext, type DcmdResult } from './types';

// The debugger's own commands: quitting, the radix, help and listings (mdb_cmds.c).

function quit(ctx: DcmdContext): DcmdResult {
  if (ctx.args.length) return 'usage';
  ctx.session.out.line('');
  return 'quit';
}

function radix(ctx: DcmdContext): DcmdResult {
  if (ctx.args.length) return 'usage';
  const s = ctx.session;
  if (ctx.addr !== undefined) {
    if (ctx.addr < 2n || ctx.addr > 16n) {
      s.out.error(MSG.badRadix);
      return 'error';
    }
    s.radix = Number(ctx.addr);
  }
  // cmd_radix prints the radix after setting it too
  s.out.line(`radix = ${s.radix} base ten`);
  return 'ok';
}

function helpFor(d: Dcmd): string {
  const lines = ['', 'NAME', `  ${d.name} - ${d.description}`, '', 'SYNOPSIS', `  ${synopsis(d)}`];
  if (d.help) lines.push('', 'DESCRIPTION', ...d.help.split('\n').map((l) => (l ? `  ${l}` : '')));
  if (d.options?.length) {
    lines.push('', 'OPTIONS');
    for (const [flag, text] of d.options) lines.push(`  ${left(flag, 12)}${text}`);
  }
  if (d.example) lines.push('', 'EXAMPLE', ...d.example.split('\n').map((l) => `  ${l}`));
  lines.push('', 'ATTRIBUTES', '', '  Target: kvm', '  Module: fusion-mdb');
  return lines.join('\n');
}

const OVERVIEW = [
  'mdb commands have the form',
  '',
  '    [address] [,count] verb [arguments ...]',
  '',
  '  address, count  expressions: numbers, symbols, . (dot), + - * % & | ^ ~ ( )',
  '  verb            /fmt reads memory, /W value writes it, =fmt prints a value,',
  '                  ::name runs a dcmd, $c runs a built-in ($d, $q, $W)',
  '',
  '  ::dcmds         list every dcmd',
  '  ::help NAME     describe one dcmd',
  '  ::formats       list the format characters',
  '',
  'Numbers are read in the current radix (16 unless $d changes it):',
  'write 0t32 for decimal 32, 0x20 for hex, 0o40 for octal.',
].join('\n');

function help(ctx: DcmdContext): DcmdResult {
  const s = ctx.session;
  if (ctx.args.length > 1) return 'usage';
  const name = ctx.args[0];
  if (name === undefined) {
    s.out.line(OVERVIEW);
    return 'ok';
  }
  const d = ctx.table.find(name.replace(/^::/, ''));
  if (!d) {
    s.out.error(MSG.unknownHelp(name));
    return 'error';
  }
  s.out.line(helpFor(d));
  return 'ok';
}

function dcmds(ctx: DcmdContext): DcmdResult {
  if (ctx.args.length) return 'usage';
  for (const d of ctx.table.list) ctx.session.out.line(`${left(d.name, 24)} - ${d.description}`);
  return 'ok';
}

function formats(ctx: DcmdContext): DcmdResult {
  if (ctx.args.length) return 'usage';
  ctx.session.out.line(formatsListing(ctx.session.kernel.release.id));
  return 'ok';
}

function reopen(ctx: DcmdContext): DcmdResult {
  if (ctx.args.length) return 'usage';
  ctx.session.writable = true;
  return 'ok';
}

const quitRow = (name: string, description: string): Dcmd => ({
  name, args: '', address: 'none', description, run: quit, helpFunc: false,
  help: 'Leave fusion-mdb. The model kernel goes with it: nothing written with /W is kept\n' +
    'unless ::persist -f wrote it to an /etc/system file first.',
  example: name.startsWith('$') ? name : `::${name}`,
});

export const CORE_DCMDS: readonly Dcmd[] = [
  quitRow('$q', 'quit debugger'),
  quitRow('$Q', 'quit debugger'),
  quitRow('quit', 'quit debugger'),
  {
    name: '$d', args: '', address: 'optional', description: 'get/set default output radix',
    help: 'With no address, print the radix numbers are read and printed in.\nWith an address N (2 to 16), make N the radix.',
    example: '0t10$d\n$d', run: radix, helpFunc: false,
  },
  {
    name: '$W', args: '', address: 'none', description: 'reopen target in write mode',
    help: 'Open the model kernel for writing, as if fusion-mdb had been started with -w.',
    example: '$W\ntcp_fusion_rcv_unread_min/W 0t32', run: reopen, helpFunc: false,
  },
  {
    name: 'help', args: '[cmd]', address: 'none', description: 'list commands/command help',
    help: 'With no argument, explain the command syntax; with a dcmd name, describe it.',
    example: '::help print', run: help, helpFunc: false,
  },
  {
    name: 'dcmds', args: '', address: 'none', description: 'list available debugger commands',
    help: 'List every dcmd with a one-line description; ::help NAME tells more.', example: '::dcmds', run: dcmds,
    helpFunc: false,
  },
  {
    name: 'formats', args: '', address: 'none', description: 'list format specifiers',
    help: 'List the format characters of / and =, with the size each one reads.\nv w W Z write; the rest read.',
    example: 'tcp_fusion_rcv_unread_min/X\n0t32=O', run: formats, helpFunc: false,
  },
];
