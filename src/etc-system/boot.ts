// Booting the model kernel from its release defaults plus a parsed system file:
// modsysfile.c check_system_file() (duplicates), then sys_set_var() for each set
// line in file order, with fusion-mdb's checks of what got stored.

import { toSigned, truncate, type Kernel } from '../kernel/kernel';
import type { KernelSymbol } from '../kernel/symbols';
import { editDistance } from '../kernel/explain';
import { isKernelProper, type ReleaseCatalogue, type VariableEntry } from '../kernel/types';
import { makeDiagnostic, type Diagnostic, type DiagnosticCode, type Wording } from './diagnostic';
import type { SetEntry, SetValue } from './entries';
import type { SetTable } from './set-table';
import { duplicates, fileAt, GroupTable, linesOf, rowAt, type Groups, type Lines, type SetGroup } from './groups';
import * as H from './hints';
import type { ParsedSystemFile } from './parser';
import { diagnostic, shownOnce, wordingOf, type Said, type Shown } from './said';
import { knownModules, resolve, type Resolution } from './resolve';
import { recipeFor, type BootEvent } from '../kernel/derive';
import { memoryText } from '../kernel/machine';

/** A symbol's last set line: where the boot's messages about it are placed. */
interface LastSet {
  sets: SetTable;
  row: number;
  path: string;
}

/** What bootKernel keeps per kernel from boot to boot. */
interface KernelState {
  groups: GroupTable;
  /** Per symbol (by layout index): the boot that last set it, and the first group that did. */
  setIn: Int32Array;
  first: (SetGroup | undefined)[];
  /** Per symbol: what its range check needs (null: no range to judge; undefined: not yet worked out). */
  limits: (Limits | null | undefined)[];
  /** Per symbol: what its one set line stored last time, when nothing was said about the line itself. */
  stored: (Stored | undefined)[];
}

/** A variable's one set line, worked out: from the compiled value, the same value and operator store the same and draw the same verdict. */
interface Stored {
  /** The line's value (applyOne()), or its plain number (applyStore(), else NaN). */
  given: SetValue | undefined;
  plain: number;
  op: number;
  value: bigint;
  /** The range check's verdict on the stored value. */
  said: Said | undefined;
}

const states = new WeakMap<Kernel, KernelState>();

function stateOf(kernel: Kernel): KernelState {
  let st = states.get(kernel);
  if (!st) {
    const n = kernel.symbols.length;
    st = {
      groups: new GroupTable(), setIn: new Int32Array(n), first: new Array<SetGroup | undefined>(n).fill(undefined),
      limits: new Array<Limits | null | undefined>(n).fill(undefined), stored: new Array<Stored | undefined>(n).fill(undefined),
    };
    states.set(kernel, st);
  }
  return st;
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
  const st = stateOf(kernel);
  const groups = st.groups.groupLines(list);
  const gen = groups.gen;
  const out = duplicates(list, groups);
  for (let k = 0; k < groups.set32.count; k++) {
    const f = list[fileAt(groups.set32, k)] as ParsedSystemFile;
    out.push(diagnostic(f.path, f.sets.at(rowAt(groups.set32, k)), { code: 'set32-ignored', form: 'ours', message: H.SET32_IGNORED }));
  }
  const sets = variablesSet(kernel, st, list, groups, out);
  const ranged = applySets(kernel, st, list, sets, out);
  const events = kernel.deriveAtBoot();
  // Where the kernel itself limits or replaces the value, its word (or ours about it) is enough.
  for (const r of ranged) if (!events.some((ev) => ev.name === r.name)) out.push(r.d);
  // A boot message is placed at the last line that set the variable it is about.
  const lastSet = (name: string): LastSet | undefined => {
    const sym = kernel.lookup(name);
    return sym && st.setIn[sym.index] === gen ? lastOf(list, st, sets, sym) : undefined;
  };
  for (const ev of events) out.push(bootEvent(kernel, ev, lastSet, list[list.length - 1]?.path ?? ''));
  // The groups outlive the boot (kept for the next one): they must not keep this boot's files.
  // Indexed, as the boot's other loops over every name: a for-of is several times slower before the JIT compiles it.
  for (let k = 0; k < groups.sets.length; k++) {
    const g = groups.sets[k] as SetGroup;
    g.table = undefined;
    g.lines = undefined;
  }
  return out;
}

/** Stores what the lines of `sym` leave (`once`: one line is worked out once, applyOne()); returns what is said about the value as stored. */
function applyLines(kernel: Kernel, st: KernelState, sym: KernelSymbol, list: readonly ParsedSystemFile[], lines: Lines, out: Diagnostic[], once = false): Said | undefined {
  if (once && lines.count === 1) return applyOne(kernel, st, sym, list, lines, out);
  kernel.writeSymbol(sym, applyAll(kernel, sym, list, lines, out), 'etc-system');
  // Judged as stored, before the boot's derivations change anything.
  return rangeCheck(kernel, st, sym);
}

/**
 * applyLines() for a variable whose lines all store ('=') plain numbers that fit:
 * the last one's is the value, and nothing is said about a line. Worked out
 * once per kernel and number, as applyOne() does for one line.
 */
function applyStore(kernel: Kernel, st: KernelState, sym: KernelSymbol, sets: SetTable, row: number): Said | undefined {
  const plain = sets.plain(row);
  const last = st.stored[sym.index];
  if (last !== undefined && last.plain === plain && last.op === EQUALS) {
    kernel.writeSymbol(sym, last.value, 'etc-system');
    return last.said;
  }
  kernel.writeSymbol(sym, storedNumber(sets, row, sym), 'etc-system');
  const said = rangeCheck(kernel, st, sym);
  st.stored[sym.index] = { given: undefined, plain, op: EQUALS, value: kernel.value(sym), said };
  return said;
}

/**
 * applyLines() for a variable whose lines all write plain numbers that fit, one of
 * them an '=': the value is what the last '=' (row `row`) stores, combined with
 * the '|' and '&' lines after it; nothing is said about a line.
 */
function applyFrom(kernel: Kernel, st: KernelState, sym: KernelSymbol, sets: SetTable, row: number): Said | undefined {
  let value = storedNumber(sets, row, sym);
  for (let r = sets.next(row); r >= 0; r = sets.next(r)) {
    const given = BigInt(sets.plain(r));
    value = sets.opCode(r) === BIT_OR ? value | given : value & given;
  }
  kernel.writeSymbol(sym, value, 'etc-system');
  return rangeCheck(kernel, st, sym);
}

/**
 * applyLines() for a variable one line sets. Every boot starts from the compiled
 * value, so what the line stores and the verdict on it follow from its value and
 * operator alone: a fleet's files repeating the line are worked out once per kernel.
 */
function applyOne(kernel: Kernel, st: KernelState, sym: KernelSymbol, list: readonly ParsedSystemFile[], lines: Lines, out: Diagnostic[]): Said | undefined {
  const sets = (list[fileAt(lines, 0)] as ParsedSystemFile).sets;
  const row = rowAt(lines, 0);
  const given = sets.value(row);
  const op = sets.opCode(row);
  const last = st.stored[sym.index];
  if (last !== undefined && last.given === given && last.op === op) {
    kernel.writeSymbol(sym, last.value, 'etc-system');
    return last.said;
  }
  const before = out.length;
  const said = applyLines(kernel, st, sym, list, lines, out);
  // A line with something said about it (obsolete, a string, too wide) is worked out each time: what is said carries its place.
  st.stored[sym.index] = out.length === before ? { given, plain: NaN, op, value: kernel.value(sym), said } : undefined;
  return said;
}

/** The variables a boot sets, in the order of their first line, and the groups that set each. */
interface Sets {
  syms: KernelSymbol[];
  /**
   * The variables (rarely) set by several groups, when one line names the module of a
   * kernel-proper variable and another does not: those apply together, in file order.
   */
  several: Map<KernelSymbol, SetGroup[]> | undefined;
}

// The boot's loops are functions of their own: each is optimized soon after the first
// files (a --check of many files runs them once per file), and quickly, being small.

/** What each group's [module:]name refers to; the lines that set no variable here are said about at once. */
function variablesSet(kernel: Kernel, st: KernelState, list: readonly ParsedSystemFile[], groups: Groups, out: Diagnostic[]): Sets {
  const modules = knownModules(kernel.release, kernel.arch.id);
  const gen = groups.gen;
  const sets: Sets = { syms: [], several: undefined };
  for (let k = 0; k < groups.sets.length; k++) {
    const g = groups.sets[k] as SetGroup;
    // What a name refers to depends only on the kernel: worked out once per kernel and [module:]name.
    const res = g.res ??= resolve(kernel, modules, g.module, g.name);
    if (res.kind !== 'variable') {
      unresolvedLines(kernel, res, list, g, out);
      continue;
    }
    const i = res.sym.index;
    if (st.setIn[i] !== gen) {
      st.setIn[i] = gen;
      st.first[i] = g;
      sets.syms.push(res.sym);
    } else {
      sets.several ??= new Map();
      const gs = sets.several.get(res.sym);
      if (gs) gs.push(g); else sets.several.set(res.sym, [st.first[i] as SetGroup, g]);
    }
  }
  return sets;
}

/** The lines that set `sym`: its one group's, or its groups' together in file order. */
function linesFor(list: readonly ParsedSystemFile[], st: KernelState, sets: Sets, sym: KernelSymbol): Lines {
  const gs = sets.several?.get(sym);
  return gs ? inFileOrder(list, gs) : linesOf(list, st.first[sym.index] as SetGroup);
}

/** The group that sets `sym` when it is one key of one file (most are), else undefined. */
function oneKey(st: KernelState, sets: Sets, sym: KernelSymbol): SetGroup | undefined {
  const g = sets.several?.has(sym) ? undefined : st.first[sym.index] as SetGroup;
  return g?.table ? g : undefined;
}

/** The last line that sets `sym`. */
function lastOf(list: readonly ParsedSystemFile[], st: KernelState, sets: Sets, sym: KernelSymbol): LastSet {
  const g = oneKey(st, sets, sym);
  if (!g?.table) return lastLine(list, linesFor(list, st, sets, sym));
  return { sets: g.table, row: g.table.keyLast(g.key), path: (list[g.file] as ParsedSystemFile).path };
}

/** Stores each variable's value; returns what is said about the values as stored, placed at each one's last line. */
function applySets(kernel: Kernel, st: KernelState, list: readonly ParsedSystemFile[], sets: Sets, out: Diagnostic[]): { name: string; d: Diagnostic }[] {
  const ranged: { name: string; d: Diagnostic }[] = [];
  for (let k = 0; k < sets.syms.length; k++) {
    const sym = sets.syms[k] as KernelSymbol;
    const g = oneKey(st, sets, sym);
    // Plain numbers that fit, in one file: nothing to say about a line, and the lines before the last '=' leave nothing.
    const t = g?.table;
    const key = g?.key ?? 0;
    const plain = t !== undefined && sym.entry.status !== 'obsolete' && t.keyPlainMax(key) <= MAX_PLAIN[sym.size];
    const said = plain && t.keyAllStores(key) ? applyStore(kernel, st, sym, t, t.keyLast(key))
      : plain && t.keyLastStore(key) >= 0 ? applyFrom(kernel, st, sym, t, t.keyLastStore(key))
        : applyLines(kernel, st, sym, list, linesFor(list, st, sets, sym), out, true);
    if (said) {
      const last = lastOf(list, st, sets, sym);
      ranged.push({ name: sym.name, d: diagnostic(last.path, last.sets.valueAt(last.row), said) });
    }
  }
  return ranged;
}

function lastLine(list: readonly ParsedSystemFile[], lines: Lines): LastSet {
  const f = list[fileAt(lines, lines.count - 1)] as ParsedSystemFile;
  return { sets: f.sets, row: rowAt(lines, lines.count - 1), path: f.path };
}

/** The lines of several groups as one, in file order. */
function inFileOrder(list: readonly ParsedSystemFile[], gs: readonly SetGroup[]): Lines {
  const pairs: [number, number][] = [];
  for (const g of gs) {
    const lines = linesOf(list, g);
    for (let k = 0; k < lines.count; k++) pairs.push([fileAt(lines, k), rowAt(lines, k)]);
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { count: pairs.length, files: pairs.map((p) => p[0]), rows: pairs.map((p) => p[1]) };
}

/** The lines of a [module:]name that is not this kernel's variable: what the kernel says about each. */
function unresolvedLines(kernel: Kernel, res: Exclude<Resolution, { kind: 'variable' }>, list: readonly ParsedSystemFile[], g: SetGroup, out: Diagnostic[]): void {
  // What is said depends on the operator and the value as written only (a mistake
  // repeated on 10,000 lines is worded once), keyed by the interned value text; the fix, on the place.
  const byValue = new Map<string, (Shown<Unresolved> | undefined)[]>();
  // The group's lines in file order, straight from each file's chain of its key: none spelt out.
  for (let s = 0; s < g.parts; s += 2) {
    const f = list[g.segments[s] as number] as ParsedSystemFile;
    const t = f.sets;
    // What is said in this file, worded for it.
    const wordings = new Map<Shown<Unresolved>, Wording>();
    t.findingsOfKey(g.segments[s + 1] as number, out, (row) => {
      const text = t.valueText(row);
      let byOp = byValue.get(text);
      if (byOp === undefined) { byOp = []; byValue.set(text, byOp); }
      const op = t.opCode(row);
      let said = byOp[op];
      if (said === undefined) { said = shownOnce(unresolved(kernel, res, t.entry(row))); byOp[op] = said; }
      let wording = wordings.get(said);
      if (wording === undefined) { wording = wordingOf(f.path, t, said, said.rename); wordings.set(said, wording); }
      return wording;
    });
  }
}

/** Variables whose bounds follow the machine's memory: the boot's derivations judge them. */
const MEMORY_SIZED: ReadonlySet<string> = new Set([
  'physmem', 'physinstalled', 'total_pages', 'lotsfree', 'desfree', 'minfree', 'throttlefree', 'pageout_reserve',
  'fastscan', 'slowscan', 'handspreadpages', 'swapfs_minfree',
]);

// The WARNING about ufs_HW is as much about the ufs_LW line; ufs_ninode goes to its max when ncsize is 0.
const ALSO_ANCHORED: Readonly<Record<string, readonly string[]>> = { ufs_HW: ['ufs_LW'], ufs_ninode: ['ncsize'] };

/** A boot-time message, placed at the set line it is about (if /etc/system has one). */
function bootEvent(kernel: Kernel, ev: BootEvent, lastSet: (name: string) => LastSet | undefined, fallbackPath: string): Diagnostic {
  const anchor = [ev.name, ...(ALSO_ANCHORED[ev.name] ?? [])].map(lastSet).find((p) => p !== undefined);
  const hint = `the kernel runs with what ::tunables shows for ${ev.name}; the limits follow the machine (here --arch ${kernel.arch.id} --memory ${memoryText(kernel.machine.memory)})`;
  const said: Said = ev.form === 'ours'
    ? { code: ev.kind === 'clamped' ? 'clamped-at-boot' : 'ignored-at-boot', form: 'ours', message: ev.message, hint }
    : { code: 'boot-message', form: ev.form, message: ev.message, hint };
  if (anchor) return diagnostic(anchor.path, anchor.sets.valueAt(anchor.row), said);
  return makeDiagnostic(fallbackPath, 0, 0, said.code, said.form, said.message, '', 0, said.hint);
}

// modsysfile.c sys_set_var(): the line the kernel prints for a variable the module lacks.
export function sorryLine(e: SetEntry): string {
  return e.module === undefined
    ? `sorry, variable '${e.name}' is not defined in the 'kernel' `
    : `sorry, variable '${e.name}' is not defined in the '${e.module}' module`;
}

/** What is said about a line that sets no variable here; `rename`: the certain fix renames the line's variable to this one (as written: made once for every line). */
type Unresolved = Said & { rename?: string | undefined };

function unresolved(kernel: Kernel, res: Exclude<Resolution, { kind: 'variable' }>, e: SetEntry): Unresolved {
  const release = kernel.release;
  // After the sorry line the kernel goes on without the setting: the hint says so, then what to write.
  const sorry = (code: DiagnosticCode, hint: string | undefined, rename?: VariableEntry): Unresolved => ({
    code, form: 'printf', message: sorryLine(e), hint: hint === undefined ? 'the line is ignored' : `the line is ignored; ${hint}`, rename: renamed(rename),
  });
  // A module the kernel never loads: it prints nothing, the line is simply never applied.
  const never = (code: DiagnosticCode, hint: string | undefined, rename?: VariableEntry): Unresolved => ({
    code, form: 'ours', message: H.neverAppliedMessage(e, release, kernel.arch.id), hint, rename: renamed(rename),
  });
  switch (res.kind) {
    case 'wrong-module': {
      const rename = onlyHome(release, res.entry) ? res.entry : undefined;
      const hint = H.wrongModuleHint(res.entry, e, twinsOf(kernel, res.entry));
      return res.moduleKnown ? sorry('wrong-module', hint, rename) : never('wrong-module', hint, rename);
    }
    case 'ndd-parameter': return (res.moduleKnown ? sorry : never)('ndd-parameter', H.nddHint(res.param, e, release));
    case 'removed': return sorry('removed', `${H.removedHint(res.entry, release)}; delete the line`);
    case 'near-miss': return sorry('near-miss', `${H.nearMissHint(res.entry)} ${H.writeInstead(res.entry, e)}`, onlyNearMiss(release, e, res.entry) ? res.entry : undefined);
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

/** The catalogued variable's own spelling of `[module:]name`, which the fix writes. */
const renamed = (v: VariableEntry | undefined): string | undefined => v && H.qualifiedName(v.module, v.name);


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
// far; each store truncates to the symbol's size. Returns the value after the
// last line; says what each line gets wrong (obsolete, a string, too wide).
function applyAll(kernel: Kernel, sym: KernelSymbol, list: readonly ParsedSystemFile[], lines: Lines, out: Diagnostic[]): bigint {
  const v = sym.entry;
  const widest = MAX_PLAIN[sym.size];
  // The value so far (read from the kernel only when a line combines with it),
  // or the line of the last '=' of a plain number, not yet made a BigInt: a
  // store only matters when a later line combines with it or it is the last.
  let value: bigint | undefined;
  let storedIn: SetTable | undefined;
  let storedRow = 0;
  for (let k = 0; k < lines.count; k++) {
    const f = list[fileAt(lines, k)] as ParsedSystemFile;
    const sets = f.sets;
    const row = rowAt(lines, k);
    if (v.status === 'obsolete') {
      out.push(diagnostic(f.path, sets.at(row), { code: 'obsolete', form: 'ours', message: H.obsoleteMessage(v, kernel.release), hint: H.obsoleteHint(v) }));
    }
    const plain = sets.plain(row);
    const op = sets.opCode(row);
    // Most lines: a plain number that fits, stored by '=': nothing to say, nothing to work out yet.
    if (plain <= widest && op === EQUALS) { storedIn = sets; storedRow = row; continue; }
    const given = sets.value(row);
    if (given.kind === 'string') {
      out.push(diagnostic(f.path, sets.valueAt(row), { code: 'string-value', form: 'ours', message: H.stringValueMessage(v) }));
      continue;
    }
    if (!fits(given.value, sym.size)) {
      out.push(diagnostic(f.path, sets.valueAt(row), {
        code: 'too-wide', form: 'ours', message: H.tooWideMessage(v, sets.entry(row), sym.size, truncate(given.value, sym.size)),
      }));
    }
    if (op === EQUALS) {
      storedIn = undefined;
      value = storedValue(given, sym);
    } else {
      if (storedIn) { value = storedNumber(storedIn, storedRow, sym); storedIn = undefined; }
      const before = value ?? kernel.value(sym);
      value = truncate(op === BIT_OR ? before | given.value : before & given.value, sym.size);
    }
  }
  return storedIn ? storedNumber(storedIn, storedRow, sym) : value ?? kernel.value(sym);
}

type NumberValue = Extract<SetValue, { kind: 'number' }>;
const EQUALS = 0, BIT_OR = 1;

/** What a '=' of a number stores: the value itself when it fits (no BigInt made), else its low bytes. */
const storedValue = (given: NumberValue, sym: KernelSymbol): bigint =>
  (given.value <= MAX_UNSIGNED[sym.size] ? given.value : truncate(given.value, sym.size));
/** What the '=' of row `row`, a plain number that fits, stores. */
const storedNumber = (sets: SetTable, row: number, sym: KernelSymbol): bigint => storedValue(sets.value(row) as NumberValue, sym);

/** The largest plain number (a double, never negative) that fits each size unchanged. */
const MAX_PLAIN: Readonly<Record<KernelSymbol['size'], number>> = { 1: 0xff, 2: 0xffff, 4: 0xffffffff, 8: Number.MAX_SAFE_INTEGER };

/** The largest unsigned value of each size. */
const MAX_UNSIGNED: Readonly<Record<KernelSymbol['size'], bigint>> = { 1: 0xffn, 2: 0xffffn, 4: 0xffffffffn, 8: 0xffffffffffffffffn };

/** A 64-bit value fits `size` bytes when truncating loses nothing but a sign or zero extension (-1, ~1). */
function fits(value: bigint, size: KernelSymbol['size']): boolean {
  // Compared with each size's bounds: no BigInt made.
  return value <= MAX_UNSIGNED[size] || value >= MIN_SIGN_EXTENDED[size];
}

/** The smallest 64-bit value that is a sign extension of each size (2^64 - 2^(8*size-1)): -1 and ~1 fit. */
const MIN_SIGN_EXTENDED: Readonly<Record<KernelSymbol['size'], bigint>> = {
  1: 0xffffffffffffff80n, 2: 0xffffffffffff8000n, 4: 0xffffffff80000000n, 8: 0x8000000000000000n,
};

function rangeCheck(kernel: Kernel, st: KernelState, sym: KernelSymbol): Said | undefined {
  const limits = st.limits[sym.index] ?? limitsOf(kernel, st, sym);
  if (limits === null) return undefined;
  const raw = kernel.value(sym);
  // The compiled value (0, or -1 for ncsize) asks the kernel to work it out.
  if (raw === limits.compiled) return undefined;
  // Read as signed only when the sign bit is set: a smaller value is the same either way.
  const value = sym.signed && raw > MAX_SIGNED[sym.size] ? toSigned(raw, sym.size) : raw;
  if (value >= limits.low && value <= limits.high) return undefined;
  return { code: 'out-of-range', form: 'ours', message: H.outOfRangeMessage(sym.entry, value, limits.range) };
}

/** The largest signed value of each size. */
const MAX_SIGNED: Readonly<Record<KernelSymbol['size'], bigint>> = { 1: 0x7fn, 2: 0x7fffn, 4: 0x7fffffffn, 8: 0x7fffffffffffffffn };

/** What a symbol's range check needs, as BigInts made once per kernel; undefined: no range to judge. */
interface Limits {
  range: readonly [number | bigint, number | bigint];
  low: bigint;
  high: bigint;
  /** The compiled value as stored (no value for -2: nothing compiles to it). */
  compiled: bigint;
}

/** Works out a symbol's limits (null: none) and keeps them in the kernel's state. */
function limitsOf(kernel: Kernel, st: KernelState, sym: KernelSymbol): Limits | null {
  const range = sym.entry.range;
  // Ranges sized for the catalogue's 8 GB machine are judged against this one by setupclock.
  const limits = !range || MEMORY_SIZED.has(sym.name) ? null : {
    range, low: BigInt(range[0]), high: BigInt(range[1]),
    compiled: BigInt.asUintN(sym.size * 8, recipeFor(kernel.release.id).initial[sym.name] ?? -2n),
  };
  st.limits[sym.index] = limits;
  return limits;
}
