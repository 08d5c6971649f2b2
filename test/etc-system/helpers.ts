import { Kernel } from '../../src/kernel/kernel';
import type { ReleaseId } from '../../src/kernel/types';
import { bootKernel, parseSystemFile, type Diagnostic } from '../../src/etc-system';

export const PATH = '/etc/system';

/** Boots a fresh model kernel with `text` as its /etc/system. */
export function boot(text: string | Uint8Array, release: ReleaseId = 's10') {
  const kernel = new Kernel(release);
  const parsed = parseSystemFile(text, PATH);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...bootKernel(kernel, parsed)];
  const value = (name: string): bigint => {
    const sym = kernel.lookup(name);
    if (!sym) throw new Error(`no symbol ${name}`);
    return kernel.value(sym);
  };
  return { kernel, parsed, diagnostics, value };
}

/** The diagnostics as `line code: message`, the way a reader scans them. */
export const brief = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.line} ${d.code}: ${d.message}`);
