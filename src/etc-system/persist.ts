// ::persist: the /etc/system lines that keep what mdb changed in the running
// kernel, merged into a file without losing a byte of it, and written atomically.

import { failureText, fileKind, replaceFile, type FileSystem, type Ownership } from '../io';
import type { Kernel, NddValue } from '../kernel/kernel';
import { keepNddCommand } from '../kernel/releases/ndd/properties';
import { entryName, qualifiedName } from './hints';
import { parseSystemFile, type SetEntry } from './parser';
import { splitLines, type Line } from './lines';

/**
 * `set [module:]name=VALUE` for every variable whose live value came from mdb, in symbol
 * order, in decimal as an administrator writes it (the kernel reads a 64-bit decimal whole,
 * so booting the line stores the same bytes).
 */
export function persistLines(kernel: Kernel): string[] {
  return kernel.symbols
    .filter((sym) => kernel.provenance(sym.name) === 'mdb')
    .map((sym) => `set ${qualifiedName(sym.module, sym.name)}=${kernel.value(sym).toString(10)}`);
}

/** What keeps the ndd changes of a session: ipadm set-prop lines, and ndd -set lines to run at boot. */
export interface NddKeep {
  ipadm: string[];
  /** ndd -set lasts until reboot: these belong in a boot-time script or SMF method. */
  atBoot: string[];
}

/**
 * Where ipadm tunes the protocol, send_buf and recv_buf are refused above the
 * current max_buf (tunables.c, mod_set_buf_prop(): ERANGE), so a max_buf goes
 * before them; after them only when it is lowered below one of them, which the
 * kernel allows (max_buf's setter checks its own range only).
 */
function replayOrder(changed: NddValue[]): NddValue[] {
  const isMax = (v: NddValue): boolean => v.param.ipadm === 'max_buf';
  const lowered = (max: NddValue): boolean =>
    changed.some((v) => v.param.device === max.param.device && (v.param.ipadm === 'send_buf' || v.param.ipadm === 'recv_buf') && v.value > max.value);
  const first = changed.filter((v) => isMax(v) && !lowered(v));
  const last = changed.filter((v) => isMax(v) && lowered(v));
  return [...first, ...changed.filter((v) => !isMax(v)), ...last];
}

/**
 * The commands that keep every ndd parameter set in this session: `ipadm set-prop` where
 * the release tunes with ipadm and has the property (illumos, Solaris 11), else `ndd -set`.
 */
export function nddKeep(kernel: Kernel): NddKeep {
  const keep = replayOrder(kernel.nddParams().filter((v) => v.provenance === 'ndd'))
    .map((v) => keepNddCommand(kernel.release, v.param, v.value));
  return { ipadm: keep.filter((k) => !k.atBoot).map((k) => k.command), atBoot: keep.filter((k) => k.atBoot).map((k) => k.command) };
}

const setLines = (text: string): SetEntry[] =>
  parseSystemFile(text, '').entries.filter((e): e is SetEntry => e.kind === 'set' && e.command !== 'set32');

/**
 * Merges persist lines into a system file. For each variable, its first earlier
 * set line (=, | or &) is replaced in place and its later set lines are removed,
 * so that booting the result gives exactly the new value; variables not set yet
 * are appended. Every other byte is kept: comments, line ends (CRLF stays CRLF)
 * and the presence or absence of a final newline. A Buffer in gives a Buffer out.
 */
export function mergePersist(old: string, lines: readonly string[]): string;
export function mergePersist(old: Uint8Array, lines: readonly string[]): Buffer;
export function mergePersist(old: string | Uint8Array, lines: readonly string[]): string | Buffer {
  const text = typeof old === 'string' ? old : Buffer.from(old).toString('latin1');
  const out = splitLines(text);
  const eol = out.find((l) => l.eol !== '')?.eol ?? '\n';
  const wanted = new Map(setLines(lines.join('\n')).map((e) => [entryName(e), lines[e.at.line - 1] as string]));
  const drop = new Set<number>();
  const placed = new Set<string>();
  for (const e of setLines(text)) {
    const key = entryName(e);
    const line = wanted.get(key);
    if (line === undefined) continue;
    const at = e.at.line - 1;
    if (placed.has(key)) drop.add(at);
    else (out[at] as Line).body = line;
    placed.add(key);
  }
  const kept = out.filter((_l, i) => !drop.has(i));
  const added = [...wanted].filter(([key]) => !placed.has(key)).map(([, line]) => ({ body: line, eol }));
  const finalNewline = text === '' || /[\r\n]$/.test(text);
  const last = kept[kept.length - 1];
  if (added.length > 0 && last && last.eol === '') last.eol = eol;
  const all = [...kept, ...added];
  const tail = all[all.length - 1];
  if (tail) tail.eol = finalNewline ? tail.eol || eol : '';
  const merged = all.map((l) => l.body + l.eol).join('');
  return typeof old === 'string' ? merged : Buffer.from(merged, 'latin1');
}

/**
 * A write done (the old file kept at `backup`, beside the file written: through a symbolic
 * link, the file it leads to), or one that failed: why, in the words "cannot ...; PATH is
 * unchanged", the owner it could not keep when that was why, and `refused` (the reason alone,
 * "it is a symbolic link to ...") when the path was a link that leads to no file.
 */
export type WriteResult = { ok: true; backup?: string } | { ok: false; error: string; owner?: Ownership; refused?: string };

/** Why a file's owner could not be kept, for a hint: who may give a file away (chown(2): EPERM). */
export const OWNER_RULE = 'only root may give a file to another user, or to a group the user is not in';

/**
 * Replaces `path` with `data` atomically: the old file is copied to PATH.bak
 * and the data written to PATH.tmp-<pid>-<n>, both with the old file's owner,
 * group and mode, then both renamed into place. On any failure PATH is untouched,
 * no temporary file is left (nor a new PATH.bak, unless only the last rename
 * failed: then it is a copy of the unchanged PATH), and the error returned.
 * When PATH is a symbolic link, all of this happens to the file it leads to, in
 * that file's directory; the link stays as it was, and one that leads to no file
 * is refused. Messages call the file `name` (as the user gave it); the backup
 * returned is named so too, unless a link put it beside another file.
 */
export async function writeFileAtomic(fs: FileSystem, path: string, data: string | Uint8Array, pid = 0, name = path): Promise<WriteResult> {
  const { kind } = await fileKind(fs, path);
  if (kind === 'directory' || kind === 'special') return { ok: false, error: `${name} is not a regular file; nothing written` };
  // Missing (or not known): a new file, nothing to back up.
  const done = await replaceFile(fs, path, data, { pid, backup: kind === 'file', name });
  if (!done.ok) {
    const error = `${failureText(done)}; ${name} is unchanged`;
    if (done.refused !== undefined) return { ok: false, error, refused: `${done.refused}; ${name} is unchanged` };
    return done.owner ? { ok: false, error, owner: done.owner } : { ok: false, error };
  }
  return done.backup === undefined ? { ok: true } : { ok: true, backup: done.backup };
}
