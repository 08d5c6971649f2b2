import type { Readable, Writable } from 'node:stream';

// mdb's output pager (iob_pager, mdb_io.c), at a terminal only: after a
// screenful less one line, `>> More [<space>, <cr>, q, n, c, a] ? ` waits for
// a key. Space shows the next page, Return or n one more line, c the rest
// without stopping, q (or Ctrl-C) and a drop the rest of the command's output.
// The prompt is then rubbed out with backspaces, blanks and backspaces, and
// the next line is written over it.

export const MORE_PROMPT = '>> More [<space>, <cr>, q, n, c, a] ? ';
const ERASE = `${'\b'.repeat(MORE_PROMPT.length)}${' '.repeat(MORE_PROMPT.length)}${'\b'.repeat(MORE_PROMPT.length)}`;

export interface Key { name?: string; sequence?: string; ctrl?: boolean }

/** Waits for one key on the terminal; the caller has taken its other listeners off. */
export type ReadKey = () => Promise<Key>;

/**
 * Keys in the order typed. One listener stays on while reading: the keys of
 * one input chunk (a paste, fast typing) arrive together, and a listener
 * added per key would miss all but the first.
 */
export class KeyQueue {
  private keys: { s: string; key: Key }[] = [];
  private waiting: ((k: { s: string; key: Key }) => void) | undefined;
  private readonly listener = (s: string, key: Key | undefined): void => {
    const k = { s: s ?? '', key: key ?? {} };
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w(k);
    } else this.keys.push(k);
  };

  constructor(private readonly input: Readable) {
    input.on('keypress', this.listener);
  }

  next(): Promise<{ s: string; key: Key }> {
    const k = this.keys.shift();
    return k ? Promise.resolve(k) : new Promise((resolve) => { this.waiting = resolve; });
  }

  /** Stops listening; keys not read yet are handed back. */
  close(): { s: string; key: Key }[] {
    this.input.removeListener('keypress', this.listener);
    return this.keys.splice(0);
  }
}

/** The pager's key reader over a queue opened for one command's output. */
export function keyReader(queue: () => KeyQueue): ReadKey {
  return async () => (await queue().next()).key;
}

export class Pager {
  private nlines = 0;
  /** PGSINGLE: one line, then ask again. */
  private single = false;
  /** PGCONT: no more asking for this command. */
  private cont = false;
  private dropping = false;

  constructor(private readonly out: Writable, private readonly rows: () => number, private readonly readKey: ReadKey) {}

  /** mdb_iob_clearlines: each command starts a fresh page. */
  clear(): void {
    this.nlines = 0;
    this.single = false;
    this.cont = false;
    this.dropping = false;
  }

  /** Writes `text` line by line, asking before each line that would push the first off the screen. */
  async write(text: string): Promise<void> {
    let rest = text;
    while (rest !== '' && !this.dropping) {
      const nl = rest.indexOf('\n');
      const line = nl < 0 ? rest : rest.slice(0, nl + 1);
      rest = nl < 0 ? '' : rest.slice(nl + 1);
      if (nl >= 0 && !(await this.ask())) return;
      this.out.write(line);
      if (nl >= 0) this.nlines++;
    }
  }

  /** mdb_iob_flush's decision before a line goes out: false when the rest is dropped. */
  private async ask(): Promise<boolean> {
    if (this.cont) return true;
    if (this.single) {
      this.single = false;
      this.nlines = 0;
    } else if (this.nlines >= this.rows() - 1) {
      this.nlines = 0;
    } else return true;
    this.out.write(MORE_PROMPT);
    for (;;) {
      const key = await this.readKey();
      const name = key.name ?? key.sequence ?? '';
      if (key.ctrl && (name === 'c' || name === '\\')) return this.drop();
      switch (name.toLowerCase()) {
        case 'n': case 'return': case 'enter':
          this.single = true;
          return this.erase();
        case 'q': case 'a':
          return this.drop();
        case 'c':
          this.cont = true;
          return this.erase();
        case 'space':
          return this.erase();
        default:
          continue;
      }
    }
  }

  private erase(): true {
    this.out.write(ERASE);
    return true;
  }

  private drop(): false {
    this.out.write(ERASE);
    this.dropping = true;
    return false;
  }
}
