// ::arc (the zfs module's arc_print) and ::memstat (genunix memory.c) over the
// model kernel as the boot left it.

import { ARC_EXTRAS, ARC_STATS, isByteStat } from '../../kernel/arcstats';
import type { KernelSymbol } from '../../kernel/symbols';
import { bootPageCensus } from '../../kernel/memstat';
import { getopts } from './getopts';
import type { DcmdContext, DcmdResult } from './types';

const SUFFIX: Record<number, string> = { 0: 'B', 10: 'KB', 20: 'MB', 30: 'GB' };
const pad = (s: string, w: number): string => (s.length >= w ? s : ' '.repeat(w - s.length) + s);
const name25 = (s: string): string => (s.length >= 25 ? s : s + ' '.repeat(25 - s.length));

// arc_print(): -k -m -g set bits of the shift (MDB_OPT_SETBITS ORs them); -a is ignored.
const BITS: Record<string, number> = { k: 10, m: 20, g: 30 };

export function arc(ctx: DcmdContext): DcmdResult {
  if (ctx.addr !== undefined) return 'usage';
  const opts = getopts(ctx.args, { a: false, b: false, k: false, m: false, g: false });
  if (opts === 'usage' || opts.args.length > 0) return 'usage';
  let shift = 0;
  for (const letter of opts.options.keys()) shift |= BITS[letter] ?? 0;
  if (!opts.options.has('b') && shift === 0) shift = 20;
  const suffix = SUFFIX[shift] as string;
  const k = ctx.session.kernel;
  const out = ctx.session.out;
  for (const stat of ARC_STATS) {
    const v = k.arcstats.get(stat) ?? 0n;
    out.line(isByteStat(stat) ? `${name25(stat)} = ${pad(String(v >> BigInt(shift)), 9)} ${suffix}` : `${name25(stat)} = ${pad(String(v), 9)}`);
  }
  for (const extra of ARC_EXTRAS) {
    // arc_no_grow is an int (%9d); arc_tempreserve a uint64_t byte count.
    out.line(extra.size === 4 ? `${name25(extra.name)} = ${pad('0', 9)}` : `${name25(extra.name)} = ${pad('0', 9)} ${suffix}`);
  }
  return 'ok';
}

export function memstat(ctx: DcmdContext): DcmdResult {
  if (ctx.args.length > 0 || ctx.addr !== undefined) return 'usage';
  const k = ctx.session.kernel;
  const read = (name: string): bigint => k.value(k.lookup(name) as KernelSymbol);
  const physmem = read('physmem');
  const totalPages = read('total_pages');
  const pagesize = k.pages.pageSize;
  const c = bootPageCensus(k);
  const mb = (n: bigint): string => pad(String(BigInt.asUintN(64, n * pagesize) / (1n << 20n)), 16);
  // MS_PCT_TOTAL: total_pages rounds, physmem divides.
  // A physmem written to 0 with mdb would make mdb divide by zero; the model says 0%.
  const pct = (n: bigint): string => pad(String(physmem === 0n ? 0n : BigInt.asUintN(64, 5n * totalPages + n * 1000n) / (physmem * 10n)), 3);
  const row = (label: string, n: bigint): string => `${label.padEnd(17)}${pad(String(n), 16)}  ${mb(n)}  ${pct(n)}%`;
  const out = ctx.session.out;
  out.line('Page Summary                Pages                MB  %Tot');
  out.line('------------     ----------------  ----------------  ----');
  out.line(row('Kernel', c.kernel));
  if (c.zfsData !== 0n) out.line(row('ZFS File Data', c.zfsData));
  out.line(row('Anon', c.anon));
  out.line(row('Exec and libs', c.exec));
  out.line(row('Page cache', c.pageCache));
  out.line(row('Free (cachelist)', c.cachelist));
  out.line(row('Free (freelist)', physmem > c.total ? physmem - c.total : 0n));
  out.line('');
  out.line(`${'Total'.padEnd(17)}${pad(String(physmem), 16)}  ${mb(physmem)}`);
  if (physmem !== totalPages) out.line(`${'Physical'.padEnd(17)}${pad(String(totalPages), 16)}  ${mb(totalPages)}`);
  return 'ok';
}
