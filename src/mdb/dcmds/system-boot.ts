// ::etcsystem [FILE] and ::reboot: the /etc/system the kernel boots from, and the
// reboot that makes mdb's writes disappear (loaded on first use).

import { cannotOpen } from '../../etc-system/checker';
import type { Diagnostic } from '../../etc-system/diagnostic';
import { qualifiedName } from '../../etc-system/hints';
import { parseSystemFile, type SystemEntry } from '../../etc-system/parser';
import { readRegularFile } from '../../io';
import type { Kernel } from '../../kernel/kernel';
import { renderDiagnostics } from '../../render/diagnostics';
import { bootedKernel } from '../booted-kernel';
import type { Session } from '../session';
import type { DcmdContext, DcmdResult } from './types';

export const counted = (n: number, thing: string): string => `${n} ${thing}${n === 1 ? '' : 's'}`;

/** Up to five names, then how many more. */
function names(list: readonly string[]): string {
  const more = list.length > 5 ? `, and ${list.length - 5} more` : '';
  return `${list.slice(0, 5).join(', ')}${more}`;
}

/** An entry as the kernel will apply it. */
function entryLine(e: SystemEntry): string {
  if (e.kind === 'directive') return `${e.command}: ${e.argument}`;
  const line = `${e.command} ${qualifiedName(e.module, e.name)} ${e.op} ${e.valueText}`;
  return e.command === 'set32' ? `${line}   (ignored: the kernel is 64-bit)` : line;
}

function tally(ds: readonly Diagnostic[]): string {
  const errors = ds.filter((d) => d.severity === 'error').length;
  const warnings = ds.filter((d) => d.severity === 'warning').length;
  return [errors ? counted(errors, 'error') : '', warnings ? counted(warnings, 'warning') : ''].filter(Boolean).join(', ');
}

function showBootFile(s: Session): DcmdResult {
  const file = s.boots.next;
  if (!file) {
    s.out.line(`no boot file: the kernel boots from the ${s.kernel.release.id} defaults; ::etcsystem FILE (or --etc-system FILE) sets one`);
    return 'ok';
  }
  const running = s.boots.running;
  const when = !s.boots.pending ? 'the running kernel booted from it'
    : `read at the next ::reboot; the running kernel booted from ${running ? running.path : 'the release defaults'}`;
  s.out.line(`boot file: ${file.path} (${when})`);
  // /etc/system.d fragments are read first; ::system lists their lines too.
  for (const f of file.fragments ?? []) s.out.line(`  read before it: ${f.path}`);
  const { entries } = parseSystemFile(file.data, file.path);
  if (entries.length === 0) s.out.line('  no set line or directive: the kernel boots with the release defaults');
  for (const e of entries) s.out.line(`${String(e.at.line).padStart(6)}  ${entryLine(e)}`);
  const { diagnostics } = bootedKernel(s, file);
  s.out.line('');
  if (diagnostics.length === 0) s.out.line('the kernel boots from it without a message');
  else s.out.raw(renderDiagnostics(diagnostics, { terminal: s.terminal, theme: s.theme }));
  return 'ok';
}

async function useBootFile(s: Session, path: string): Promise<DcmdResult> {
  const data = await readRegularFile(s.fs, path);
  if (data === undefined) {
    s.out.error(cannotOpen(path).message);
    return 'error';
  }
  // The /etc/system.d fragments stay: they are read before whichever /etc/system boots.
  const file = { path, data, ...(s.boots.next?.fragments ? { fragments: s.boots.next.fragments } : {}) };
  s.boots.setNext(file);
  const said = tally(bootedKernel(s, file).diagnostics);
  s.out.line(`the next boot reads ${path}${said ? ` (${said}: ::etcsystem shows them)` : ''}; ::reboot applies it`);
  return 'ok';
}

export function etcsystem(ctx: DcmdContext): DcmdResult | Promise<DcmdResult> {
  if (ctx.args.length > 1 || ctx.addr !== undefined) return 'usage';
  const path = ctx.args[0];
  return path === undefined ? showBootFile(ctx.session) : useBootFile(ctx.session, path);
}

/** A live value set by mdb or ndd, and how to read it in another kernel. */
interface Changed {
  name: string;
  value: bigint;
  in(k: Kernel): bigint | undefined;
}

function changed(k: Kernel): { vars: Changed[]; ndd: Changed[] } {
  return {
    vars: k.symbols.filter((sym) => k.provenance(sym.name) === 'mdb').map((sym) => ({
      name: sym.name, value: k.value(sym),
      in: (other) => { const s = other.lookup(sym.name); return s && other.value(s); },
    })),
    ndd: k.nddParams().filter((p) => p.provenance === 'ndd').map(({ param, value }) => ({
      name: param.name, value: BigInt(value),
      in: (other) => { const v = other.ndd(param.device, param.name); return v && BigInt(v.value); },
    })),
  };
}

/** What the new kernel did not give back (an /etc/system line written by ::persist -f keeps a variable). */
function losses(before: { vars: Changed[]; ndd: Changed[] }, k: Kernel, connections: number): string[] {
  const lost = (list: Changed[]): string[] => list.filter((c) => c.in(k) !== c.value).map((c) => c.name);
  const vars = lost(before.vars);
  const ndd = lost(before.ndd);
  const kept = before.vars.length - vars.length;
  return [
    vars.length ? `rebooted: mdb changes to ${counted(vars.length, 'variable')} were lost (${names(vars)})\n` +
      '  mdb writes only the running kernel: ::persist -f FILE before ::reboot keeps them in /etc/system' : '',
    kept ? `rebooted: ${counted(kept, 'mdb change')} came back from /etc/system` : '',
    ndd.length ? `rebooted: ndd settings of ${counted(ndd.length, 'parameter')} were lost (${names(ndd)}); ${k.release.nddPersistence}` : '',
    connections ? `rebooted: ${counted(connections, 'live connection')} closed` : '',
  ].filter(Boolean);
}

export async function reboot(ctx: DcmdContext): Promise<DcmdResult> {
  if (ctx.args.length > 0 || ctx.addr !== undefined) return 'usage';
  const s = ctx.session;
  const before = changed(s.kernel);
  const connections = s.connections.length;
  const diagnostics = await s.reboot();
  // The console shows the boot messages; the session keeps them on stderr, as at start-up.
  if (diagnostics.length) s.out.errorRaw(renderDiagnostics(diagnostics, { terminal: false, theme: s.theme }).trimEnd());
  s.out.line(`rebooted: the kernel booted from ${s.boots.running ? s.boots.running.path : `the ${s.kernel.release.id} defaults (no boot file)`}`);
  for (const line of losses(before, s.kernel, connections)) s.out.line(line);
  return 'ok';
}
