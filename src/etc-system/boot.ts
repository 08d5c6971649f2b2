// Booting the model kernel from its release defaults plus a parsed system file:
// modsysfile.c check_system_file() (duplicates), then sys_set_var() for each set
// line in file order, with fusion-mdb's checks of what got stored.

import { toSigned, truncate, type Kernel } from '../kernel/kernel';
import type { KernelSymbol } from '../kernel/symbols';
import { editDistance } from '../kernel/explain';
import { isKernelProper, type ReleaseCatalogue, type VariableEntry } from '../kernel/types';
import { severityOf } from './codes';
import type { Diagnostic, DiagnosticCode, Fix, Form } from './diagnostic';
import { printable } from './diagnostic';
import * as H from './hints';
import type { ParsedSystemFile, SetEntry, Span, SystemEntry } from './parser';
import { knownModules, resolve, type Resolution } from './resolve';
import { recipeFor, type BootEvent } from '../kernel/derive';
import { memoryText } from '../kernel/machine';

interface Said {
  code: DiagnosticCode;
  form: Form;
  message: string;
  hint?: string | undefined;
  fix?: Fix | undefined;
}

function diagnostic(path: string, at: Span, said: Said): Diagnostic {
  const { hint, fix } = said;
  // Names from the file may hold any byte: shown as \ooo, as the parser's messages are.
  // Built field by field (no spread of the said): one object per diagnostic.
  const severity = severityOf(said.code);
  const message = printable(said.message);
  const d: Diagnostic = hint
    ? { file: path, line: at.line, column: at.column, severity, code: said.code, form: said.form, message, hint: printable(hint), text: at.text, length: at.length }
    : { file: path, line: at.line, column: at.column, severity, code: said.code, form: said.form, message, text: at.text, length: at.length };
  if (fix) d.fix = fix;
  return d;
}

/** A set line or directive and the file it came from (a fragment or /etc/system). */
interface Placed<E extends SystemEntry = SystemEntry> {
  e: E;
  path: string;
}

/**
 * Reboots `kernel`: every variable back to its compiled value (loadDefaults),
 * then the set lines of the files in order (/etc/system.d fragments first,
 * then /etc/system: one list, as the kernel reads them), stored at the
 * symbol's size with provenance 'etc-system', then the kernel's boot-time
 * derivations. Returns what the kernel and fusion-mdb say about it; the parse
 * diagnostics stay in each file's `diagnostics`.
 */
export function bootKernel(kernel: Kernel, files: ParsedSystemFile | readonly ParsedSystemFile[]): Diagnostic[] {
  kernel.loadDefaults();
  const list = (Array.isArray(files) ? files : [files]) as readonly ParsedSystemFile[];
  const out = duplicates(list);
  const modules = knownModules(kernel.release, kernel.arch.id);
  // What a name refers to depends only on the kernel: resolved once per kernel, not per boot.
  // Keyed by module, then name: the strings the parser interned, so a lookup hashes no new string.
  const resolved = resolutions.get(kernel) ?? new Map<string, Map<string, Resolution>>();
  resolutions.set(kernel, resolved);
  // Each symbol's value so far and its last set line; stored once at the end
  // (the same bytes as storing line by line, without a write per line).
  const stored = new Map<KernelSymbol, bigint>();
  // The last set line of each symbol and its file (two maps: nothing made per line).
  const lastEntry = new Map<string, SetEntry>();
  const lastPath = new Map<string, string>();
  for (const f of list) {
    const path = f.path;
    for (const e of f.entries) {
      if (e.kind !== 'set') continue;
      if (e.command === 'set32') {
        out.push(diagnostic(path, e.at, { code: 'set32-ignored', form: 'ours', message: H.SET32_IGNORED }));
        continue;
      }
      let inModule = resolved.get(e.module ?? '');
      if (!inModule) { inModule = new Map(); resolved.set(e.module ?? '', inModule); }
      let res = inModule.get(e.name);
      if (!res) { res = resolve(kernel, modules, e.module, e.name); inModule.set(e.name, res); }
      if (res.kind === 'variable') {
        const before = stored.get(res.sym) ?? kernel.value(res.sym);
        stored.set(res.sym, apply(kernel, res.sym, e, before, path, out));
        lastEntry.set(res.sym.name, e);
        lastPath.set(res.sym.name, path);
      } else {
        out.push(diagnostic(path, e.at, unresolved(kernel, res, e)));
      }
    }
  }
  const lastSet = new Map<string, Placed<SetEntry>>();
  for (const [name, e] of lastEntry) lastSet.set(name, { e, path: lastPath.get(name) as string });
  for (const [sym, value] of stored) kernel.write(sym.addr, sym.size, value, 'etc-system');
  // Judged as stored, before the boot's derivations change anything.
  const initial = recipeFor(kernel.release.id).initial;
  const ranged: { name: string; d: Diagnostic }[] = [];
  for (const [name, { e, path }] of lastSet) {
    const sym = kernel.lookup(name) as KernelSymbol;
    // The compiled value (0, or -1 for ncsize) asks the kernel to work it out; ranges
    // sized for the catalogue's 8 GB machine are judged against this one by setupclock.
    if (MEMORY_SIZED.has(name) || kernel.value(sym) === BigInt.asUintN(sym.size * 8, initial[name] ?? -2n)) continue;
    const said = rangeCheck(kernel, sym);
    if (said) ranged.push({ name, d: diagnostic(path, e.valueAt, said) });
  }
  const events = kernel.deriveAtBoot();
  // Where the kernel itself limits or replaces the value, its word (or ours about it) is enough.
  const spoken = new Set(events.map((ev) => ev.name));
  out.push(...ranged.filter((r) => !spoken.has(r.name)).map((r) => r.d));
  for (const ev of events) out.push(bootEvent(kernel, ev, lastSet, list[list.length - 1]?.path ?? ''));
  return out;
}

const resolutions = new WeakMap<Kernel, Map<string, Map<string, Resolution>>>();

/** Variables whose bounds follow the machine's memory: the boot's derivations judge them. */
const MEMORY_SIZED: ReadonlySet<string> = new Set([
  'physmem', 'physinstalled', 'total_pages', 'lotsfree', 'desfree', 'minfree', 'throttlefree', 'pageout_reserve',
  'fastscan', 'slowscan', 'handspreadpages', 'swapfs_minfree',
]);

// The WARNING about ufs_HW is as much about the ufs_LW line; ufs_ninode goes to its max when ncsize is 0.
const ALSO_ANCHORED: Readonly<Record<string, readonly string[]>> = { ufs_HW: ['ufs_LW'], ufs_ninode: ['ncsize'] };

/** A boot-time message, placed at the set line it is about (if /etc/system has one). */
function bootEvent(kernel: Kernel, ev: BootEvent, lastSet: ReadonlyMap<string, Placed<SetEntry>>, fallbackPath: string): Diagnostic {
  const anchor = [ev.name, ...(ALSO_ANCHORED[ev.name] ?? [])].map((n) => lastSet.get(n)).find((p) => p !== undefined);
  const hint = `the kernel runs with what ::tunables shows for ${ev.name}; the limits follow the machine (here --arch ${kernel.arch.id} --memory ${memoryText(kernel.machine.memory)})`;
  const said: Said = ev.form === 'ours'
    ? { code: ev.kind === 'clamped' ? 'clamped-at-boot' : 'ignored-at-boot', form: 'ours', message: ev.message, hint }
    : { code: 'boot-message', form: ev.form, message: ev.message, hint };
  if (anchor) return diagnostic(anchor.path, anchor.e.valueAt, said);
  const { hint: h, ...rest } = said;
  return { file: fallbackPath, line: 0, column: 0, severity: severityOf(said.code), ...rest, ...(h ? { hint: h } : {}), text: '' };
}

// modsysfile.c sys_set_var(): the line the kernel prints for a variable the module lacks.
export function sorryLine(e: SetEntry): string {
  return e.module === undefined
    ? `sorry, variable '${e.name}' is not defined in the 'kernel' `
    : `sorry, variable '${e.name}' is not defined in the '${e.module}' module`;
}

function unresolved(kernel: Kernel, res: Exclude<Resolution, { kind: 'variable' }>, e: SetEntry): Said {
  const release = kernel.release;
  // After the sorry line the kernel goes on without the setting: the hint says so, then what to write.
  const sorry = (code: DiagnosticCode, hint: string | undefined, fix?: Fix): Said => ({
    code, form: 'printf', message: sorryLine(e), hint: hint === undefined ? 'the line is ignored' : `the line is ignored; ${hint}`, fix,
  });
  // A module the kernel never loads: it prints nothing, the line is simply never applied.
  const never = (code: DiagnosticCode, hint: string | undefined, fix?: Fix): Said => ({
    code, form: 'ours', message: H.neverAppliedMessage(e, release, kernel.arch.id), hint, fix,
  });
  switch (res.kind) {
    case 'wrong-module': {
      const fix = onlyHome(release, res.entry) ? renameFix(e, res.entry) : undefined;
      const hint = H.wrongModuleHint(res.entry, e, twinsOf(kernel, res.entry));
      return res.moduleKnown ? sorry('wrong-module', hint, fix) : never('wrong-module', hint, fix);
    }
    case 'ndd-parameter': return (res.moduleKnown ? sorry : never)('ndd-parameter', H.nddHint(res.param, e, release));
    case 'removed': return sorry('removed', `${H.removedHint(res.entry, release)}; delete the line`);
    case 'near-miss': return sorry('near-miss', `${H.nearMissHint(res.entry)} ${H.writeInstead(res.entry, e)}`, onlyNearMiss(release, e, res.entry) ? renameFix(e, res.entry) : undefined);
    case 'unknown-variable': return sorry('unknown-variable', H.completeModuleHint(release, res.module, kernel.arch.id));
    case 'other-arch': {
      const hint = H.otherArchHint(e, res.arch, kernel.arch.id, res.entry);
      // A kernel-proper variable of the other platform: unix is loaded, and says "sorry".
      return e.module === undefined ? sorry('other-arch', hint) : { code: 'other-arch', form: 'ours', message: H.otherArchMessage(e, res.arch, kernel.arch.id), hint };
    }
    case 'not-catalogued': return {
      code: 'not-catalogued', form: 'ours', message: H.notCataloguedMessage(e),
      hint: res.elsewhere ? H.otherReleaseHint(res.elsewhere.entry, res.elsewhere.release, release) : res.near && H.nearMissHint(res.near),
    };
    case 'unknown-module': return {
      code: 'unknown-module', form: 'ours',
      message: H.unknownModuleMessage(e, release), hint: res.nearModule && H.nearModuleHint(e, res.nearModule),
    };
  }
}

/** `[module:]name` rewritten to the catalogued variable's own spelling. */
function renameFix(e: SetEntry, v: VariableEntry): Fix {
  return { line: e.at.line, column: e.at.column, endColumn: e.at.column + e.at.length, text: H.qualifiedName(v.module, v.name) };
}

const live = (release: ReleaseCatalogue): VariableEntry[] => release.variables.filter((v) => v.status !== 'removed');

/** The other modules of this machine that define the same variable (pcplusmp and apix). */
const twinsOf = (kernel: Kernel, v: VariableEntry): VariableEntry[] =>
  kernel.symbols.filter((s) => s.name === v.name && s.module !== v.module).map((s) => s.entry);

/** Answers that depend only on the release and a name, worked out once (a mistake repeated on 10,000 lines costs one search). */
const answers = new WeakMap<ReleaseCatalogue, Map<string, boolean>>();
function answer(release: ReleaseCatalogue, key: string, work: () => boolean): boolean {
  let m = answers.get(release);
  if (!m) { m = new Map(); answers.set(release, m); }
  let a = m.get(key);
  if (a === undefined) { a = work(); m.set(key, a); }
  return a;
}

// checker.md: a missing or wrong module is fixed only where exactly one module has the variable.
function onlyHome(release: ReleaseCatalogue, v: VariableEntry): boolean {
  return answer(release, `home ${v.name}`, () => new Set(live(release).filter((x) => x.name === v.name).map((x) => x.module)).size === 1);
}

// checker.md: a near-miss name is fixed only where exactly one catalogued name (in
// the module the line names, or the kernel proper) is one edit away.
function onlyNearMiss(release: ReleaseCatalogue, e: SetEntry, v: VariableEntry): boolean {
  return answer(release, `near ${e.module ?? ''}:${e.name} ${v.arch ?? ''}:${v.module}:${v.name}`, () => {
    const inScope = (x: VariableEntry): boolean => (e.module === undefined ? isKernelProper(x.module) : x.module === e.module);
    const near = live(release).filter((x) => inScope(x) && editDistance(e.name, x.name, 1) <= 1);
    return near.length === 1 && near[0] === v;
  });
}

// set_int{8,16,32,64}_var(): '=' stores, '|' and '&' combine with the value so
// far; the store truncates to the symbol's size. Returns the value after `e`.
function apply(kernel: Kernel, sym: KernelSymbol, e: SetEntry, before: bigint, path: string, out: Diagnostic[]): bigint {
  const v = sym.entry;
  if (v.status === 'obsolete') {
    out.push(diagnostic(path, e.at, { code: 'obsolete', form: 'ours', message: H.obsoleteMessage(v, kernel.release), hint: H.obsoleteHint(v) }));
  }
  if (e.value.kind === 'string') {
    out.push(diagnostic(path, e.valueAt, { code: 'string-value', form: 'ours', message: H.stringValueMessage(v) }));
    return before;
  }
  const value = e.value.value;
  if (!fits(value, sym.size)) {
    out.push(diagnostic(path, e.valueAt, {
      code: 'too-wide', form: 'ours', message: H.tooWideMessage(v, e, sym.size, truncate(value, sym.size)),
    }));
  }
  return truncate(e.op === '=' ? value : e.op === '|' ? before | value : before & value, sym.size);
}

/** A 64-bit value fits `size` bytes when truncating loses nothing but a sign or zero extension (-1, ~1). */
function fits(value: bigint, size: KernelSymbol['size']): boolean {
  const t = truncate(value, size);
  return t === value || BigInt.asUintN(64, toSigned(t, size)) === value;
}

function rangeCheck(kernel: Kernel, sym: KernelSymbol): Said | undefined {
  const range = sym.entry.range;
  if (!range) return undefined;
  const raw = kernel.value(sym);
  const value = sym.signed ? toSigned(raw, sym.size) : raw;
  if (value >= BigInt(range[0]) && value <= BigInt(range[1])) return undefined;
  return { code: 'out-of-range', form: 'ours', message: H.outOfRangeMessage(sym.entry, value, range) };
}

// modsysfile.c sysparam_compare_entry(): rootdev, rootfs, swapdev, swapfs and
// moddir are one setting each; exclude and forceload repeat per argument; set
// lines repeat per [module:]name (set and set64 alike). Two parts, so that a
// set line is grouped by the strings the parser made, without building a key:
// a module, or a directive's name after a space (no module name has one).
function groupOf(e: SystemEntry): string {
  if (e.kind === 'set') return e.module ?? '';
  return ` ${e.command}`;
}

function keyIn(e: SystemEntry): string {
  if (e.kind === 'set') return e.name;
  return e.command === 'exclude' || e.command === 'forceload' ? e.argument : '';
}

/** `line 4`, or `line 4 of /etc/system.d/x` when it is in another file than the final one. */
const lineOf = (e: SystemEntry, from: string, path: string): string => (from === path ? `${e.at.line}` : `${e.at.line} of ${from}`);

/** The lines of one setting (or directive) in file order, and the file of each. */
interface Group {
  es: SystemEntry[];
  paths: string[];
}

// modsysfile.c check_system_file(): a repeat counts when it is another '=' (or
// any other directive); the value shown is folded from the second entry on.
// Fragments and /etc/system are one list, so a repeat across them counts too.
function duplicates(files: readonly ParsedSystemFile[]): Diagnostic[] {
  const byGroup = new Map<string, Map<string, Group>>();
  // The groups in the order of their first line.
  const groups: Group[] = [];
  for (const f of files) {
    for (const e of f.entries) {
      // LP64 kernel: do_sysfile_cmd() drops set32 lines right after parsing them.
      if (e.kind === 'set' && e.command === 'set32') continue;
      const outer = groupOf(e);
      let inner = byGroup.get(outer);
      if (!inner) { inner = new Map(); byGroup.set(outer, inner); }
      const key = keyIn(e);
      const g = inner.get(key);
      if (g) { g.es.push(e); g.paths.push(f.path); } else {
        const fresh = { es: [e], paths: [f.path] };
        inner.set(key, fresh);
        groups.push(fresh);
      }
    }
  }
  const out: Diagnostic[] = [];
  for (const { es, paths } of groups) {
    // The decisive line: the last repeat that is another '=' (or any other directive).
    let decisive = es.length - 1;
    for (; decisive >= 1; decisive--) {
      const e = es[decisive] as SystemEntry;
      if (e.kind === 'directive' || e.op === '=') break;
    }
    if (decisive < 1) continue;
    const final = es[es.length - 1] as SystemEntry;
    const path = paths[paths.length - 1] as string;
    // Only the lines the hint names are spelt out (a setting repeated 10,000 times names five).
    const overridden: string[] = [];
    for (let i = 0; i < Math.min(decisive, 5); i++) overridden.push(lineOf(es[i] as SystemEntry, paths[i] as string, path));
    // A repeated exclude or forceload does the same thing twice: nothing is overridden.
    const repeatsOnly = final.kind === 'directive' && (final.command === 'exclude' || final.command === 'forceload');
    const said = duplicateSaid(es, final, path);
    const decisiveLine = lineOf(es[decisive] as SystemEntry, paths[decisive] as string, path);
    out.push(diagnostic(path, final.at, { ...said, hint: repeatsOnly ? undefined : H.duplicateHint(decisiveLine, overridden, decisive) }));
  }
  return out;
}

function duplicateSaid(g: readonly SystemEntry[], final: SystemEntry, path: string): Said {
  if (final.kind === 'directive') {
    return final.command === 'exclude' || final.command === 'forceload'
      ? { code: 'repeated-directive', form: 'notice', message: `"${final.command}: ${printable(final.argument)}" appears more than once in ${path}.` }
      : { code: 'duplicate', form: 'warn', message: `"${final.command}" appears more than once in ${path}.` };
  }
  const name = H.entryName(final);
  return {
    code: 'duplicate', form: 'warn',
    message: `${name} is set more than once in ${path}. "set ${name} = ${shownValue(g, final)}" applied as the current setting.`,
  };
}

// sysparam_print_warning(): a string as it is, hex as 0x%llx, otherwise %lld.
function shownValue(g: readonly SystemEntry[], final: SetEntry): string {
  if (final.value.kind === 'string') return printable(final.value.value);
  let v = 0n;
  for (const e of g.slice(1)) {
    if (e.kind !== 'set') continue;
    const x = e.value.kind === 'number' ? e.value.value : 0n;
    v = e.op === '=' ? x : e.op === '|' ? v | x : v & x;
  }
  return final.value.hex ? `0x${v.toString(16)}` : BigInt.asIntN(64, v).toString();
}
