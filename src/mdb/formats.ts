import { toRadix } from './numbers';
import { left } from './printf';

// The format characters, one row each (after mdb_fmt.c's fmttab): size in bytes,
// how a value read at that size is printed, and the ::formats help text.

export type FormatKind = 'read' | 'write' | 'unsupported';

export interface FormatRow {
  char: string;
  kind: FormatKind;
  size: 1 | 2 | 4 | 8;
  /** Help text as ::formats prints it after `c - `. */
  help: string;
  /** Renders one unsigned value read at `size` (radix for `r` shapes). */
  print?: (value: bigint, radix: number) => string;
}

const signed = (v: bigint, size: number): bigint => BigInt.asIntN(size * 8, v);
/** `%#o`: a leading 0 only when non-zero. */
const octalAlt = (v: bigint): string => (v === 0n ? '0' : `0${v.toString(8)}`);

/** fmt_hex64: 16 wide, 17 when the top nibble is set. */
const hex64 = (v: bigint): string => left(v.toString(16), (v >> 60n) !== 0n ? 17 : 16);

function row(char: string, size: 1 | 2 | 4 | 8, kind: FormatKind, help: string,
  print?: FormatRow['print']): FormatRow {
  return print ? { char, size, kind, help, print } : { char, size, kind, help };
}

const w = (size: number): number => (size >= 4 ? 16 : 8);

const decimalSigned = (size: 1 | 2 | 4 | 8): FormatRow['print'] => (v) => left(signed(v, size).toString(), w(size));
const decimalUnsigned = (size: 1 | 2 | 4 | 8): FormatRow['print'] => (v) => left(v.toString(), w(size));
const hex = (size: 1 | 2 | 4 | 8): FormatRow['print'] => (v) => left(v.toString(16), w(size));
const octal = (size: 1 | 2 | 4 | 8): FormatRow['print'] => (v) => left(octalAlt(v), w(size));
const radixed = (size: 1 | 2 | 4 | 8): FormatRow['print'] => (v, r) => left(toRadix(v, r), w(size));

export const FORMATS: readonly FormatRow[] = [
  row('B', 1, 'read', 'hexadecimal int', hex(1)),
  row('D', 4, 'read', 'decimal signed int', decimalSigned(4)),
  row('E', 8, 'read', 'decimal unsigned long long', decimalUnsigned(8)),
  row('J', 8, 'read', 'hexadecimal long long', hex64),
  row('K', 8, 'read', 'hexadecimal uintptr_t', hex64),
  row('O', 4, 'read', 'octal unsigned int', octal(4)),
  row('U', 4, 'read', 'decimal unsigned int', decimalUnsigned(4)),
  row('V', 1, 'read', 'decimal unsigned int', decimalUnsigned(1)),
  row('W', 4, 'write', 'default radix unsigned int', radixed(4)),
  row('X', 4, 'read', 'hexadecimal int', hex(4)),
  row('Z', 8, 'write', 'hexadecimal long long', hex64),
  row('b', 1, 'read', 'octal unsigned int', octal(1)),
  row('c', 1, 'read', 'character', (v) => String.fromCharCode(Number(v))),
  row('d', 2, 'read', 'decimal signed short', decimalSigned(2)),
  row('e', 8, 'read', 'decimal signed long long', decimalSigned(8)),
  row('o', 2, 'read', 'octal unsigned short', octal(2)),
  row('u', 2, 'read', 'decimal unsigned short', decimalUnsigned(2)),
  row('v', 1, 'write', 'decimal signed int', decimalSigned(1)),
  row('w', 2, 'write', 'default radix unsigned short', radixed(2)),
  row('x', 2, 'read', 'hexadecimal short', hex(2)),
];

/** Format characters mdb has that the model does not print (strings, floats, disassembly…). */
export const UNMODELLED = new Set('+-^CFGHIPQRSTYaLMNfghilmnpqrsty'.split(''));

const BY_CHAR = new Map(FORMATS.map((f) => [f.char, f]));

export function formatRow(char: string): FormatRow | undefined {
  return BY_CHAR.get(char);
}

/** The ::formats listing, generated from the table. */
export function formatsListing(): string {
  return FORMATS.map((f) => {
    const size = f.size === 1 ? '1 byte' : `${f.size} bytes`;
    const write = f.kind === 'write' ? 'write ' : '';
    return `${f.char} - ${write}${f.help} (${size})`;
  }).join('\n');
}
