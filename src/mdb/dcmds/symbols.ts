import type { KernelSymbol } from '../../kernel/symbols';
import { memoryText } from '../../kernel/machine';
import { left } from '../printf';
import { addressLabel } from '../readwrite';
import { getopts, optionValue } from './getopts';
import type { Dcmd, DcmdContext, DcmdResult } from './types';

// The symbol table and the target: ::nm, ::status, ::print, ::walk.

/** -f columns and -t types of cmd_nm (mdb_nm.c), in the order mdb prints them. */
const NM_COLUMNS = ['ndx', 'obj', 'val', 'sz', 'type', 'bind', 'oth', 'shndx', 'ctfid', 'ctype', 'name'] as const;
type NmColumn = (typeof NM_COLUMNS)[number];
const NM_DEFAULT: readonly NmColumn[] = ['val', 'sz', 'type', 'bind', 'oth', 'shndx', 'name'];
const NM_TYPES = ['noty', 'objt', 'func', 'sect', 'file', 'comm', 'tls', 'regi'] as const;

/** The column formats of the -d, -o and -x outputs (LP64): value and size, st_other, header width. */
const NM_RADIX = {
  d: { pfmt: (v: bigint) => left(v.toString(10), 20), ofmt: (v: number) => left(v.toString(10), 5), hwidth: 20 },
  o: { pfmt: (v: bigint) => left(v.toString(8), 22), ofmt: (v: number) => left(v.toString(8), 5), hwidth: 22 },
  x: { pfmt: (v: bigint) => `0x${v.toString(16).padStart(16, '0')}`, ofmt: (v: number) => `0x${left(v.toString(16), 3)}`, hwidth: 18 },
} as const;

const NM_HEADERS = (hwidth: number): Record<NmColumn, string> => ({
  ndx: 'Index', obj: left('Object', 15), val: left('Value', hwidth), sz: left('Size', hwidth), type: left('Type', 5),
  bind: left('Bind', 5), oth: left('Other', 5), shndx: left('Shndx', 8), ctfid: left('CTF ID', 9), ctype: left('C Type', 50), name: 'Name',
});

/** A comma-separated -f or -t list (MDB_OPT_SUBOPTS); undefined when a word is not one of `known`. */
function subopts<T extends string>(value: string, known: readonly T[]): Set<T> | undefined {
  const out = new Set<T>();
  for (const w of value.split(',')) {
    if (!(known as readonly string[]).includes(w)) return undefined;
    out.add(w as T);
  }
  return out;
}

/** cmd_nm: the symbol table, all of it, one object's, or the symbol holding `addr`. */
function nm(ctx: DcmdContext): DcmdResult {
  const p = getopts(ctx.args, { D: false, P: false, d: false, g: false, h: false, n: false, o: false, p: false,
    u: false, v: false, x: false, f: true, t: true });
  if (p === 'usage') return 'usage';
  const on = (c: string): boolean => p.options.has(c);
  const s = ctx.session;
  let object: string | undefined;
  if (p.args.length) {
    if (ctx.addr !== undefined || p.args.length !== 1 || (p.args[0] as string).startsWith('-')) return 'usage';
    object = p.args[0];
  }
  let cols: Set<NmColumn> = new Set(NM_DEFAULT);
  let types: Set<string> = new Set(NM_TYPES);
  const f = optionValue(p, 'f');
  const t = optionValue(p, 't');
  if (f !== undefined) cols = subopts(f, NM_COLUMNS) ?? new Set();
  if (t !== undefined) types = subopts(t, NM_TYPES) ?? new Set();
  if ((f !== undefined && cols.size === 0) || (t !== undefined && types.size === 0)) return 'usage';
  const radixes = (['d', 'o', 'x'] as const).filter(on);
  if (radixes.length > 1) {
    s.out.error('-d/-o/-x options are mutually exclusive');
    return 'usage';
  }
  const radix = radixes[0] ?? (s.radix === 8 ? 'o' : s.radix === 10 ? 'd' : 'x');
  if (object !== undefined && on('P')) {
    s.out.error('-P/object options are mutually exclusive');
    return 'usage';
  }
  if (ctx.addr !== undefined && on('P')) {
    s.out.error('-P/address options are mutually exclusive');
    return 'usage';
  }
  const k = s.kernel;
  let syms: KernelSymbol[];
  if (ctx.addr !== undefined) {
    const hit = k.symbolAt(ctx.addr);
    if (!hit) {
      s.out.error(`${ctx.addr.toString(s.radix)}: no symbol corresponds to address`);
      return 'error';
    }
    syms = [hit.sym];
  } else if (on('P')) {
    syms = []; // the private symbol table holds only what ::nmadd added: nothing here
  } else if (object !== undefined) {
    syms = k.symbols.filter((sym) => sym.module === object);
    if (!syms.length && !k.release.modules[k.arch.id].has(object)) {
      s.out.error('failed to iterate over symbols: unknown object file name');
      return 'error';
    }
  } else syms = [...k.symbols];
  // every model symbol is a defined global data object (OBJT, GLOB)
  if (on('u') || !types.has('objt')) syms = [];
  if (on('n')) syms.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  else if (on('v')) syms.sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
  const fmt = NM_RADIX[radix];
  const order = NM_COLUMNS.filter((c) => cols.has(c));
  if (!on('h') && !on('p')) {
    const h = NM_HEADERS(fmt.hwidth);
    s.out.line(order.map((c) => h[c]).join(' '));
  }
  const index = new Map<string, number>();
  for (const sym of k.symbols) index.set(sym.name, k.symbols.filter((x) => x.module === sym.module && x.addr <= sym.addr).length);
  for (const sym of syms) {
    const cell: Record<NmColumn, () => string> = {
      ndx: () => (index.get(sym.name) ?? 0).toString().padStart(5), obj: () => left(sym.module, 15),
      val: () => fmt.pfmt(sym.addr), sz: () => fmt.pfmt(BigInt(sym.size)), type: () => left('OBJT', 5),
      bind: () => left('GLOB', 5), oth: () => fmt.ofmt(0), shndx: () => left('3', 8), ctfid: () => ' '.repeat(9),
      ctype: () => left(sym.entry.type, 50), name: () => sym.name,
    };
    s.out.line(order.map((c) => cell[c]()).join('|'));
  }
  return 'ok';
}

async function status(ctx: DcmdContext): Promise<DcmdResult> {
  if (ctx.args.length) return 'usage';
  const s = ctx.session;
  s.out.line(`debugging live kernel (64-bit) on ${await s.hostname()}`);
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
    name: 'nm', args: '[-DPdghnopuvx] [-f format] [-t types] [object]', address: 'optional', description: 'print symbols',
    help: [
      'List the symbols of the model kernel: value, size, type, binding, other, section and name;',
      'with an address, only the symbol holding it; with an object (a module), only its symbols.',
      'Every model symbol is a global data object (OBJT, GLOB). The model has one symbol table:',
      '-D prints it too; the private table of -P holds nothing (there is no ::nmadd).',
    ].join('\n'),
    options: [
      ['-D', 'print .dynsym instead of .symtab'], ['-P', 'print private symbol table instead of .symtab'],
      ['-d', 'print value and size in decimal'], ['-g', 'only print global symbols'], ['-h', 'suppress header line'],
      ['-n', 'sort symbols by name'], ['-o', 'print value and size in octal'],
      ['-p', 'print symbols as a series of ::nmadd commands'], ['-u', 'only print undefined symbols'],
      ['-v', 'sort symbols by value'], ['-x', 'print value and size in hexadecimal'],
      ['-f format', 'use specified format: ndx, val, sz, type, bind, oth, shndx, name, ctype, obj'],
      ['-t types', 'display symbols with the specified types: noty, objt, func, sect, file, regi'],
    ],
    example: '::nm -n\nncsize::nm -h -f sz\n::nm ! grep fusion', run: nm,
  },
  {
    name: 'status', args: '', address: 'none', description: 'print summary of current target',
    help: 'Name the target: the model kernel, its release and its machine.', example: '::status', run: status,
    helpFunc: false,
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
    example: '::walk tcp_conn_cache', run: walk, helpFunc: false,
  },
];
