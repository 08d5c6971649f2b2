import { createInterface } from 'node:readline';
import pkg from '../../package.json';
import type { IO } from '../io';
import type { Session } from '../mdb/session';
import { complete } from './completer';
import { HISTORY_SIZE, historyPath, loadHistory, saveHistory } from './history';
import { lender } from './lend';

// The terminal loop: a `> ` prompt, one line at a time, Tab completion and
// history across sessions. Ctrl-C abandons the line and keeps the session, as
// mdb does; Ctrl-D, $q and ::quit leave on a fresh line.

function banner(session: Session): string {
  const k = session.kernel;
  const mode = session.writable ? 'open for writing' : 'read-only ($W or -w to write)';
  return `fusion-mdb ${pkg.version}: ${k.release.id} model kernel ${k.release.uname} (${k.arch.id}), ${mode}\n` +
    '::help explains the commands, ::dcmds lists them, $q quits.\n';
}

export async function runRepl(session: Session, io: IO): Promise<void> {
  const path = historyPath(io.env);
  const rl = createInterface({
    input: io.stdin,
    output: io.stdout,
    prompt: '> ',
    terminal: true,
    history: await loadHistory(io.fs, path),
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    completer: (line: string) => complete(line, session.kernel),
  });
  session.lendTerminal = lender(rl, io);
  // The first failed save says why, once; after that the session has no history.
  let saving = true;
  let pendingSave = Promise.resolve();
  rl.on('history', (history: string[]) => {
    if (!saving) return;
    const snapshot = [...history];
    pendingSave = pendingSave.then(async () => {
      const why = saving ? await saveHistory(io.fs, path, snapshot, session.pid) : undefined;
      if (why !== undefined && saving) {
        saving = false;
        session.out.note(`note: history not saved to ${path}: ${why}`);
        session.out.flush();
      }
    });
  });
  let lineNo = 0;
  let closing = false;
  rl.on('SIGINT', () => {
    // Empty readline's buffer (Ctrl-U redraws the bare prompt), show what was
    // abandoned, and start a fresh prompt line.
    const abandoned = rl.line;
    rl.write(null, { ctrl: true, name: 'u' });
    io.stdout.write(`${abandoned}^C\n`);
    rl.prompt();
  });
  const done = new Promise<void>((resolve) => rl.once('close', () => resolve()));
  io.stdout.write(banner(session));
  // Lines typed (or pasted) while a command runs wait their turn.
  let queue = Promise.resolve();
  rl.prompt();
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      if (closing) return;
      const r = await session.runLine(line, ++lineNo);
      session.out.flush();
      if (r.quit) {
        closing = true;
        rl.close();
        return;
      }
      rl.prompt();
    });
  });
  await done;
  await pendingSave;
  if (!closing) io.stdout.write('\n');
}
