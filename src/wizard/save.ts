import { writeFileAtomic } from '../etc-system/persist';
import type { Workload } from '../fusion/workload';
import { fileKind, type FileSystem } from '../io';
import { parseName } from './answers';
import { askText, askYesNo, type Ask } from './ask';

export const DEFAULT_PATH = './workload.json';

/** The workload file as ::run -w and --workload read it. */
export const workloadJson = (w: Workload): string => `${JSON.stringify(w, null, 2)}\n`;

type Existing = 'none' | 'file' | 'other';

async function existing(fs: FileSystem, path: string): Promise<Existing> {
  const { kind } = await fileKind(fs, path);
  return kind === 'file' ? 'file' : kind === 'directory' || kind === 'special' ? 'other' : 'none';
}

/**
 * Offers to save the workload until it is saved or the user declines: an
 * existing file is replaced only after a yes (default no), atomically, with
 * the old one kept as FILE.bak. Returns the path written, if any.
 */
export async function offerSave(ask: Ask, fs: FileSystem, w: Workload, say: (line: string) => void, pid = 0): Promise<string | undefined> {
  while (await askYesNo(ask, 'Save this workload as JSON?', true)) {
    const { name: path } = await askText(ask, 'File', DEFAULT_PATH, (t) => parseName(t, DEFAULT_PATH));
    const there = await existing(fs, path);
    if (there === 'other') {
      say(`${path} is not a regular file: choose another name`);
      continue;
    }
    if (there === 'file' && !(await askYesNo(ask, `${path} exists. Replace it?`, false))) continue;
    const r = await writeFileAtomic(fs, path, workloadJson(w), pid);
    if (!r.ok) {
      say(r.error);
      continue;
    }
    say(`workload ${w.name} saved to ${path}${r.backup ? ` (the old file is in ${r.backup})` : ''}`);
    return path;
  }
  return undefined;
}
