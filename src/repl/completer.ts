import { readdirSync, statSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { formatTable } from '../mdb/formats';
import { DCMDS } from '../mdb/dcmds/table';
import type { Kernel } from '../kernel/kernel';

// Tab completion for the terminal: dcmd names after `::`, format characters
// after `/`, symbol names, and file paths for the dcmds that take a file.

export type Completion = [string[], string];

/** Lists a directory for path completion; names of directories end in `/`. */
export type DirLister = (dir: string) => string[];

export const listDir: DirLister = (dir) => {
  try {
    return readdirSync(dir).map((name) => {
      try {
        return statSync(join(dir, name)).isDirectory() ? `${name}/` : name;
      } catch {
        return name;
      }
    });
  } catch {
    return [];
  }
};

const literal = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a file name is being typed, from the dcmd table's fileArg column: `::etcsystem FILE`, `::persist -f FILE`, ... */
const FILE_ARG = new RegExp(`(?:${DCMDS.flatMap((d) => d.fileArg === undefined ? []
  : [`::${literal(d.name)}\\s+${d.fileArg === '' ? '' : `(?:${d.fileArg.split('|').map(literal).join('|')})\\s+`}`]).join('|') || '(?!)'})(\\S*)$`);

function paths(partial: string, ls: DirLister): Completion {
  const dir = partial.endsWith('/') ? partial.slice(0, -1) || '/' : dirname(partial);
  const base = partial.endsWith('/') ? '' : basename(partial);
  const prefix = partial.endsWith('/') ? partial : dir === '.' && !partial.startsWith('./') ? '' : `${dir}/`;
  const hits = ls(dir === '' ? '.' : dir).filter((n) => n.startsWith(base)).map((n) => `${prefix}${n}`);
  return [hits.sort(), partial];
}

export function complete(line: string, kernel: Kernel, ls: DirLister = listDir): Completion {
  const file = FILE_ARG.exec(line);
  if (file) return paths(file[1] as string, ls);
  const dcmd = /::([A-Za-z0-9_.-]*)$/.exec(line);
  if (dcmd) {
    const word = dcmd[1] as string;
    const names = DCMDS.filter((d) => !d.name.startsWith('$') && d.name.startsWith(word)).map((d) => `::${d.name}`);
    return [names, `::${word}`];
  }
  const fmt = /\/([A-Za-z0-9]*)$/.exec(line);
  if (fmt) {
    const typed = fmt[1] as string;
    // Only a repeat count (or nothing) so far: offer every format character.
    if (/[A-Za-z]$/.test(typed)) return [[], typed];
    return [formatTable(kernel.release.id).map((f) => `${typed}${f.char}`), typed];
  }
  const word = /(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*$/.exec(line);
  if (word) {
    const w = word[0];
    return [kernel.symbols.map((s) => s.name).filter((n) => n.startsWith(w)).sort(), w];
  }
  return [[], line];
}
