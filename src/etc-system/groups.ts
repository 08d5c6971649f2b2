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

/** The set lines of one [module:]name, in file order: each line's file (an index into the list) and row. */
export interface SetGroup {
  module: string | undefined;
  name: string;
  files: number[];
  rows: number[];
}

/** The lines of one directive setting, in file order, and the file of each. */
interface DirectiveGroup {
  es: DirectiveEntry[];
  files: number[];
}

export interface Groups {
  sets: SetGroup[];
  directives: DirectiveGroup[];
}

/**
 * The settings of the files, each in the order of its first line. set32 lines
 * are left out (an LP64 kernel drops them right after parsing them).
 */
export function groupLines(files: readonly ParsedSystemFile[]): Groups {
  // By module, then name: the strings the parser interned, so a lookup hashes no new string.
  const byModule = new Map<string, Map<string, SetGroup>>();
  const byDirective = new Map<string, DirectiveGroup>();
  const out: Groups = { sets: [], directives: [] };
  files.forEach((f, fi) => {
    const t = f.sets;
    for (let i = 0; i < t.length; i++) {
      if (t.command(i) === 'set32') continue;
      const module = t.module[i];
      const name = t.name[i] as string;
      let inModule = byModule.get(module ?? '');
      if (!inModule) { inModule = new Map(); byModule.set(module ?? '', inModule); }
      let g = inModule.get(name);
      if (!g) { g = { module, name, files: [], rows: [] }; inModule.set(name, g); out.sets.push(g); }
      g.files.push(fi);
      g.rows.push(i);
    }
    for (const { entry: e } of f.directives) {
      const key = e.command === 'exclude' || e.command === 'forceload' ? `${e.command} ${e.argument}` : e.command;
      let g = byDirective.get(key);
      if (!g) { g = { es: [], files: [] }; byDirective.set(key, g); out.directives.push(g); }
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
    const n = g.rows.length;
    if (n < 2) continue;
    // The decisive line: the last repeat that is another '='.
    let decisive = n - 1;
    while (decisive >= 1 && sets(files, g, decisive).op(g.rows[decisive] as number) !== '=') decisive--;
    if (decisive < 1) continue;
    const path = pathOf(files, g, n - 1);
    const lineAt = (k: number): string => lineOf(sets(files, g, k).line(g.rows[k] as number), pathOf(files, g, k), path);
    // Only the lines the hint names are spelt out (a setting repeated 10,000 times names five).
    const overridden: string[] = [];
    for (let k = 0; k < Math.min(decisive, 5); k++) overridden.push(lineAt(k));
    const final = sets(files, g, n - 1).entry(g.rows[n - 1] as number);
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

const sets = (files: readonly ParsedSystemFile[], g: SetGroup, k: number): SetTable => (files[g.files[k] as number] as ParsedSystemFile).sets;
const pathOf = (files: readonly ParsedSystemFile[], g: SetGroup, k: number): string => (files[g.files[k] as number] as ParsedSystemFile).path;

// sysparam_print_warning(): a string as it is, hex as 0x%llx, otherwise %lld;
// the value shown is folded from the second line on, so from the decisive '='.
function shownValue(files: readonly ParsedSystemFile[], g: SetGroup, decisive: number): string {
  const n = g.rows.length;
  const last = sets(files, g, n - 1).value[g.rows[n - 1] as number];
  if (last?.kind === 'string') return printable(last.value);
  let v = 0n;
  for (let k = decisive; k < n; k++) {
    const t = sets(files, g, k);
    const row = g.rows[k] as number;
    const value = t.value[row];
    const x = value?.kind === 'number' ? value.value : 0n;
    const op = t.op(row);
    v = op === '=' ? x : op === '|' ? v | x : v & x;
  }
  return last?.kind === 'number' && last.hex ? `0x${v.toString(16)}` : BigInt.asIntN(64, v).toString();
}
