import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadingModules } from '../../src/repl/banner';
import { MORE_PROMPT, Pager, type Key } from '../../src/repl/pager';
import { run } from '../helpers/io';

// What mdb prints only at a terminal: the dmods it loaded (mdb_module_load_all,
// wrapped by the release's auto-wrap rule) and its pager (iob_pager, mdb_io.c).
// The banners are golden files under fixtures/mdb/terminal/.

const dir = join(__dirname, '../../fixtures/mdb/terminal');

describe('Loading modules', () => {
  for (const [release, arch] of [['s10', 'sun4v'], ['s10', 'i86pc'], ['illumos', 'i86pc'], ['opensolaris', 'i86pc'], ['solaris11', 'sun4v']] as const) {
    it(`${release} on ${arch}`, () => {
      expect(loadingModules(release, arch)).toBe(readFileSync(join(dir, `banner-${release}-${arch}.txt`), 'utf8'));
    });
  }
});

function pagerWith(rows: number, keys: string[]): { pager: Pager; out: () => string } {
  const sink = new PassThrough();
  let text = '';
  sink.on('data', (c: Buffer) => { text += c.toString('latin1'); });
  const queue = [...keys];
  const readKey = async (): Promise<Key> => {
    const k = queue.shift();
    if (k === undefined) throw new Error('the pager asked for a key nobody typed');
    return { name: k };
  };
  return { pager: new Pager(sink, () => rows, readKey), out: () => text };
}

const ERASE = `${'\b'.repeat(38)}${' '.repeat(38)}${'\b'.repeat(38)}`;
const lines = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}\n`).join('');

describe('the pager', () => {
  it('asks after rows - 1 lines; space gives a page, n one line, q drops the rest', async () => {
    const { pager, out } = pagerWith(5, ['space', 'n', 'q']);
    await pager.write(lines(1, 20));
    expect(MORE_PROMPT).toBe('>> More [<space>, <cr>, q, n, c, a] ? ');
    expect(out()).toBe(`${lines(1, 4)}${MORE_PROMPT}${ERASE}${lines(5, 8)}${MORE_PROMPT}${ERASE}${lines(9, 9)}${MORE_PROMPT}${ERASE}`);
  });

  it('c shows the rest without asking again, until the next command', async () => {
    const { pager, out } = pagerWith(3, ['c', 'q']);
    await pager.write(lines(1, 9));
    expect(out()).toBe(`${lines(1, 2)}${MORE_PROMPT}${ERASE}${lines(3, 9)}`);
    pager.clear();
    await pager.write(lines(1, 3));
    expect(out().endsWith(`${lines(1, 2)}${MORE_PROMPT}${ERASE}`)).toBe(true);
  });

  it('never appears on a pipe or with -e, even when stdout is a terminal', async () => {
    for (const r of [
      await run(['-k'], '::nm\n'),
      await run(['-k', '-e', '::nm']),
      await run(['-k'], '::nm\n', { stdoutIsTTY: true }),
      await run(['-k', '-e', '::nm'], '', { stdoutIsTTY: true }),
    ]) {
      expect(r.stdout).not.toContain('>> More');
      expect(r.stdout.split('\n').length).toBeGreaterThan(100);
    }
  });
});
