import type { Kernel } from '../kernel/kernel';
import { bootKernel } from './boot';
import { byPlace, type Diagnostic } from './diagnostic';
import { parseSystemFile, type ParsedSystemFile } from './parser';

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
  return bootParsed(kernel, files.map((f) => parseSystemFile(f.data, f.path)));
}

/** bootFromFiles() of files already parsed. */
export function bootParsed(kernel: Kernel, parsed: readonly ParsedSystemFile[]): Diagnostic[] {
  const found = ([] as Diagnostic[]).concat(...parsed.map((p) => p.diagnostics), bootKernel(kernel, parsed));
  return parsed.length === 1 ? inOrder(found) : byFile(parsed.map((p) => p.path), found);
}

/** A finding with no line, but cannot-open (which is about the file itself): after every finding of a file. */
const lineless = (d: Diagnostic): boolean => d.line === 0 && d.code !== 'cannot-open';

/**
 * One file's findings in file order, those of no line after them: sorted whole,
 * which puts every finding of line 0 first, then those of them but cannot-open
 * moved to the end (a sort is stable: each part keeps its order).
 */
function inOrder(found: Diagnostic[]): Diagnostic[] {
  found.sort(byPlace);
  let first = 0;
  while (first < found.length && (found[first] as Diagnostic).line === 0) first++;
  const moved = found.slice(0, first).filter(lineless);
  if (moved.length === 0) return found;
  return [...found.slice(0, first).filter((d) => !lineless(d)), ...found.slice(first), ...moved];
}

/**
 * Each file's diagnostics together, in the order of the files; those of no line (but
 * cannot-open) after them all. The rank is looked up when the file changes, not per
 * diagnostic; an indexed loop, as in the other passes over every finding: a check
 * runs each once, mostly before the JIT has compiled it, and a for-of or forEach is
 * many times slower uncompiled.
 */
function byFile(paths: readonly string[], found: readonly Diagnostic[]): Diagnostic[] {
  const last = paths.length;
  const order = new Map(paths.map((path, i) => [path, i]));
  const buckets: Diagnostic[][] = Array.from({ length: paths.length + 1 }, () => []);
  let file: string | undefined;
  let rank = last;
  for (let i = 0; i < found.length; i++) {
    const d = found[i] as Diagnostic;
    if (lineless(d)) {
      (buckets[last] as Diagnostic[]).push(d);
      continue;
    }
    if (d.file !== file) {
      file = d.file;
      rank = order.get(file) ?? last;
    }
    (buckets[rank] as Diagnostic[]).push(d);
  }
  // Joined by concat, which copies each list whole: flatMap, which adds element by element, took 4 to 18 ms for 40,000.
  const lists = buckets.filter((list) => list.length > 0);
  for (const list of lists) list.sort(byPlace);
  return lists.length === 1 ? lists[0] as Diagnostic[] : ([] as Diagnostic[]).concat(...lists);
}

/** Boots `kernel` from the bytes of one system file. */
export function bootFromData(kernel: Kernel, data: string | Uint8Array, path: string): Diagnostic[] {
  return bootFromFiles(kernel, [{ path, data }]);
}
