import { createInterface } from 'node:readline';
import type { IO } from '../io';
import type { Session } from '../mdb/session';
import { loadingModules } from './banner';
import { complete } from './completer';
import { HISTORY_SIZE, historyPath, loadHistory, saveHistory } from './history';
import { lender } from './lend';
import { KeyQueue, keyReader, Pager } from './pager';
import { installSearch } from './search';

// The terminal loop: mdb's `Loading modules: [ ... ]`, a `> ` prompt, one line
// at a time, Tab completion, history across sessions and Ctrl-R to search it,
// and mdb's pager for output longer than the screen. Ctrl-C abandons the line
// and keeps the session, as mdb does; Ctrl-D, $q and ::quit leave on a fresh line.

export async function runRepl(session: Session, io: IO): Promise<void> {
  const path = historyPath(io.env);
  const loaded = await loadHistory(io.fs, path);
  let history: readonly string[] = loaded;
  const rl = createInterface({
    input: io.stdin,
    output: io.stdout,
    prompt: '> ',
    terminal: true,
    history: loaded,
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    completer: (line: string) => complete(line, session.kernel),
  });
  session.lendTerminal = lender(rl, io);
  // The first failed save says why, once; after that the session has no history.
  let saving = true;
  let pendingSave = Promise.resolve();
  rl.on('history', (h: string[]) => {
    history = [...h];
    if (!saving) return;
    const snapshot = [...h];
    pendingSave = pendingSave.then(async () => {
      const why = saving ? await saveHistory(io.fs, path, snapshot, session.pid) : undefined;
      if (why !== undefined && saving) {
        saving = false;
        session.out.note(`note: history not saved to ${path}: ${why}`);
        session.out.flush();
        await page();
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
  installSearch({ rl, input: io.stdin, output: io.stdout, history: () => history });
  // What a command prints is held, then paged (stderr goes straight out, in its place)
  let keys: KeyQueue | undefined;
  const pager = new Pager(io.stdout, () => (io.stdout as { rows?: number }).rows ?? 24, keyReader(() => (keys ??= new KeyQueue(io.stdin))));
  let held: { err: boolean; text: string }[] = [];
  session.out.redirect((text) => held.push({ err: false, text }), (text) => held.push({ err: true, text }));
  const page = async (): Promise<void> => {
    const chunks = held;
    held = [];
    if (!session.pager) {
      for (const c of chunks) (c.err ? io.stderr : io.stdout).write(c.text);
      return;
    }
    // readline hears no keys while the pager asks
    const theirs = io.stdin.listeners('keypress') as ((...a: unknown[]) => void)[];
    for (const l of theirs) io.stdin.removeListener('keypress', l);
    try {
      for (const c of chunks) {
        if (c.err) io.stderr.write(c.text);
        else await pager.write(c.text);
      }
    } finally {
      keys?.close();
      keys = undefined;
      for (const l of theirs) io.stdin.on('keypress', l);
    }
  };
  io.stdout.write(loadingModules(session.kernel.release.id, session.kernel.arch.id));
  // Lines typed (or pasted) while a command runs wait their turn.
  let queue = Promise.resolve();
  rl.prompt();
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      if (closing) return;
      pager.clear();
      const r = await session.runLine(line, ++lineNo);
      session.out.flush();
      await page();
      if (r.quit) {
        closing = true;
        rl.close();
        return;
      }
      // ::set -P may have changed it
      rl.setPrompt(session.prompt);
      rl.prompt();
    });
  });
  await done;
  await pendingSave;
  if (!closing) io.stdout.write('\n');
}
