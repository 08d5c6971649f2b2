import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import type { FileSystem } from '../../src/io';

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', space: ' ', ctrlC: '\x03', backspace: '\x7f' } as const;

/**
 * A terminal driven by a test: keystrokes go into `input`, and `next(text)`
 * waits until `text` shows in what was written to `output` after the last
 * thing waited for, so each answer is typed only once its question is asked.
 */
export class FakeTerminal {
  readonly input = new PassThrough();
  readonly output = new PassThrough();
  private written = '';
  private seen = 0;

  constructor() {
    this.output.on('data', (c: Buffer) => {
      this.written += c.toString('utf8');
    });
  }

  /** Everything shown so far, without escape codes. */
  get screen(): string {
    return stripVTControlCharacters(this.written);
  }

  async next(text: string, timeoutMs = 3000): Promise<void> {
    const start = Date.now();
    for (;;) {
      const at = this.screen.indexOf(text, this.seen);
      if (at >= 0) {
        this.seen = at + text.length;
        return;
      }
      if (Date.now() - start > timeoutMs) {
        throw new Error(`timed out waiting for ${JSON.stringify(text)}; the screen ends with:\n${this.screen.slice(-600)}`);
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  type(...keys: string[]): void {
    for (const k of keys) this.input.write(k);
  }

  /** Waits for a question, then answers it. */
  async answer(question: string, ...keys: string[]): Promise<void> {
    await this.next(question);
    this.type(...keys);
  }
}

/** Files in memory, with a way to watch what was written. */
export function memoryFs(files: Record<string, string> = {}): FileSystem & { files: Map<string, Buffer> } {
  const store = new Map<string, Buffer>(Object.entries(files).map(([p, t]) => [p, Buffer.from(t)]));
  const missing = (p: string): Error => Object.assign(new Error(`ENOENT: no such file or directory, '${p}'`), { code: 'ENOENT' });
  const get = (p: string): Buffer => {
    const b = store.get(p);
    if (!b) throw missing(p);
    return b;
  };
  return {
    files: store,
    readFile: async (p) => get(p),
    writeFile: async (p, d) => void store.set(p, Buffer.from(d)),
    rename: async (a, b) => {
      store.set(b, get(a));
      store.delete(a);
    },
    copyFile: async (a, b) => void store.set(b, Buffer.from(get(a))),
    unlink: async (p) => {
      get(p);
      store.delete(p);
    },
    // No owners here (stat gives none): nothing is ever given one.
    chown: async (p) => void get(p),
    chmod: async (p) => void get(p),
    stat: async (p) => {
      const b = get(p);
      return { isFile: () => true, isDirectory: () => false, size: b.length };
    },
  };
}
