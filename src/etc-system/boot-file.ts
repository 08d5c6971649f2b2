import type { Kernel } from '../kernel/kernel';
import { bootKernel } from './boot';
import { byPlace, type Diagnostic } from './diagnostic';
import { parseSystemFile } from './parser';

/** A file the kernel reads at boot: an /etc/system.d fragment or /etc/system itself. */
export interface SystemFileData {
  path: string;
  data: string | Uint8Array;
}

/**
 * The one way to boot `kernel` from files: the fragments (in the order given:
 * sorted by name, as bootadm combines them) then /etc/system, read as one list.
 * Parse and boot diagnostics, file by file, each in file order.
 */
export function bootFromFiles(kernel: Kernel, files: readonly SystemFileData[]): Diagnostic[] {
  const parsed = files.map((f) => parseSystemFile(f.data, f.path));
  const ds = [...parsed.flatMap((p) => p.diagnostics), ...bootKernel(kernel, parsed)];
  const order = new Map(files.map((f, i) => [f.path, i]));
  const rank = (d: Diagnostic): number => (d.line === 0 && d.code !== 'cannot-open' ? files.length : order.get(d.file) ?? files.length);
  return ds.sort((a, b) => rank(a) - rank(b) || byPlace(a, b));
}

/** Boots `kernel` from the bytes of one system file. */
export function bootFromData(kernel: Kernel, data: string | Uint8Array, path: string): Diagnostic[] {
  return bootFromFiles(kernel, [{ path, data }]);
}
