// What a `set [module:]name` line refers to on this release and machine: a
// variable of the model kernel, or a name the kernel will answer with its
// "sorry" line (and why), or a name fusion-mdb cannot judge. The policy: the
// kernel never complains about a module it does not load, and fusion-mdb knows
// only part of most modules' variables, so an unknown name is an error only
// where the catalogue holds the module's whole symbol set (release.complete),
// or where it is a keyboard slip of exactly one catalogued name (isSlipOf);
// elsewhere it is a note, with a suggestion when one is close.

import { editDistance } from '../kernel/explain';
import type { Kernel } from '../kernel/kernel';
import { isSymbolOn, type KernelSymbol } from '../kernel/symbols';
import { RELEASES } from '../kernel/releases';
import { isKernelProper, KERNEL_PROPER, type ArchId, type NddParam, type ReleaseCatalogue, type ReleaseId, type VariableEntry } from '../kernel/types';

export type Resolution =
  | { kind: 'variable'; sym: KernelSymbol }
  /** A variable of another module (or the kernel proper); moduleKnown: the named module exists here. */
  | { kind: 'wrong-module'; entry: VariableEntry; moduleKnown: boolean }
  | { kind: 'ndd-parameter'; param: NddParam; moduleKnown: boolean }
  | { kind: 'removed'; entry: VariableEntry }
  /** Certain: one edit from a name of a complete module, or a keyboard slip of exactly one catalogued name. */
  | { kind: 'near-miss'; entry: VariableEntry }
  /** Certain: the module's symbol set is complete and nothing there is close. */
  | { kind: 'unknown-variable'; module: string }
  /** The module, or the variable in the kernel proper, exists only on the other architecture. */
  | { kind: 'other-arch'; arch: ArchId; entry?: VariableEntry }
  /** Not in the catalogue: not checked (with the same name on another release, or the closest name here). */
  | { kind: 'not-catalogued'; near?: VariableEntry; elsewhere?: { release: ReleaseCatalogue; entry: VariableEntry } }
  | { kind: 'unknown-module'; nearModule?: string };

/** Where a release's modules stand on one machine: those it has, and those only the other arch has. */
export interface ModuleView {
  here: ReadonlySet<string>;
  otherArch: ReadonlyMap<string, ArchId>;
}

/** The modules of a release on `arch`, with the kernel proper and each catalogued row's module there. */
export function knownModules(release: ReleaseCatalogue, arch: ArchId): ModuleView {
  // Worked out once per catalogue and arch: --check of many files boots once per file.
  const byArch = viewCache.get(release) ?? new Map<ArchId, ModuleView>();
  viewCache.set(release, byArch);
  const cached = byArch.get(arch);
  if (cached) return cached;
  const view = new ModulesWhenAsked(release, arch);
  byArch.set(arch, view);
  return view;
}

const viewCache = new WeakMap<ReleaseCatalogue, Map<ArchId, ModuleView>>();

/**
 * The view, worked out the first time a name does not resolve to a variable: a file
 * whose every line names one never needs it, and working it out builds the
 * release's ndd list (a few milliseconds of a one-line check).
 */
class ModulesWhenAsked implements ModuleView {
  private view: ModuleView | undefined;

  constructor(private readonly release: ReleaseCatalogue, private readonly arch: ArchId) {}

  get here(): ReadonlySet<string> {
    return this.worked().here;
  }

  get otherArch(): ReadonlyMap<string, ArchId> {
    return this.worked().otherArch;
  }

  private worked(): ModuleView {
    return (this.view ??= moduleView(this.release, this.arch));
  }
}

function moduleView(release: ReleaseCatalogue, arch: ArchId): ModuleView {
  const here = new Set<string>([...KERNEL_PROPER, ...release.modules[arch]]);
  for (const v of release.variables) if (v.arch === undefined || v.arch === arch) here.add(v.module);
  for (const p of release.ndd) here.add(p.device.slice('/dev/'.length));
  const otherArch = new Map<string, ArchId>();
  for (const [a, mods] of Object.entries(release.modules) as [ArchId, ReadonlySet<string>][]) {
    if (a === arch) continue;
    for (const m of mods) if (!here.has(m)) otherArch.set(m, a);
  }
  return { here, otherArch };
}

/** The row is the variable `module` names (no module: the kernel proper). */
const namedBy = (module: string | undefined, v: VariableEntry): boolean =>
  module === undefined ? isKernelProper(v.module) : v.module === module;

export function resolve(kernel: Kernel, modules: ModuleView, module: string | undefined, name: string): Resolution {
  const release = kernel.release;
  const arch = kernel.arch.id;
  const sym = module === undefined
    ? KERNEL_PROPER.map((m) => kernel.lookupIn(m, name)).find((s) => s !== undefined)
    : kernel.lookupIn(module, name);
  if (sym) return { kind: 'variable', sym };

  const rows = release.variables.filter((v) => v.name === name);
  const mine = rows.filter((v) => namedBy(module, v));
  const removedHere = mine.find((v) => v.status === 'removed');
  if (removedHere) return { kind: 'removed', entry: removedHere };
  const elsewhere = mine.find((v) => v.arch !== undefined && v.arch !== arch);
  if (elsewhere?.arch) return { kind: 'other-arch', arch: elsewhere.arch, entry: elsewhere };

  const current = rows.find((v) => isSymbolOn(v, arch));
  const param = release.ndd.find((p) => p.name === name);
  if (module !== undefined && !modules.here.has(module)) {
    const otherArch = modules.otherArch.get(module);
    if (otherArch) return { kind: 'other-arch', arch: otherArch };
    // The kernel never loads such a module, so the line is silently never applied.
    if (current) return { kind: 'wrong-module', entry: current, moduleKnown: false };
    if (param) return { kind: 'ndd-parameter', param, moduleKnown: false };
    const nearModule = closeModule(release, arch, [...modules.here].filter((m) => editDistance(module, m, 1) <= 1));
    return { kind: 'unknown-module', ...(nearModule ? { nearModule } : {}) };
  }
  if (current) return { kind: 'wrong-module', entry: current, moduleKnown: true };
  if (param) return { kind: 'ndd-parameter', param, moduleKnown: true };
  const removed = rows.find((v) => v.status === 'removed');
  if (removed) return { kind: 'removed', entry: removed };

  const live = release.variables.filter((v) => isSymbolOn(v, arch));
  const nearHere = closest(name, live.filter((v) => namedBy(module, v)));
  if (module !== undefined && release.complete.has(module)) {
    return nearHere ? { kind: 'near-miss', entry: nearHere } : { kind: 'unknown-variable', module };
  }
  // A note: the module's variables are only partly known. The name may be
  // another release's (user_reserve_hint_pct is Oracle's), and a suggestion may
  // come from another module (a ZFS variable misspelt and without its zfs:).
  const otherRelease = onOtherRelease(release, name);
  if (otherRelease) return { kind: 'not-catalogued', elsewhere: otherRelease };
  // Certain all the same: a slip of the keyboard (a letter dropped, doubled or
  // two swapped) on exactly one catalogued name, that no release knows as a name.
  const slips = live.filter((v) => namedBy(module, v) && isSlipOf(name, v.name));
  if (slips.length === 1 && slips[0]) return { kind: 'near-miss', entry: slips[0] };
  const near = nearHere ?? closest(name, live);
  return { kind: 'not-catalogued', ...(near ? { near } : {}) };
}

/** The first other release whose catalogue has a current variable of that name. */
function onOtherRelease(release: ReleaseCatalogue, name: string): { release: ReleaseCatalogue; entry: VariableEntry } | undefined {
  for (const id of Object.keys(RELEASES) as ReleaseId[]) {
    if (id === release.id) continue;
    const entry = RELEASES[id].variables.find((v) => v.name === name && v.status !== 'removed');
    if (entry) return { release: RELEASES[id], entry };
  }
  return undefined;
}

/** Of modules one edit away, one the catalogue knows variables of (tpc: is tcp:, not ptc:), else the only one. */
function closeModule(release: ReleaseCatalogue, arch: ArchId, near: readonly string[]): string | undefined {
  const tuned = new Set([
    ...release.variables.filter((v) => isSymbolOn(v, arch)).map((v) => v.module),
    ...release.ndd.map((p) => p.device.slice('/dev/'.length)),
  ]);
  return near.find((m) => tuned.has(m)) ?? (near.length === 1 ? near[0] : undefined);
}

/** The closest row within a small edit distance (1 for short names, else 2), if any. */
function closest(name: string, rows: readonly VariableEntry[]): VariableEntry | undefined {
  const limit = name.length <= 6 ? 1 : 2;
  let best: VariableEntry | undefined;
  let bestDist = limit + 1;
  for (const v of rows) {
    const d = editDistance(name, v.name, limit);
    if (d < bestDist) { best = v; bestDist = d; }
  }
  return best;
}

/**
 * `typed` is `name` with one letter dropped (maxusrs), one doubled (maxxusers)
 * or two neighbours swapped (maxuesrs): the slips that turn a real name into
 * one no kernel defines. A letter changed for another is not one of them, since
 * real variables often differ so (segmapsize, segkpsize).
 */
export function isSlipOf(typed: string, name: string): boolean {
  if (typed === name) return false;
  if (typed.length === name.length - 1) {
    for (let i = 0; i < name.length; i++) if (name.slice(0, i) + name.slice(i + 1) === typed) return true;
    return false;
  }
  if (typed.length === name.length + 1) {
    for (let i = 0; i < name.length; i++) if (name.slice(0, i + 1) + name.slice(i) === typed) return true;
    return false;
  }
  if (typed.length !== name.length) return false;
  for (let i = 0; i + 1 < name.length; i++) {
    if (name[i] !== name[i + 1] && name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) === typed) return true;
  }
  return false;
}
