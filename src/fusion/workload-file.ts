import { readUserFile, type FileSystem } from '../io';
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
  const read = await readUserFile(fs, path);
  if ('cannotOpen' in read) return read;
  const w = parseWorkload(Buffer.from(read.data).toString('utf8'), path);
  return isWorkloadError(w) ? { error: w.error } : { workload: w };
}
