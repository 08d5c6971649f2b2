// mdb numbers: prefixes 0x 0t 0o 0i override the current radix (default 16),
// `_` may separate digits, values are unsigned 64-bit (mdb_lex.l, mdb_nv.c).

export const U64_MAX = 0xffffffffffffffffn;

export const PREFIX_RADIX: Record<string, number> = { x: 16, t: 10, o: 8, i: 2 };

export type NumberResult = { value: bigint } | { error: string };

/** Parses a number token in `radix` unless a prefix names another. */
export function parseNumber(token: string, radix: number): NumberResult {
  let digits = token;
  let base = radix;
  const prefix = /^0([xXtToOiI])/.exec(token);
  if (prefix && token.length > 2) {
    base = PREFIX_RADIX[(prefix[1] as string).toLowerCase()] as number;
    digits = token.slice(2);
  }
  let value = 0n;
  const big = BigInt(base);
  for (const ch of digits) {
    if (ch === '_') continue;
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= base) return { error: `digit '${ch}' is invalid in current base` };
    value = value * big + BigInt(d);
    if (value > U64_MAX) return { error: 'specified value exceeds maximum immediate value' };
  }
  return { value };
}

/** Digits of `value` in `radix`, lower case, no prefix. */
export function toRadix(value: bigint, radix: number): string {
  return value.toString(radix);
}

const BASE_PREFIX: Record<number, string> = { 16: '0x', 10: '0t', 8: '0o', 2: '0i' };

/** numtostr with NTOS_SHOWBASE: the prefix appears only when the value is not a single digit. */
export function withBase(value: bigint, radix: number): string {
  const digits = toRadix(value, radix);
  return value >= BigInt(Math.min(radix, 10)) ? `${BASE_PREFIX[radix] ?? ''}${digits}` : digits;
}

/** A bare token made only of decimal digits, which mdb nevertheless reads in the current radix. */
export function looksDecimal(token: string): boolean {
  return /^[0-9][0-9_]*$/.test(token);
}
