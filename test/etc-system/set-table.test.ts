import { describe, expect, it } from 'vitest';
import { parseSystemFile } from '../../src/etc-system';
import { brief, boot } from './helpers';

// The set lines are kept as columns: a name is a key shared by every line that
// names it, however it is spaced, and a plain number is kept as the number;
// these pin what the kernel does with such lines against that bookkeeping.

const UNREAD = 'tcp_fusion_rcv_unread_min';

describe('set lines kept as keys and numbers', () => {
  it('one name spelt with and without spaces around the colon is one setting', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_min = 16\nset ip : tcp_fusion_rcv_unread_min = 24\nset ip:tcp_fusion_rcv_unread_min=32\n');
    expect(b.value(UNREAD)).toBe(32n);
    expect(brief(b.diagnostics)).toEqual([
      '3 duplicate: ip:tcp_fusion_rcv_unread_min is set more than once in /etc/system. "set ip:tcp_fusion_rcv_unread_min = 32" applied as the current setting.',
    ]);
  });

  it('a plain line and a line the lexer reads (a value it must judge) name one setting', () => {
    // -1 is not a plain number: the lexer reads that line.
    const b = boot('set ip:tcp_fusion_rcv_unread_min = -1\nset ip:tcp_fusion_rcv_unread_min & 0x7\n');
    expect(b.value(UNREAD)).toBe(7n);
    expect(b.diagnostics).toEqual([]);
  });

  it('the same variable with and without a module are two names', () => {
    const p = parseSystemFile('set maxusers = 1\nset genunix:maxusers = 2\nset maxusers = 3\n', '/etc/system');
    expect(p.entries.map((e) => (e.kind === 'set' ? `${e.module ?? '-'}:${e.name}=${e.valueText}` : ''))).toEqual(['-:maxusers=1', 'genunix:maxusers=2', '-:maxusers=3']);
  });

  it('a store that does not fit, then |, combines with what was stored (the low bytes)', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_min = 0x1fffffff0\nset ip:tcp_fusion_rcv_unread_min | 0x3\n');
    expect(b.value(UNREAD)).toBe(0xfffffff3n);
    expect(brief(b.diagnostics)).toEqual([
      '1 too-wide: ip:tcp_fusion_rcv_unread_min: 0x1fffffff0 does not fit in the 4-byte uint_t; the kernel stores 0xfffffff0',
    ]);
  });

  it('a string between two numbers: the string is not applied, the numbers are', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_min = 0x20\nset ip:tcp_fusion_rcv_unread_min = "x"\nset ip:tcp_fusion_rcv_unread_min | 1\n');
    expect(b.value(UNREAD)).toBe(0x21n);
    expect(brief(b.diagnostics).map((l) => l.split(':')[0])).toEqual(['3 duplicate', '2 string-value']);
  });

  it('the last = decides: earlier stores are overwritten, a later | combines', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_min = 5\nset ip:tcp_fusion_rcv_unread_min = 64\nset ip:tcp_fusion_rcv_unread_min | 2\nset ip:tcp_fusion_rcv_unread_min & 0x42\n');
    expect(b.value(UNREAD)).toBe(0x42n);
  });

  it('stores then | and &: the kernel\'s duplicate warning names the last = and shows the value folded from it', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_min = 5\nset ip:tcp_fusion_rcv_unread_min | 2\nset ip:tcp_fusion_rcv_unread_min = 0x40\n' +
      'set ip:tcp_fusion_rcv_unread_min | 1\nset ip:tcp_fusion_rcv_unread_min & 0x41\n');
    expect(b.value(UNREAD)).toBe(0x41n);
    expect(brief(b.diagnostics)).toEqual([
      '5 duplicate: ip:tcp_fusion_rcv_unread_min is set more than once in /etc/system. "set ip:tcp_fusion_rcv_unread_min = 0x41" applied as the current setting.',
    ]);
    expect(b.diagnostics[0]?.hint).toBe('line 3 overrides the settings on lines 1, 2');
  });

  it('| and & with no = before them combine with the compiled value; an = only on the first line warns of nothing', () => {
    const b = boot('set maxusers | 2\nset maxusers & 3\nset ip:tcp_fusion_rcv_unread_min = 8\nset ip:tcp_fusion_rcv_unread_min | 3\n');
    // maxusers compiles to 0 (the boot sizes it from memory): 0 | 2 & 3 = 2.
    expect(b.value('maxusers')).toBe(2n);
    expect(b.value(UNREAD)).toBe(11n);
    expect(b.diagnostics).toEqual([]);
  });

  it('names are told apart after 25,000 others have been met in this process', () => {
    const many = Array.from({ length: 25_000 }, (_, i) => `set ip:fusion_mdb_knob_${i} = 1`).join('\n');
    expect(parseSystemFile(many, 'a').sets.keyName.length).toBe(25_000);
    const b = boot('set ip:tcp_fusion_rcv_unread_min = 16\nset ip:do_tcp_fusion = 0\nset ip:tcp_fusion_rcv_unread_min = 24\n');
    expect(b.value(UNREAD)).toBe(24n);
    expect(b.value('do_tcp_fusion')).toBe(0n);
    expect(brief(b.diagnostics).map((l) => l.split(':')[0])).toEqual(['3 duplicate']);
  });
});

describe('a table that grows', () => {
  it('keeps every name and line when each line names a new variable past its first room', () => {
    // A short file gets room for 16 rows: the 17th line's new name comes before its row.
    const text = Array.from({ length: 40 }, (_, i) => `set ip:fusion_mdb_k${i}=${i}`).join('\n');
    const p = parseSystemFile(text, 'x');
    expect(p.sets.keys).toBe(40);
    expect(Array.from({ length: 40 }, (_, k) => [p.sets.keyCount(k), p.sets.keyFirst(k), p.sets.keyLast(k)]))
      .toEqual(Array.from({ length: 40 }, (_, k) => [1, k, k]));
    expect(p.entries.map((e) => (e.kind === 'set' ? `${e.name}=${e.valueText}` : ''))).toEqual(Array.from({ length: 40 }, (_, i) => `fusion_mdb_k${i}=${i}`));
  });

  it('chains each name\'s lines in file order across growth', () => {
    const text = Array.from({ length: 100 }, (_, i) => `set ip:tcp_fusion_rcv_unread_min ${i % 3 === 0 ? '|' : '='} ${i}`).join('\n');
    const p = parseSystemFile(text, 'x');
    const rows: number[] = [];
    for (let r = p.sets.keyFirst(0); r >= 0; r = p.sets.next(r)) rows.push(r);
    expect(rows).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(p.sets.keyAllStores(0)).toBe(false);
    // The largest number any line writes; the last '=' is line 99 (row 98), after 98 of the name's lines.
    expect(p.sets.keyPlainMax(0)).toBe(99);
    expect([p.sets.keyLastStore(0), p.sets.keyStoreIndex(0)]).toEqual([98, 98]);
  });

  it('a name of no \'=\' has no last store; a value not a plain number makes the largest number Infinity', () => {
    const p = parseSystemFile('set maxusers | 2\nset maxusers & 3\nset ip:tcp_fusion_rcv_unread_min = 1\nset ip:tcp_fusion_rcv_unread_min | -1\n', 'x');
    expect([p.sets.keyLastStore(0), p.sets.keyStoreIndex(0), p.sets.keyPlainMax(0)]).toEqual([-1, 0, 3]);
    expect([p.sets.keyLastStore(1), p.sets.keyStoreIndex(1), p.sets.keyPlainMax(1)]).toEqual([2, 0, Infinity]);
  });
});

describe('a parse inside a parse', () => {
  it('a Set line (whose fix is tried by parsing the fixed line) leaves one key per name', () => {
    const p = parseSystemFile('set ip:tcp_fusion_rcv_unread_min = 1\nSet ip:tcp_fusion_rcv_unread_min = 2\nset ip:tcp_fusion_rcv_unread_min = 3\n', 'x');
    expect(p.sets.keys).toBe(1);
    expect(p.sets.keyCount(0)).toBe(2);
    expect(p.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['2 keyword-case']);
  });
});

describe('lines of a name that sets no variable', () => {
  it('each line is said about with its own operator and value, however its neighbours are written', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_mn=16\nset ip:tcp_fusion_rcv_unread_mn=16\nset ip:tcp_fusion_rcv_unread_mn=0x10\nset ip:tcp_fusion_rcv_unread_mn|16\nset ip:tcp_fusion_rcv_unread_mn=16\n');
    expect(b.diagnostics.filter((d) => d.code === 'near-miss').map((d) => `${d.line} ${d.code} ${d.hint?.replace(/.*\? /, '')}`)).toEqual([
      '1 near-miss set ip:tcp_fusion_rcv_unread_min=16',
      '2 near-miss set ip:tcp_fusion_rcv_unread_min=16',
      '3 near-miss set ip:tcp_fusion_rcv_unread_min=0x10',
      '4 near-miss set ip:tcp_fusion_rcv_unread_min|16',
      '5 near-miss set ip:tcp_fusion_rcv_unread_min=16',
    ]);
  });
});
