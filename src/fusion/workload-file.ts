import { fileKind, notRegularHint, type FileSystem } from '../io';
import { isWorkloadError, parseWorkload, type Workload } from './workload';

// Reading a workload file, for --workload and ::run -w alike: only a regular file
// is read (a FIFO or a device could block the read forever), then checked whole.

export type LoadedWorkload =
  | { workload: Workload }
  /** Missing, unreadable or not a regular file; the hint says why when we know. */
  | { cannotOpen: true; hint?: string }
  /** Read, but not a workload: one line naming the file and the field. */
  | { error: string };

export async function loadWorkloadFile(fs: FileSystem, path: string): Promise<LoadedWorkload> {
  const kind = await fileKind(fs, path);
  if (kind.kind !== 'file') {
    const hint = notRegularHint(path, kind);
    return hint === undefined ? { cannotOpen: true } : { cannotOpen: true, hint };
  }
  let text: string;
  try {
    text = (await fs.readFile(path)).toString('utf8');
  } catch {
    return { cannotOpen: true };
  }
  const w = parseWorkload(text, path);
  return isWorkloadError(w) ? { error: w.error } : { workload: w };
}
