import { memoryText } from '../../kernel/machine';
import { left } from '../printf';
import { addressLabel } from '../readwrite';
import type { Dcmd, DcmdContext, DcmdResult } from './types';

// The symbol table and the target: ::nm, ::status, ::print, ::walk.

const hex16 = (v: bigint): string => `0x${v.toString(16).padStart(16, '0')}`;

/** mdb_nm.c: `0x%016llx|0x%016llx|%-5s|%-5s|0x%-3x|%-8s|%s` under a header. */
function nm(ctx: DcmdContext): DcmdResult {
  const opts = new Set(ctx.args);
  for (const a of opts) if (a !== '-n' && a !== '-v' && a !== '-h') return 'usage';
  const k = ctx.session.kernel;
  const syms = [...k.symbols];
  if (opts.has('-n')) syms.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out = ctx.session.out;
  if (!opts.has('-h')) {
    out.line(['Value', 'Size', 'Type', 'Bind', 'Other', 'Shndx', 'Name']
      .map((h, i) => left(h, [18, 18, 5, 5, 5, 8, 0][i] as number)).join(' '));
  }
  for (const s of syms) {
    out.line([hex16(s.addr), hex16(BigInt(s.size)), 'OBJT ', 'GLOB ', '0x0  ', left('3', 8), s.name].join('|'));
  }
  return 'ok';
}

function status(ctx: DcmdContext): DcmdResult {
  if (ctx.args.length) return 'usage';
  const s = ctx.session;
  s.out.line(`debugging live kernel (64-bit) on ${s.hostname}`);
  s.out.line(`operating system: ${s.kernel.release.uname} (${s.kernel.arch.id})`);
  const m = s.kernel.machine;
  // Not in mdb's ::status: the model machine, which the boot-time values follow.
  s.out.line(`model machine: ${memoryText(m.memory)} of memory, ${m.ncpus} CPUs (--memory, --ncpus): ${s.kernel.pages.physinstalled} pages of ${s.kernel.pages.pageSize} bytes installed`);
  return 'ok';
}

/** mdb_print.c for a scalar: `%#r` hex, or `-d` decimal with `0t` above 9; boolean_t by name. */
function print(ctx: DcmdContext): DcmdResult {
  const decimal = ctx.args[0] === '-d';
  if (ctx.args.length > (decimal ? 1 : 0)) return 'usage';
  const s = ctx.session;
  const addr = ctx.addr ?? s.dot;
  const at = s.kernel.symbolAt(addr);
  if (!at || at.offset !== 0n) {
    s.out.error(`no symbol information for ${addressLabel(s, addr)}`);
    return 'error';
  }
  const { sym } = at;
  const raw = s.kernel.value(sym);
  if (sym.entry.type === 'boolean_t' && (raw === 0n || raw === 1n)) {
    s.out.line(raw === 1n ? 'B_TRUE' : 'B_FALSE');
    return 'ok';
  }
  const v = sym.signed ? BigInt.asIntN(sym.size * 8, raw) : raw;
  const neg = v < 0n ? '-' : '';
  const mag = v < 0n ? -v : v;
  if (decimal) s.out.line(`${neg}${mag > 9n ? '0t' : ''}${mag.toString(10)}`);
  else s.out.line(`${neg}${mag === 0n ? '0' : `0x${mag.toString(16)}`}`);
  return 'ok';
}

function walk(ctx: DcmdContext): DcmdResult {
  if (ctx.args.length < 1 || ctx.args.length > 2) return 'usage';
  ctx.session.out.error(`failed to perform walk: unknown walk name`);
  return 'error';
}

export const SYMBOL_DCMDS: readonly Dcmd[] = [
  {
    name: 'nm', args: '[-hn]', address: 'none', description: 'print symbols',
    help: 'List the symbols of the model kernel: address, size, type, binding, section and name.',
    options: [['-h', 'leave out the header line'], ['-n', 'sort by name (default: by address)']],
    example: '::nm -n', run: nm,
  },
  {
    name: 'status', args: '', address: 'none', description: 'print summary of current target',
    help: 'Name the target: the model kernel, its release and its machine.', example: '::status', run: status,
  },
  {
    name: 'print', args: '[-d]', address: 'optional', description: 'print the contents of a data structure',
    help: 'Print the variable at the address with its C type: integers in hex (%#x),\nboolean_t as B_TRUE or B_FALSE.',
    options: [['-d', 'integers in decimal, 0t before values above 9']],
    example: 'tcp_fusion_rcv_unread_min::print -d', run: print,
  },
  {
    name: 'walk', args: 'name [variable]', address: 'optional', description: 'walk data structure',
    help: 'Walk a kernel data structure. The model kernel has no walkers: use ::netstat\nand ::fuse for its connections.',
    example: '::walk tcp_conn_cache', run: walk,
  },
];
