import { describe, expect, it } from 'vitest';
import { formatTable, format2str } from '../../src/mdb/formats';
import { pipe } from '../helpers/io';

// Every format character of mdb_fmt.c's fmttab, walked through `=` (the value
// 0x41 itself), a read (`sym/c`) and, for the write rows, a write. The `=`
// expectations are written out by hand from each row's printf shape or fmt_*
// function, one line per character, so a change to any row shows here.

const M = ' '.repeat(16); // the margin `=` output is indented by

/** `0x41=c` on Solaris 10 (the 2008 table): stdout, and stderr when the row cannot print a value. */
const S10_VALUE: Record<string, string | { stderr: string }> = {
  '+': '', '-': '', '^': '',
  B: '41      ', C: 'A', D: '65              ', E: '65              ', G: '101             ',
  H: '41000000        ', I: { stderr: 'mdb: command is not supported by current target\n' },
  J: '41              ', K: '41              ',
  L: { stderr: "mdb: invalid format character -- 'L'\n" }, M: { stderr: "mdb: invalid format character -- 'M'\n" },
  N: '', O: '0101            ', P: '0x41            ', Q: '0101            ',
  R: '1000001', S: 'A', T: ' ', U: '65              ', V: '65      ', W: '41              ',
  X: '41              ', Y: '1970 Jan  1 00:01:05    ', Z: '41              ',
  a: '', b: '0101    ', c: 'A', d: '65      ', e: '65              ', g: '101             ', h: '4100    ',
  i: { stderr: 'mdb: command is not supported by current target\n' },
  l: { stderr: "mdb: invalid format character -- 'l'\n" },
  n: '', o: '0101    ', p: '0x41            ', q: '0101    ', r: ' ', s: 'A', t: ' ', u: '65      ',
  v: '65      ', w: '41      ', x: '41      ', y: '1970 Jan  1 00:01:05    ',
};

describe('format characters', () => {
  it('has exactly the characters of mdb_fmt.c: 50 on Solaris, j and z more on illumos', () => {
    const s10 = formatTable('s10').map((r) => r.char).join('');
    expect(s10).toBe('+-BCDEFGHIJKLMNOPQRSTUVWXYZ^abcdefghilnopqrstuvwxy');
    expect(formatTable('illumos').map((r) => r.char).join('')).toBe('+-BCDEFGHIJKLMNOPQRSTUVWXYZ^abcdefghijlnopqrstuvwxyz');
  });

  it('describes printf rows as mdb_iob_format2str does', () => {
    expect(format2str('%-16llx')).toBe('hexadecimal long long');
    expect(format2str('%-#8hq')).toBe('octal signed short');
    expect(format2str('%-19a')).toBe('symbol');
    expect(format2str('%g')).toBe('double');
    expect(format2str('%c')).toBe('character');
  });

  for (const [ch, want] of Object.entries(S10_VALUE)) {
    it(`0x41=${ch} on Solaris 10`, async () => {
      const r = await pipe([`41=${ch}`]);
      if (typeof want === 'string') {
        // a, S and s clear MDB_IOB_INDENT while they print, so the margin goes
        const line = ch === 'a' ? '0x41:           ' : ch === 'S' || ch === 's' ? want : `${M}${want}`;
        // a row that prints nothing leaves only the margin, which mdb_iob_nlflush drops
        const shown = ['+', '-', '^'].includes(ch) ? '' : ch === 'N' || ch === 'n' ? `${M}\n` : `${line}\n`;
        expect(r.stdout).toBe(shown);
        expect(r.stderr).toBe('');
      } else {
        expect(r.stderr).toBe(want.stderr);
      }
    });
  }

  it('F and f print the bits as a double and a float in %e form', async () => {
    const r = await pipe(['3ff0000000000000=F', '3f800000=f']);
    expect(r.stdout).toBe(`${M}1.000000000000000e+00\n${M}1.000000e+00\n`);
  });

  it('illumos widens E e G g P p, adds j (jazzed binary) and z (a write only)', async () => {
    const r = await pipe(['41=E', '41=e', '41=G', '41=g', '41=p', '41=j', '41=z'], ['-k', '--release', 'illumos']);
    expect(r.stdout).toBe([
      `${M}65${' '.repeat(19)}`, `${M}65${' '.repeat(19)}`, `${M}101${' '.repeat(20)}`, `${M}101${' '.repeat(21)}`,
      `${M}0x41${' '.repeat(15)}`,
      `${M}1000001`, `${M}|     |`, `${M}|     +-- bit 0 mask 0x01`, `${M}+-------- bit 6 mask 0x40`, '',
    ].join('\n'));
    expect(r.stderr).toBe("mdb: invalid format character -- 'z'\n");
  });

  for (const release of ['s10', 'illumos'] as const) {
    it(`reads with every character of the ${release} table (sym/c)`, async () => {
      for (const row of formatTable(release)) {
        const r = await pipe([`do_tcp_fusion/${row.char}`], ['-kq', '--release', release]);
        if (row.write) expect(r.stderr, row.char).toBe(`mdb: expected value to write following ${row.char}\n`);
        else if (row.type === 'match') expect(r.stderr, row.char).toBe(`mdb: expected value following ${row.char}\n`);
        else if (row.char === 'i' || row.char === 'I') expect(r.stderr).toBe('mdb: command is not supported by current target\n');
        else {
          expect(r.stderr, row.char).toBe('');
          expect(r.stdout, row.char).toMatch(/^do_tcp_fusion:\ndo_tcp_fusion: {2}/);
        }
      }
    });

    it(`writes with every write character of the ${release} table and reads the value back`, async () => {
      for (const row of formatTable(release).filter((r) => r.write)) {
        const r = await pipe([`do_tcp_fusion/${row.char} 0t42`], ['-kwq', '--release', release]);
        expect(r.stderr, row.char).toBe('');
        // the echo reads the value back after the write (write_uint8 ... write_uint64)
        expect(r.stdout, row.char).toMatch(/^do_tcp_fusion: {2}(0|0x[0-9a-f]+) +=\s+0x2a\n$/);
      }
    });
  }

  it('a match character finds the first word equal to the value', async () => {
    const r = await pipe(['do_tcp_fusion/L 8', 'do_tcp_fusion/L 7777']);
    expect(r.stdout).toBe('tcp_fusion_rcv_unread_min\n');
    expect(r.stderr).toBe('');
  });

  it('"text" in a format list is printed as it is, and repeat counts are decimal', async () => {
    const r = await pipe(['tcp_fusion_rcv_unread_min/"min="D', '41=2x']);
    expect(r.stdout).toBe(`tcp_fusion_rcv_unread_min:\ntcp_fusion_rcv_unread_min:      min=8               \n${M}41      41      \n`);
  });
});
