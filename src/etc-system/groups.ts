// modsysfile.c check_system_file(): the lines of the files that are one setting
// (rootdev, rootfs, swapdev, swapfs and moddir one each; exclude and forceload
// per argument; set lines per [module:]name, set and set64 alike), and the
// kernel's warning when one is given more than once. Fragments and /etc/system
// are one list, so a repeat across them counts too.

import type { Diagnostic } from './diagnostic';
import { printable } from './diagnostic';
import type { DirectiveEntry, PlacedDirective, SetEntry, SetValue } from './entries';
import type { SetTable } from './set-table';
import type { ParsedSystemFile } from './parser';
import { diagnostic, type Said } from './said';
import * as H from './hints';
import type { Resolution } from './resolve';

/** Set lines in file order: the first `count` of `files` (an index into the list of files) and `rows` (in that file's table). */
export interface Lines {
  count: number;
  files: number[];
  rows: number[];
}

/**
 * The set lines of one [module:]name: `count` of them, the lines of one key in
 * each of some files (the first `parts` of `segments`: file index, key, file
 * index, key, ... in file order). A name's lines are spelt out one by one
 * (linesOf()) only when something needs more than its tables' per-key figures.
 */
export interface SetGroup {
  module: string | undefined;
  name: string;
  /** What [module:]name refers to on the kernel the table belongs to, once worked out. */
  res?: Resolution | undefined;
  /** The boot the lines are of (the table's generation). */
  gen: number;
  count: number;
  segments: number[];
  parts: number;
  /** When the lines are one key of one file (most names): its table, the key and the file's index. */
  table: SetTable | undefined;
  key: number;
  file: number;
  /** This boot's lines, once spelt out. */
  lines: Lines | undefined;
}

/** The lines of one directive setting, in file order, and the file of each. */
interface DirectiveGroup {
  es: DirectiveEntry[];
  files: number[];
}

export interface Groups {
  /** The boot these groups are of: the table's generation. */
  gen: number;
  sets: SetGroup[];
  /** The set32 lines, which an LP64 kernel drops right after parsing them. */
  set32: Lines;
  directives: DirectiveGroup[];
}

/**
 * One kernel's settings by [module:]name, kept from boot to boot: the files of a
 * fleet set the same variables, so a group is emptied and reused, not remade,
 * and what its name refers to is worked out once.
 */
export class GroupTable {
  private gen = 0;
  private size = 0;
  // By module, then name: the strings the parser interned, so a lookup hashes no new string.
  private readonly byModule = new Map<string, Map<string, SetGroup>>();

  /** The settings of the files, each in the order of its first line, and the set32 lines apart. */
  groupLines(files: readonly ParsedSystemFile[]): Groups {
    const gen = ++this.gen;
    // Bounded: names never seen again are let go now and then.
    if (this.size > MAX_GROUPS) { this.byModule.clear(); this.size = 0; }
    const out: Groups = { gen, sets: [], set32: { count: 0, files: [], rows: [] }, directives: [] };
    for (let fi = 0; fi < files.length; fi++) {
      const t = (files[fi] as ParsedSystemFile).sets;
      // A lookup per name in the file, not per line.
      const ordered = t.keysInOrder();
      for (let i = 0, n = ordered ? ordered.length : t.keys; i < n; i++) {
        const k = ordered ? ordered[i] as number : i;
        if (t.keyCount(k) === 0) continue;
        const g = this.group(t.keyModule[k], t.keyName[k] as string);
        if (g.gen !== gen) {
          // The array keeps its room from boot to boot (emptying it would let its memory go).
          g.gen = gen; g.count = 0; g.parts = 0; g.lines = undefined; out.sets.push(g);
          g.table = t; g.key = k; g.file = fi;
        } else {
          g.table = undefined;
        }
        g.segments[g.parts++] = fi;
        g.segments[g.parts++] = k;
        g.count += t.keyCount(k);
      }
      if (t.set32Rows) {
        for (const row of t.set32Rows) {
          out.set32.files.push(fi);
          out.set32.rows.push(row);
          out.set32.count++;
        }
      }
    }
    out.directives = directiveGroups(files);
    return out;
  }

  private group(module: string | undefined, name: string): SetGroup {
    let inModule = this.byModule.get(module ?? '');
    if (!inModule) { inModule = new Map(); this.byModule.set(module ?? '', inModule); }
    let g = inModule.get(name);
    if (!g) { g = { module, name, count: 0, segments: [], parts: 0, table: undefined, key: 0, file: 0, lines: undefined, gen: 0 }; inModule.set(name, g); this.size++; }
    return g;
  }
}

const MAX_GROUPS = 20_000;

/** A group's lines in file order, spelt out (once per boot). */
export function linesOf(files: readonly ParsedSystemFile[], g: SetGroup): Lines {
  if (g.lines) return g.lines;
  const lines: Lines = { count: 0, files: [], rows: [] };
  for (let s = 0; s < g.parts; s += 2) {
    const fi = g.segments[s] as number;
    const t = (files[fi] as ParsedSystemFile).sets;
    for (let row = t.keyFirst(g.segments[s + 1] as number); row >= 0; row = t.next(row)) {
      lines.files.push(fi);
      lines.rows.push(row);
      lines.count++;
    }
  }
  g.lines = lines;
  return lines;
}


function directiveGroups(files: readonly ParsedSystemFile[]): DirectiveGroup[] {
  if (files.every((f) => f.directives.length === 0)) return [];
  // By command, then (exclude and forceload, one setting per argument) by argument: no key string made per line.
  const byDirective = new Map<string, Map<string, DirectiveGroup>>();
  const out: DirectiveGroup[] = [];
  for (let fi = 0; fi < files.length; fi++) {
    const ds = (files[fi] as ParsedSystemFile).directives;
    for (let i = 0; i < ds.length; i++) {
      const e = (ds[i] as PlacedDirective).entry;
      let byArgument = byDirective.get(e.command);
      if (!byArgument) { byArgument = new Map(); byDirective.set(e.command, byArgument); }
      const key = e.command === 'exclude' || e.command === 'forceload' ? e.argument : '';
      let g = byArgument.get(key);
      if (!g) { g = { es: [], files: [] }; byArgument.set(key, g); out.push(g); }
      g.es.push(e);
      g.files.push(fi);
    }
  }
  return out;
}

/** `line 4`, or `line 4 of /etc/system.d/x` when it is in another file than the final one. */
const lineOf = (line: number, from: string, path: string): string => (from === path ? `${line}` : `${line} of ${from}`);

/** The kernel's warning for each setting given more than once, at its final line. */
export function duplicates(files: readonly ParsedSystemFile[], groups: Groups): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Indexed: run once per file checked, mostly before the JIT compiles it, a for-of is several times slower.
  for (let i = 0; i < groups.sets.length; i++) {
    const g = groups.sets[i] as SetGroup;
    const n = g.count;
    if (n < 2) continue;
    // Most often every line of the name is an '=' in one file: the last decides, and the table's figures say all.
    const t = g.table;
    if (t && t.keyAllStores(g.key)) {
      const key = g.key;
      const overridden: string[] = [];
      for (let row = t.keyFirst(key), k = 0; k < Math.min(n - 1, 5); row = t.next(row), k++) overridden.push(`${t.line(row)}`);
      const last = t.keyLast(key);
      const value = t.value(last);
      out.push(duplicateWarning((files[g.file] as ParsedSystemFile).path, t.entry(last), shown(value, value.kind === 'number' ? value.value : 0n), `${t.line(last)}`, overridden, n - 1));
      continue;
    }
    if (t) {
      const warning = oneKeyDuplicate((files[g.file] as ParsedSystemFile).path, t, g.key);
      if (warning) out.push(warning);
      continue;
    }
    const lines = linesOf(files, g);
    // The decisive line: the last repeat that is another '='.
    let decisive = n - 1;
    while (decisive >= 1 && sets(files, lines, decisive).op(rowAt(lines, decisive)) !== '=') decisive--;
    if (decisive < 1) continue;
    const path = pathOf(files, lines, n - 1);
    const lineAt = (k: number): string => lineOf(sets(files, lines, k).line(rowAt(lines, k)), pathOf(files, lines, k), path);
    // Only the lines the hint names are spelt out (a setting repeated 10,000 times names five).
    const overridden: string[] = [];
    for (let k = 0; k < Math.min(decisive, 5); k++) overridden.push(lineAt(k));
    out.push(duplicateWarning(path, sets(files, lines, n - 1).entry(rowAt(lines, n - 1)), shownValue(files, lines, decisive), lineAt(decisive), overridden, decisive));
  }
  for (const { es, files: from } of groups.directives) {
    if (es.length < 2) continue;
    const final = es[es.length - 1] as DirectiveEntry;
    const path = (files[from[from.length - 1] as number] as ParsedSystemFile).path;
    // A repeated exclude or forceload does the same thing twice: nothing is overridden.
    const said: Said = final.command === 'exclude' || final.command === 'forceload'
      ? { code: 'repeated-directive', form: 'notice', message: `"${final.command}: ${printable(final.argument)}" appears more than once in ${path}.` }
      : {
        code: 'duplicate', form: 'warn', message: `"${final.command}" appears more than once in ${path}.`,
        hint: H.duplicateHint(lineOf(final.at.line, path, path),
          es.slice(0, Math.min(es.length - 1, 5)).map((e, k) => lineOf(e.at.line, (files[from[k] as number] as ParsedSystemFile).path, path)), es.length - 1),
      };
    out.push(diagnostic(path, final.at, said));
  }
  return out;
}

/**
 * The warning for key `key`'s lines in one file, some of them '|' or '&', from the
 * table's figures: the decisive line is its last '=' (none but the first: no warning),
 * and only the lines the hint names and those from the decisive line on are read.
 */
function oneKeyDuplicate(path: string, t: SetTable, key: number): Diagnostic | undefined {
  const decisive = t.keyStoreIndex(key);
  if (t.keyLastStore(key) < 0 || decisive < 1) return undefined;
  const overridden: string[] = [];
  for (let row = t.keyFirst(key), k = 0; k < Math.min(decisive, 5); row = t.next(row), k++) overridden.push(`${t.line(row)}`);
  // sysparam_print_warning() shows the value folded from the decisive '=' to the last line.
  let v = 0n;
  let last = -1;
  for (let row = t.keyLastStore(key); row >= 0; row = t.next(row)) {
    v = folded(v, t, row);
    last = row;
  }
  return duplicateWarning(path, t.entry(last), shown(t.value(last), v), `${t.line(t.keyLastStore(key))}`, overridden, decisive);
}

/** The k-th of some lines: its row, and its file's index in the list. */
export const rowAt = (lines: Lines, k: number): number => lines.rows[k] as number;
export const fileAt = (lines: Lines, k: number): number => lines.files[k] as number;
const sets = (files: readonly ParsedSystemFile[], lines: Lines, k: number): SetTable => (files[fileAt(lines, k)] as ParsedSystemFile).sets;
const pathOf = (files: readonly ParsedSystemFile[], lines: Lines, k: number): string => (files[fileAt(lines, k)] as ParsedSystemFile).path;

/** The warning at `final`, the setting's last line; `decisive`: the line of the last '=', after `count` lines it overrides. */
function duplicateWarning(path: string, final: SetEntry, value: string, decisive: string, overridden: string[], count: number): Diagnostic {
  const name = H.entryName(final);
  return diagnostic(path, final.at, {
    code: 'duplicate', form: 'warn',
    message: `${name} is set more than once in ${path}. "set ${name} = ${value}" applied as the current setting.`,
    hint: H.duplicateHint(decisive, overridden, count),
  });
}

// sysparam_print_warning(): a string as it is, hex as 0x%llx, otherwise %lld;
// the value shown is folded from the second line on, so from the decisive '='.
function shownValue(files: readonly ParsedSystemFile[], lines: Lines, decisive: number): string {
  const n = lines.count;
  let v = 0n;
  for (let k = decisive; k < n; k++) v = folded(v, sets(files, lines, k), rowAt(lines, k));
  return shown(sets(files, lines, n - 1).value(rowAt(lines, n - 1)), v);
}

/** `v` after row `row` of `t` (a string counts as 0). */
function folded(v: bigint, t: SetTable, row: number): bigint {
  const value = t.value(row);
  const x = value.kind === 'number' ? value.value : 0n;
  const op = t.op(row);
  return op === '=' ? x : op === '|' ? v | x : v & x;
}

/** `v`, the value folded up to the last line, as the warning prints it: as `last` is written, or the string. */
const shown = (last: SetValue, v: bigint): string =>
  (last.kind === 'string' ? printable(last.value) : last.hex ? `0x${v.toString(16)}` : BigInt.asIntN(64, v).toString());
