// What a `set [module:]name` line refers to on this release: a variable of the
// model kernel, or a name the kernel will answer with its "sorry" line (and why),
// or a name fusion-mdb cannot judge (issue 7: never a false error).

import { editDistance, nearMiss } from '../kernel/explain';
import type { Kernel } from '../kernel/kernel';
import type { KernelSymbol } from '../kernel/symbols';
import { isKernelProper, KERNEL_PROPER, type NddParam, type ReleaseCatalogue, type VariableEntry } from '../kernel/types';

export type Resolution =
  | { kind: 'variable'; sym: KernelSymbol }
  | { kind: 'wrong-module'; entry: VariableEntry }
  | { kind: 'ndd-parameter'; param: NddParam }
  | { kind: 'removed'; entry: VariableEntry }
  | { kind: 'near-miss'; entry: VariableEntry }
  | { kind: 'not-catalogued' }
  | { kind: 'unknown-module'; home?: VariableEntry; nearModule?: string };

/**
 * Modules the model knows on a release: those of catalogued variables, the
 * release's module list, the kernel proper, and the module behind each ndd
 * device (/dev/tcp is the tcp module).
 */
export function knownModules(release: ReleaseCatalogue): ReadonlySet<string> {
  return new Set([
    ...KERNEL_PROPER,
    ...release.variables.map((v) => v.module),
    ...(release.modules ?? []),
    ...release.ndd.map((p) => p.device.slice('/dev/'.length)),
  ]);
}

const inPlace = (module: string | undefined, entryModule: string): boolean =>
  module === undefined ? isKernelProper(entryModule) : module === entryModule;

export function resolve(kernel: Kernel, modules: ReadonlySet<string>, module: string | undefined, name: string): Resolution {
  const release = kernel.release;
  const sym = kernel.lookup(name);
  const current = sym?.entry ?? release.variables.find((v) => v.name === name && v.status !== 'removed');
  if (module !== undefined && !modules.has(module)) {
    const nearModule = [...modules].find((m) => editDistance(module, m, 1) <= 1);
    return { kind: 'unknown-module', ...(current ? { home: current } : {}), ...(nearModule ? { nearModule } : {}) };
  }
  if (sym && inPlace(module, sym.module)) return { kind: 'variable', sym };
  if (current) return { kind: 'wrong-module', entry: current };
  const param = release.ndd.find((p) => p.name === name);
  if (param) return { kind: 'ndd-parameter', param };
  const removed = release.variables.find((v) => v.name === name && v.status === 'removed');
  if (removed) return { kind: 'removed', entry: removed };
  const near = module === undefined
    ? KERNEL_PROPER.map((m) => nearMiss(release, name, m)).find((v) => v !== undefined)
    : nearMiss(release, name, module);
  return near ? { kind: 'near-miss', entry: near } : { kind: 'not-catalogued' };
}
