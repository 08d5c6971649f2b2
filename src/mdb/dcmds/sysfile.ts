// ::system, as genunix's sysfile dcmd prints the kernel's sysparam list: one
// line per parsed entry, /etc/system.d fragments first, then /etc/system.
//   mdb_printf("%s %s%s%s%s%s\n", cmd, modname, modname ? ":" : "", var, op, val)

import { printable } from '../../etc-system/diagnostic';
import { parseSystemFile, type SystemEntry } from '../../etc-system/parser';
import { bootFiles } from '../session';
import type { DcmdContext, DcmdResult } from './types';

/** sysfile_cmd[]: directives carry their colon; set lines (set64 too) print as `set`. */
function line(e: SystemEntry): string | undefined {
  if (e.kind === 'directive') return `${e.command}: ${e.argument}`;
  // LP64: set32 entries are dropped when parsed and never reach the list.
  if (e.command === 'set32') return undefined;
  const mod = e.module === undefined ? '' : `${e.module}:`;
  // A string (only '=' takes one) prints quoted; a number as 0x%llx [0t%llu].
  const val = e.value.kind === 'string'
    ? `"${printable(e.value.value)}"`
    : `0x${BigInt.asUintN(64, e.value.value).toString(16)} [0t${BigInt.asUintN(64, e.value.value)}]`;
  return `set ${mod}${e.name}${e.op}${val}`;
}

export function sysfile(ctx: DcmdContext): DcmdResult {
  if (ctx.args.length > 0 || ctx.addr !== undefined) return 'usage';
  const boot = ctx.session.boots.running;
  if (!boot) return 'ok';
  for (const f of bootFiles(boot)) {
    for (const e of parseSystemFile(f.data, f.path).entries) {
      const text = line(e);
      if (text !== undefined) ctx.session.out.line(text);
    }
  }
  return 'ok';
}
