// ::persist [-f FILE]: the /etc/system lines that keep mdb's writes across a
// reboot, printed or merged into FILE without losing a byte of it.

import { mergePersist, persistLines, writeFileAtomic } from '../../etc-system/persist';
import { fileKind } from '../../io';
import { setNextBoot } from '../boot-state';
import type { Session } from '../session';
import { counted } from './system-boot';
import type { DcmdContext, DcmdResult } from './types';

const NOTHING = 'nothing to persist: no variable was changed with mdb';

/** FILE's bytes, an empty file when it does not exist yet, or why it cannot be read. */
async function current(s: Session, path: string): Promise<{ data: Uint8Array; exists: boolean } | { error: string }> {
  const k = await fileKind(s.fs, path);
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
    return 'error';
  }
  const kept = written.backup ? `; the old file is ${written.backup}` : '';
  s.out.line(`${old.exists ? 'wrote' : 'created'} ${path}: ${counted(lines.length, 'line')} for the mdb changes${kept}`);
  for (const line of lines) s.out.line(`  ${line}`);
  if (s.boot?.path === path) {
    // The next boot must read what is on disk now, not the bytes read earlier.
    setNextBoot(s, { path, data: merged });
    s.out.line('the next ::reboot keeps them');
  } else {
    s.out.line(`::etcsystem ${path} then ::reboot boots from it`);
  }
  return 'ok';
}

export function persist(ctx: DcmdContext): DcmdResult | Promise<DcmdResult> {
  const [flag, path, ...rest] = ctx.args;
  const toFile = flag === '-f' && path !== undefined && rest.length === 0;
  if ((ctx.args.length > 0 && !toFile) || ctx.addr !== undefined) return 'usage';
  const s = ctx.session;
  const lines = persistLines(s.kernel);
  if (lines.length === 0) {
    s.out.line(NOTHING);
    return 'ok';
  }
  if (toFile) return persistTo(s, path as string, lines);
  for (const line of lines) s.out.line(line);
  return 'ok';
}
