// ::persist [-f FILE]: the /etc/system lines that keep mdb's writes across a
// reboot, printed or merged into FILE without losing a byte of it.

import { mergePersist, nddKeep, OWNER_RULE, persistLines, writeFileAtomic, type NddKeep } from '../../etc-system/persist';
import { fileKind, writeTarget } from '../../io';
import type { Session } from '../session';
import { counted } from './system-boot';
import type { DcmdContext, DcmdResult } from './types';

const NOTHING = 'nothing to persist: no variable was changed with mdb and no parameter with ndd';

/** ndd settings do not go in /etc/system: the commands that keep them, and where they go. */
function printNdd(s: Session, keep: NddKeep): void {
  const group = (head: string, commands: readonly string[]): void => {
    if (commands.length === 0) return;
    s.out.line(head.replace('THEM', commands.length === 1 ? 'it' : 'them').replace('THESE', commands.length === 1 ? 'this' : 'these'));
    for (const c of commands) s.out.line(`  ${c}`);
  };
  group('ndd settings do not go in /etc/system; ipadm keeps THEM across reboots:', keep.ipadm);
  group('ndd settings last until reboot: run THESE from a boot-time script or an SMF method:', keep.atBoot);
}

/** FILE's bytes, an empty file when it does not exist yet, or why it cannot be read or written. */
async function current(s: Session, path: string): Promise<{ data: Uint8Array; exists: boolean } | { error: string }> {
  const k = await fileKind(s.fs, path);
  if (k.kind === 'missing' || k.kind === 'unknown') {
    // A symbolic link that leads to no file (missing, a loop) is refused before anything is read.
    const target = await writeTarget(s.fs, path);
    if ('broken' in target) return { error: `cannot write ${path}: it is ${target.broken}; ${path} is unchanged` };
  }
  if (k.kind === 'missing') return { data: new Uint8Array(0), exists: false };
  if (k.kind === 'unknown') return { error: `cannot read ${path}: ${k.error instanceof Error ? k.error.message : String(k.error)}; nothing written` };
  if (k.kind !== 'file') return { error: `${path} is not a regular file; nothing written` };
  try {
    return { data: await s.fs.readFile(path), exists: true };
  } catch (e) {
    return { error: `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}; nothing written` };
  }
}

async function persistTo(s: Session, path: string, lines: readonly string[]): Promise<DcmdResult> {
  const old = await current(s, path);
  if ('error' in old) {
    s.out.error(old.error);
    return 'error';
  }
  const merged = mergePersist(old.data, lines);
  const written = await writeFileAtomic(s.fs, path, merged, s.pid);
  if (!written.ok) {
    s.out.error(written.error);
    if (written.owner) {
      const { uid, gid } = written.owner;
      s.out.note(`hint: ${OWNER_RULE}: run fusion-mdb as root or as uid ${uid} (a member of gid ${gid}), or have that user add the lines ::persist prints to ${path}`);
    }
    return 'error';
  }
  const kept = written.backup ? `; the old file is ${written.backup}` : '';
  s.out.line(`${old.exists ? 'wrote' : 'created'} ${path}: ${counted(lines.length, 'line')} for the mdb changes${kept}`);
  for (const line of lines) s.out.line(`  ${line}`);
  const next = s.boots.next;
  if (next?.path === path) {
    // The next boot must read what is on disk now, not the bytes read earlier.
    s.boots.setNext({ ...next, path, data: merged });
    s.out.line('the next ::reboot keeps them');
  } else {
    s.out.line(`::etcsystem ${path} then ::reboot boots from it`);
  }
  return 'ok';
}

export async function persist(ctx: DcmdContext): Promise<DcmdResult> {
  const [flag, path, ...rest] = ctx.args;
  const toFile = flag === '-f' && path !== undefined && rest.length === 0;
  if ((ctx.args.length > 0 && !toFile) || ctx.addr !== undefined) return 'usage';
  const s = ctx.session;
  const lines = persistLines(s.kernel);
  const ndd = nddKeep(s.kernel);
  if (lines.length === 0 && ndd.ipadm.length + ndd.atBoot.length === 0) {
    s.out.line(NOTHING);
    return 'ok';
  }
  if (toFile && lines.length > 0) {
    const r = await persistTo(s, path as string, lines);
    printNdd(s, ndd);
    return r;
  }
  if (toFile) s.out.line(`no mdb change to keep in ${path as string}: nothing written`);
  for (const line of lines) s.out.line(line);
  printNdd(s, ndd);
  return 'ok';
}
