import { describe, expect, it } from 'vitest';
import { looksDecimal, parseNumber, withBase } from '../../src/mdb/numbers';

describe('mdb numbers', () => {
  it('reads a bare number in the current radix (16 by default)', () => {
    expect(parseNumber('32', 16)).toEqual({ value: 0x32n });
    expect(parseNumber('32', 10)).toEqual({ value: 32n });
  });
  it('honours the 0x 0t 0o 0i prefixes whatever the radix', () => {
    expect(parseNumber('0t32', 16)).toEqual({ value: 32n });
    expect(parseNumber('0T32', 16)).toEqual({ value: 32n });
    expect(parseNumber('0x20', 10)).toEqual({ value: 32n });
    expect(parseNumber('0o40', 16)).toEqual({ value: 32n });
    expect(parseNumber('0i100000', 16)).toEqual({ value: 32n });
  });
  it('skips _ between digits', () => {
    expect(parseNumber('0t1_000', 16)).toEqual({ value: 1000n });
  });
  it('rejects a digit outside the base with mdb\'s words', () => {
    expect(parseNumber('9', 8)).toEqual({ error: "digit '9' is invalid in current base" });
    expect(parseNumber('0o8', 16)).toEqual({ error: "digit '8' is invalid in current base" });
  });
  it('rejects values past 64 bits', () => {
    expect(parseNumber('ffffffffffffffff', 16)).toEqual({ value: 0xffffffffffffffffn });
    expect(parseNumber('10000000000000000', 16)).toEqual({ error: 'specified value exceeds maximum immediate value' });
  });
  it('shows the base prefix only past a single digit', () => {
    expect(withBase(4n, 16)).toBe('4');
    expect(withBase(0x10n, 16)).toBe('0x10');
    expect(withBase(10n, 16)).toBe('0xa');
  });
  it('knows a decimal-looking token', () => {
    expect(looksDecimal('32')).toBe(true);
    expect(looksDecimal('0t32')).toBe(false);
    expect(looksDecimal('ff')).toBe(false);
  });
});
