import type { Kernel } from '../kernel/kernel';
import { bootKernel } from './boot';
import { byPlace, type Diagnostic } from './diagnostic';
import { parseSystemFile } from './parser';

/** Boots `kernel` from the bytes of a system file: parse and boot diagnostics, in file order. */
export function bootFromData(kernel: Kernel, data: string | Uint8Array, path: string): Diagnostic[] {
  const parsed = parseSystemFile(data, path);
  return [...parsed.diagnostics, ...bootKernel(kernel, parsed, path)].sort(byPlace);
}
