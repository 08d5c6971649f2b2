import { describe, expect, it } from 'vitest';
import { run } from '../helpers/io';
import { scratch } from './helpers';

// A check with more findings than fit in one piece of output (they are written about
// 64 KB at a time): every finding once, in file order, each file's under its name,
// the summary last; with --diff, the diff on stdout and the findings on stderr.

const { dir, put } = scratch();
const LINES = 1_000;
const BIG = put('big.system', 'set maxusers = 08\n'.repeat(LINES));
const SMALL = put('small.system', 'set maxusers = 09\n');

const invalid = (file: string, line: number, digit: number): string =>
  `WARNING: invalid number '0${digit}' on line ${line} of ${file} [error: invalid-number]\n` +
  `  hint: a leading 0 makes the number octal (digits 0-7); for ${digit} write ${digit} or 0x${digit}\n`;

describe('--check with many findings', () => {
  it(`text: ${LINES} findings (about 150 KB) then another file's, whole and in order, the summary last`, async () => {
    const r = await run(['--check', BIG, SMALL], '', { cwd: dir });
    let expected = '';
    for (let line = 1; line <= LINES; line++) expected += invalid(BIG, line, 8);
    expected += invalid(SMALL, 1, 9);
    expected += `${LINES + 1} errors, 0 warnings, 0 notes in 2 files\n`;
    expect(r.stdout.length).toBeGreaterThan(2 * 65_536);
    expect(r.stdout).toBe(expected);
    expect(r.code).toBe(1);
  });

  it('gcc: one line per finding, in order', async () => {
    const r = await run(['--check', '--format', 'gcc', BIG], '', { cwd: dir });
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(LINES + 1);
    expect(lines.slice(0, LINES).every((l, i) => l === `${BIG}:${i + 1}:16: error: invalid number '08' [invalid-number]`)).toBe(true);
  });

  it('--diff: the fix on stdout, the findings and the summary on stderr', async () => {
    const fixable = put('fixable.system', 'set maxusers = 0t512\n'.repeat(LINES));
    const r = await run(['--check', '--diff', fixable], '', { cwd: dir });
    expect(r.stdout.startsWith(`--- ${fixable}\n+++ ${fixable}\n`)).toBe(true);
    expect(r.stdout.split('\n').filter((l) => l === '+set maxusers = 512')).toHaveLength(LINES);
    const stderr = r.stderr.split('\n');
    expect(stderr.filter((l) => l.includes('[error: mdb-radix]'))).toHaveLength(LINES);
    expect(stderr.at(-2)).toBe(`${LINES} errors, 1 warning, 0 notes in 1 file`);
  });
});
