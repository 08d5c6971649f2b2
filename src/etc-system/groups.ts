// modsysfile.c check_system_file(): the lines of the files that are one setting
// (rootdev, rootfs, swapdev, swapfs and moddir one each; exclude and forceload
// per argument; set lines per [module:]name, set and set64 alike), and the
// kernel's warning when one is given more than once. Fragments and /etc/system
// are one list, so a repeat across them counts too.

import type { Diagnostic } from './diagnostic';
import { printable } from './diagnostic';
import type { DirectiveEntry, SetTable } from './entries';
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

/** The set lines of one [module:]name. */
export interface SetGroup extends Lines {
  module: string | undefined;
  name: string;
  /** What [module:]name refers to on the kernel the table belongs to, once worked out. */
  res?: Resolution | undefined;
  /** The boot the lines are of (the table's generation). */
  gen: number;
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

  /** Scratch for groupLines(): a file's keys' groups. */
  private readonly keyGroups: (SetGroup | undefined)[] = [];

  /** The settings of the files, each in the order of its first line, and the set32 lines apart. */
  groupLines(files: readonly ParsedSystemFile[]): Groups {
    const gen = ++this.gen;
    // Bounded: names never seen again are let go now and then.
    if (this.size > MAX_GROUPS) { this.byModule.clear(); this.size = 0; }
    const out: Groups = { gen, sets: [], set32: { count: 0, files: [], rows: [] }, directives: [] };
    const keyGroups = this.keyGroups;
    for (let fi = 0; fi < files.length; fi++) {
      const t = (files[fi] as ParsedSystemFile).sets;
      // A group is looked up once per name in the file, not once per line.
      keyGroups.length = 0;
      for (let i = 0; i < t.length; i++) {
        if (t.commandCode(i) === SET32) {
          out.set32.files.push(fi);
          out.set32.rows.push(i);
          out.set32.count++;
          continue;
        }
        const k = t.keyOf(i);
        const g = keyGroups[k] ?? (keyGroups[k] = this.group(t.module(i), t.name(i)));
        // The arrays keep their room from boot to boot: the count says how much of them is this boot's.
        if (g.gen !== gen) { g.gen = gen; g.count = 0; out.sets.push(g); }
        g.files[g.count] = fi;
        g.rows[g.count++] = i;
      }
    }
    out.directives = directiveGroups(files);
    return out;
  }

  private group(module: string | undefined, name: string): SetGroup {
    let inModule = this.byModule.get(module ?? '');
    if (!inModule) { inModule = new Map(); this.byModule.set(module ?? '', inModule); }
    let g = inModule.get(name);
    if (!g) { g = { module, name, count: 0, files: [], rows: [], gen: 0 }; inModule.set(name, g); this.size++; }
    return g;
  }
}

const MAX_GROUPS = 20_000;
/** SetTable's code for set32. */
const SET32 = 1;

function directiveGroups(files: readonly ParsedSystemFile[]): DirectiveGroup[] {
  if (files.every((f) => f.directives.length === 0)) return [];
  const byDirective = new Map<string, DirectiveGroup>();
  const out: DirectiveGroup[] = [];
  files.forEach((f, fi) => {
    for (const { entry: e } of f.directives) {
      const key = e.command === 'exclude' || e.command === 'forceload' ? `${e.command} ${e.argument}` : e.command;
      let g = byDirective.get(key);
      if (!g) { g = { es: [], files: [] }; byDirective.set(key, g); out.push(g); }
      g.es.push(e);
      g.files.push(fi);
    }
  });
  return out;
}

/** `line 4`, or `line 4 of /etc/system.d/x` when it is in another file than the final one. */
const lineOf = (line: number, from: string, path: string): string => (from === path ? `${line}` : `${line} of ${from}`);

/** The kernel's warning for each setting given more than once, at its final line. */
export function duplicates(files: readonly ParsedSystemFile[], groups: Groups): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const g of groups.sets) {
    const n = g.count;
    if (n < 2) continue;
    // The decisive line: the last repeat that is another '='.
    let decisive = n - 1;
    while (decisive >= 1 && sets(files, g, decisive).op(rowAt(g, decisive)) !== '=') decisive--;
    if (decisive < 1) continue;
    const path = pathOf(files, g, n - 1);
    const lineAt = (k: number): string => lineOf(sets(files, g, k).line(rowAt(g, k)), pathOf(files, g, k), path);
    // Only the lines the hint names are spelt out (a setting repeated 10,000 times names five).
    const overridden: string[] = [];
    for (let k = 0; k < Math.min(decisive, 5); k++) overridden.push(lineAt(k));
    const final = sets(files, g, n - 1).entry(rowAt(g, n - 1));
    const name = H.entryName(final);
    out.push(diagnostic(path, final.at, {
      code: 'duplicate', form: 'warn',
      message: `${name} is set more than once in ${path}. "set ${name} = ${shownValue(files, g, decisive)}" applied as the current setting.`,
      hint: H.duplicateHint(lineAt(decisive), overridden, decisive),
    }));
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

/** The k-th of some lines: its row, and its file's index in the list. */
export const rowAt = (lines: Lines, k: number): number => lines.rows[k] as number;
export const fileAt = (lines: Lines, k: number): number => lines.files[k] as number;
const sets = (files: readonly ParsedSystemFile[], g: SetGroup, k: number): SetTable => (files[fileAt(g, k)] as ParsedSystemFile).sets;
const pathOf = (files: readonly ParsedSystemFile[], g: SetGroup, k: number): string => (files[fileAt(g, k)] as ParsedSystemFile).path;

// sysparam_print_warning(): a string as it is, hex as 0x%llx, otherwise %lld;
// the value shown is folded from the second line on, so from the decisive '='.
function shownValue(files: readonly ParsedSystemFile[], g: SetGroup, decisive: number): string {
  const n = g.count;
  const last = sets(files, g, n - 1).value(rowAt(g, n - 1));
  if (last?.kind === 'string') return printable(last.value);
  let v = 0n;
  for (let k = decisive; k < n; k++) {
    const t = sets(files, g, k);
    const row = rowAt(g, k);
    const value = t.value(row);
    const x = value?.kind === 'number' ? value.value : 0n;
    const op = t.op(row);
    v = op === '=' ? x : op === '|' ? v | x : v & x;
  }
  return last?.kind === 'number' && last.hex ? `0x${v.toString(16)}` : BigInt.asIntN(64, v).toString();
}
