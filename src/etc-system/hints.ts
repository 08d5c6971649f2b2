// What a person needs to act, after the kernel's own words: one function per
// kind of hint, in fusion-mdb's words.

import { editDistance } from '../kernel/explain';
import { isKernelProper, type ArchId, type NddParam, type ReleaseCatalogue, type VariableEntry } from '../kernel/types';
import { ipadmSetCommand } from '../kernel/releases/ndd/properties';
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

/** The line that would work, for a variable written in the wrong place (each line, when several modules have it). */
export function wrongModuleHint(v: VariableEntry, e: SetEntry, twins: readonly VariableEntry[] = []): string {
  const homes = [v, ...twins.filter((t) => t.module !== v.module)];
  if (homes.length === 1) return `${v.name} is a variable of ${home(v)}: set ${catalogued(v)}${e.op}${e.valueText}`;
  const names = homes.map((h) => `'${h.module}'`);
  const lines = homes.map((h) => `set ${catalogued(h)}${e.op}${e.valueText}`);
  return `${v.name} is a variable of the ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} modules: ${lines.join(' and ')}`;
}

export function nddHint(p: NddParam, e: SetEntry, release: ReleaseCatalogue): string {
  // A "string", or a number ndd would refuse, gets a command that works: the default, or the nearest bound.
  const asked = e.value.kind === 'number' ? e.value.value : undefined;
  const fits = asked !== undefined && asked >= BigInt(p.min) && asked <= BigInt(p.max);
  const value = fits ? asked.toString() : String(asked === undefined ? p.default : asked < BigInt(p.min) ? p.min : p.max);
  const range = asked !== undefined && !fits ? ` (${asked} is outside the ${p.min}..${p.max} ndd takes)` : '';
  const ndd = `use ndd -set ${p.device} ${p.name} ${value}`;
  const head = `${p.name} is an ndd parameter of ${p.device}, not a kernel variable: `;
  if (!release.ipadm) return `${head}${ndd}${range} (on ${release.id}: ${release.nddPersistence})`;
  // ipadm keeps the setting across reboots; ndd -set lasts until the next one.
  const ipadm = ipadmSetCommand(release, p, value);
  if (ipadm === null) return `${head}${ndd}${range} (on ${release.id} no ipadm property keeps it: ndd -set lasts until reboot, so repeat it at boot)`;
  return `${head}${ndd}${range} for now, and ${ipadm} to keep it (on ${release.id}, ipadm is persistent)`;
}

export function removedHint(v: VariableEntry, release: ReleaseCatalogue): string {
  const since = v.since ? `; removed in ${v.since}` : '';
  return `${v.name} does not exist on ${release.id} (${release.uname}): ${v.replacedBy ?? 'it was removed'}${since}`;
}

export const nearMissHint = (v: VariableEntry): string => `did you mean '${catalogued(v)}'?`;

/** `set NAME=VALUE` with the catalogued spelling: what to write instead. */
export const writeInstead = (v: VariableEntry, e: SetEntry): string => `set ${catalogued(v)}${e.op}${e.valueText}`;

/** A name fusion-mdb knows only on another release. */
export function otherReleaseHint(v: VariableEntry, known: ReleaseCatalogue, release: ReleaseCatalogue): string {
  return `${catalogued(v)} is a variable of ${known.id} (${known.uname}); fusion-mdb does not know it on ${release.id}`;
}

export function obsoleteMessage(v: VariableEntry, release: ReleaseCatalogue): string {
  return `${catalogued(v)} is obsolete on ${release.id}`;
}

export const obsoleteHint = (v: VariableEntry): string | undefined => v.replacedBy && `replaced by ${v.replacedBy}`;

export function unknownModuleMessage(e: SetEntry, release: ReleaseCatalogue): string {
  return `module '${e.module ?? ''}' is not one fusion-mdb knows on ${release.id}; '${entryName(e)}' is not checked`;
}

export const nearModuleHint = (e: SetEntry, nearModule: string): string => `did you mean '${nearModule}:${e.name}'?`;

/** A module this release does not have on this machine: the kernel never loads it, and says nothing. */
export function neverAppliedMessage(e: SetEntry, release: ReleaseCatalogue, arch: ArchId): string {
  return `${release.id} has no module '${e.module ?? ''}' on ${arch}: '${entryName(e)}' is never applied`;
}

export function otherArchMessage(e: SetEntry, other: ArchId, arch: ArchId): string {
  return `'${e.module ?? ''}' is a module of ${other} only: on ${arch} '${entryName(e)}' is never applied`;
}

export function otherArchHint(e: SetEntry, other: ArchId, arch: ArchId, v: VariableEntry | undefined): string {
  const what = v ? `${catalogued(v)} exists only on ${other}` : `the ${e.module ?? ''} module is built only for ${other}`;
  return `${what}; harmless on ${arch}, but this line does nothing here`;
}

/** The whole variable set of a module we know completely. */
export function completeModuleHint(release: ReleaseCatalogue, module: string, arch: ArchId): string {
  const names = release.variables.filter((v) => v.module === module && v.status !== 'removed' && (!v.arch || v.arch === arch)).map((v) => v.name);
  return `the ${module} module has no such variable; its variables are ${names.join(', ')}`;
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

/** `overridden`: the first lines overridden (at least five where there are), of `count` in all. */
export function duplicateHint(decisive: number | string, overridden: readonly (number | string)[], count = overridden.length): string {
  const s = count > 1 ? 's' : '';
  const more = count > 5 ? ` and ${count - 5} more` : '';
  return `line ${decisive} overrides the setting${s} on line${s} ${overridden.slice(0, 5).join(', ')}${more}`;
}

export const SET32_IGNORED = 'set32 lines are ignored by a 64-bit kernel';
