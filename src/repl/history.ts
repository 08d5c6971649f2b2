import { homedir } from 'node:os';
import { join } from 'node:path';
import { failureText, readRegularFile, replaceFile, type FileSystem } from '../io';

// Command history across sessions: ~/.fusion_mdb_history, or FUSION_MDB_HISTORY.
// Duplicates are kept once (the newest); a file that cannot be read or written
// simply means no history.

export const HISTORY_SIZE = 1000;

export function historyPath(env: Record<string, string | undefined>): string {
  return env.FUSION_MDB_HISTORY || join(env.HOME || homedir(), '.fusion_mdb_history');
}

/** Newest first, as node:readline wants it; duplicates removed. */
export function parseHistory(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  for (let i = lines.length - 1; i >= 0 && out.length < HISTORY_SIZE; i--) {
    const l = lines[i] as string;
    if (!seen.has(l)) {
      seen.add(l);
      out.push(l);
    }
  }
  return out;
}

/** The file's text for a history list (newest first): oldest line first. */
export function formatHistory(newestFirst: readonly string[]): string {
  return newestFirst.length ? `${[...newestFirst].slice(0, HISTORY_SIZE).reverse().join('\n')}\n` : '';
}

export async function loadHistory(fs: FileSystem, path: string): Promise<string[]> {
  // A FIFO named as the history file is never read (the read would wait forever).
  const data = await readRegularFile(fs, path);
  return data === undefined ? [] : parseHistory(Buffer.from(data).toString('utf8'));
}

/**
 * Saves atomically (temporary file, then rename), so a full or read-only disk
 * leaves the old history intact. Returns why it could not, if it could not.
 */
export async function saveHistory(fs: FileSystem, path: string, newestFirst: readonly string[], pid = 0): Promise<string | undefined> {
  const done = await replaceFile(fs, path, formatHistory(newestFirst), { pid });
  return done.ok ? undefined : failureText(done);
}
