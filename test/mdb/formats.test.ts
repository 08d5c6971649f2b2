import { describe, expect, it } from 'vitest';
import { FORMATS, formatRow } from '../../src/mdb/formats';
import { label, toStop, wrapFields } from '../../src/mdb/printf';

const p = (ch: string, v: bigint, radix = 16): string => {
  const row = formatRow(ch);
  if (!row?.print) throw new Error(`no format ${ch}`);
  return row.print(v, radix);
};

describe('format table', () => {
  it('has the sizes of mdb.md', () => {
    const sizes = Object.fromEntries(FORMATS.map((f) => [f.char, f.size]));
    expect(sizes).toMatchObject({ D: 4, U: 4, X: 4, W: 4, O: 4, E: 8, e: 8, J: 8, Z: 8, K: 8,
      d: 2, u: 2, x: 2, w: 2, o: 2, B: 1, V: 1, v: 1, b: 1, c: 1 });
  });
  it('marks v w W Z as the write formats', () => {
    expect(FORMATS.filter((f) => f.kind === 'write').map((f) => f.char).sort()).toEqual(['W', 'Z', 'v', 'w']);
  });
  it('prints with the printf shapes: left-justified, 16 or 8 wide', () => {
    expect(p('D', 0xffffffffn)).toBe('-1              ');
    expect(p('U', 0xffffffffn)).toBe('4294967295      ');
    expect(p('X', 0x20n)).toBe('20              ');
    expect(p('O', 0o40n)).toBe('040             ');
    expect(p('O', 0n)).toBe('0               ');
    expect(p('W', 32n, 10)).toBe('32              ');
    expect(p('d', 0xffffn)).toBe('-1      ');
    expect(p('B', 0xffn)).toBe('ff      ');
    expect(p('v', 0xffn)).toBe('-1      ');
    expect(p('b', 8n)).toBe('010     ');
    expect(p('e', 0xffffffffffffffffn)).toBe('-1              ');
  });
  it('widens J to 17 when the top nibble is set', () => {
    expect(p('J', 0x1n)).toBe('1               ');
    expect(p('J', 0xfffffffffbc2f0a8n)).toBe('fffffffffbc2f0a8 ');
  });
});

describe('printf columns', () => {
  it('pads a label to column 16, or the next multiple of 16', () => {
    expect(label('do_tcp_fusion')).toBe('do_tcp_fusion:  ');
    expect(label('tcp_fusion_rcv_unread_min')).toBe(`tcp_fusion_rcv_unread_min:${' '.repeat(6)}`);
    expect(label('abcdefghijklmno')).toBe('abcdefghijklmno:');
  });
  it('tabs to the next multiple of 8', () => {
    expect(toStop('0x8=', 8)).toBe('0x8=    ');
  });
  it('wraps at 80 columns with a 16-space indent', () => {
    const f = '1'.padEnd(16);
    expect(wrapFields('x:'.padEnd(16), [f, f, f, f, f])).toBe(`x:${' '.repeat(14)}${f.repeat(4)}\n${' '.repeat(16)}${f}`);
  });
});
