import type { Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { KeyQueue, type Key } from './pager';

// Ctrl-R at the prompt: search the history backwards as you type, as
// mdb's terminal editor and the shells do. Each key narrows the search;
// Ctrl-R again finds the next older match; Return runs the line found; Esc or
// Ctrl-G gives the line back as it was; any other editing key keeps the line
// found for editing. While it runs, readline hears no keys.

type Listener = (...args: unknown[]) => void;

export interface SearchDeps {
  rl: Interface;
  input: Readable;
  output: Writable;
  /** Newest first, as readline keeps it. */
  history: () => readonly string[];
}

/** Installs the Ctrl-R handler; it runs before readline sees the key. */
export function installSearch(d: SearchDeps): void {
  const onKey = (_s: string, key: Key | undefined): void => {
    if (!key?.ctrl || key.name !== 'r') return;
    void search(d);
  };
  d.input.prependListener('keypress', onKey as Listener);
}

async function search(d: SearchDeps): Promise<void> {
  const { rl, input, output } = d;
  const original = rl.line;
  // readline's own listeners (and ours) come off until the search ends; this keypress
  // (the Ctrl-R itself) is still being delivered to them, so they are removed next tick
  await new Promise((r) => setImmediate(r));
  const theirs = input.listeners('keypress') as Listener[];
  for (const l of theirs) input.removeListener('keypress', l);
  let query = '';
  let from = 0;
  let found = '';
  const find = (start: number): void => {
    const h = d.history();
    for (let i = start; i < h.length; i++) {
      if ((h[i] as string).includes(query)) {
        found = h[i] as string;
        from = i;
        return;
      }
    }
  };
  const show = (): void => {
    output.write(`\r\x1b[K(reverse-i-search)'${query}': ${found}`);
  };
  show();
  const keys = new KeyQueue(input);
  const done = (line: string, submit: boolean): void => {
    keys.close();
    for (const l of theirs) input.on('keypress', l);
    output.write('\r\x1b[K');
    rl.write(null, { ctrl: true, name: 'u' });
    rl.write(line);
    if (submit) rl.write('\n');
  };
  for (;;) {
    const { s, key: k } = await keys.next();
    if (k.ctrl && k.name === 'r') {
      if (query) find(from + 1);
      show();
    } else if (k.name === 'return' || k.name === 'enter') {
      return done(found || original, true);
    } else if (k.name === 'escape' || (k.ctrl && (k.name === 'g' || k.name === 'c'))) {
      return done(original, false);
    } else if (k.name === 'backspace') {
      query = query.slice(0, -1);
      found = '';
      if (query) find(0);
      show();
    } else if (s && s.length === 1 && s >= ' ' && !k.ctrl) {
      query += s;
      found = '';
      find(0);
      show();
    } else {
      return done(found || original, false);
    }
  }
}
