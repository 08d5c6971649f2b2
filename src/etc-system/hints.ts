// What a person needs to act, after the kernel's own words: one function per
// kind of hint, in fusion-mdb's words.

import { editDistance } from '../kernel/explain';
import { isKernelProper, type NddParam, type ReleaseCatalogue, type VariableEntry } from '../kernel/types';
import { COMMANDS, KEYWORDS } from './commands';
import type { SetEntry, SetOp } from './parser';

export const SYNTAX_HINTS = {
  overflow: (size: number): string => `the kernel reads at most ${size - 1} characters here`,
  colon: (cmd: string): string => `put a colon after the command: '${cmd}: ...'`,
  stringOperator: (op: SetOp): string => `the operator here is '${op}': only '=' takes a "string"`,
  invalidNumber: (text: string): string => {
    const digits = text.replace(/^[~-]?0+/, '') || '0';
    return `a leading 0 makes the number octal (digits 0-7); for ${digits} write ${text.startsWith('-') ? '-' : ''}${digits} or 0x${BigInt(digits).toString(16)}`;
  },
  missingQuote: 'close the string with " on the same line',
  extraneous: 'one directive per line: the rest of this line is ignored',
} as const;

/** A keyword spelled in mixed case, or a near miss of one. */
export function commandHint(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (COMMANDS.has(lower)) return `keywords are all lower case or all upper case: '${lower}'`;
  const near = KEYWORDS.find((k) => editDistance(lower, k, 1) <= 1);
  return near ? `did you mean '${near}'?` : undefined;
}

/** `[module:]name` as /etc/system writes it: the kernel proper has no module. */
export function qualifiedName(module: string | undefined, name: string): string {
  return module === undefined || isKernelProper(module) ? name : `${module}:${name}`;
}

export const entryName = (e: SetEntry): string => (e.module === undefined ? e.name : `${e.module}:${e.name}`);
const catalogued = (v: VariableEntry): string => qualifiedName(v.module, v.name);

function home(v: VariableEntry): string {
  return isKernelProper(v.module) ? 'the kernel proper' : `the '${v.module}' module`;
}

/** The line that would work, for a variable written in the wrong place. */
export function wrongModuleHint(v: VariableEntry, e: SetEntry): string {
  return `${v.name} is a variable of ${home(v)}: set ${catalogued(v)}${e.op}${e.valueText}`;
}

export function nddHint(p: NddParam, e: SetEntry, release: ReleaseCatalogue): string {
  const value = e.value.kind === 'number' ? e.value.value.toString() : 'VALUE';
  return `${p.name} is an ndd parameter of ${p.device}, not a kernel variable: ` +
    `use ndd -set ${p.device} ${p.name} ${value} (on ${release.id}: ${release.nddPersistence})`;
}

export function removedHint(v: VariableEntry, release: ReleaseCatalogue): string {
  return `${v.name} does not exist on ${release.id} (${release.uname}): ${v.replacedBy ?? 'it was removed'}`;
}

export const nearMissHint = (v: VariableEntry): string => `did you mean '${catalogued(v)}'?`;

/** `set NAME=VALUE` with the catalogued spelling: what to write instead. */
export const writeInstead = (v: VariableEntry, e: SetEntry): string => `set ${catalogued(v)}${e.op}${e.valueText}`;

export function obsoleteMessage(v: VariableEntry, release: ReleaseCatalogue): string {
  return `${catalogued(v)} is obsolete on ${release.id}`;
}

export const obsoleteHint = (v: VariableEntry): string | undefined => v.replacedBy && `replaced by ${v.replacedBy}`;

export function unknownModuleMessage(e: SetEntry, release: ReleaseCatalogue): string {
  return `module '${e.module ?? ''}' is not known to fusion-mdb on ${release.id}; '${entryName(e)}' is not checked`;
}

export function unknownModuleHint(e: SetEntry, v: VariableEntry | undefined, nearModule: string | undefined): string | undefined {
  if (v) return wrongModuleHint(v, e);
  return nearModule ? `did you mean '${nearModule}:${e.name}'?` : undefined;
}

export const notCataloguedMessage = (e: SetEntry): string => `${entryName(e)} is not in the fusion-mdb catalogue; not checked`;

export function outOfRangeMessage(v: VariableEntry, value: bigint, range: readonly [number | bigint, number | bigint]): string {
  return `${catalogued(v)} = ${value} is outside the documented range ${range[0]}..${range[1]}${v.units ? ` ${v.units}` : ''}`;
}

export function tooWideMessage(v: VariableEntry, e: SetEntry, size: number, stored: bigint): string {
  return `${catalogued(v)}: ${e.valueText} does not fit in the ${size}-byte ${v.type}; the kernel stores 0x${stored.toString(16)}`;
}

export const stringValueMessage = (v: VariableEntry): string =>
  `${catalogued(v)} is a number: a "string" would set it to the string's kernel address; not applied`;

export function duplicateHint(decisive: number, overridden: readonly number[]): string {
  const s = overridden.length > 1 ? 's' : '';
  const more = overridden.length > 5 ? ` and ${overridden.length - 5} more` : '';
  return `line ${decisive} overrides the setting${s} on line${s} ${overridden.slice(0, 5).join(', ')}${more}`;
}

export const SET32_IGNORED = 'set32 lines are ignored by a 64-bit kernel';
