// The `[module:]name` of a set line, to its table's key. A fleet's files and a
// big file name the same variables again and again: each name is one object
// for the whole process (a Pair), which also remembers its key in the table
// being filled. A plain set line's names are found by the hash readSimpleSet()
// made of their bytes and a comparison of bytes: no string is made, and a name
// the table has already met needs no lookup at all.

import { internBytes } from './lexer';
import type { SetTable } from './set-table';

/** One `[module:]name`, and its key in the last table that used it (by the table's serial). */
interface Pair {
  readonly module: string | undefined;
  readonly name: string;
  table: number;
  key: number;
}

/** Every pair, by module ('' for none) and name; let go when it grows past MAX_PAIRS, between tables. */
const pairs = new Map<string, Map<string, Pair>>();
let pairCount = 0;
const MAX_PAIRS = 20_000;

const SLOTS = 2048;
/** Names as written up to this many bytes are kept (longer ones are looked up each time). */
const KEPT = 64;
/**
 * Per slot: names as written (the bytes from the first name to the end of the
 * variable's), as bytes at slot * KEPT and their length (0: none), and their pair.
 */
const spelt = new Uint8Array(SLOTS * KEPT);
const speltLength = new Int32Array(SLOTS);
const pairOf: (Pair | undefined)[] = new Array<Pair | undefined>(SLOTS).fill(undefined);

/** Tables being filled: a parse may start another inside it (a fix is tried by parsing the fixed line). */
let filling = 0;

/** Called as a table starts to be filled; the bounded registry is emptied only when no other table is being filled. */
export function openTable(): void {
  if (filling++ > 0 || pairCount <= MAX_PAIRS) return;
  pairs.clear();
  pairCount = 0;
  speltLength.fill(0);
  pairOf.fill(undefined);
}

/** Called when the table is full. */
export function closeTable(): void {
  filling--;
}

/** The key of `[module:]name` (interned strings) in `table`. */
export function namedKey(table: SetTable, module: string | undefined, name: string): number {
  return keyIn(table, pairFor(module, name));
}

/**
 * The key in `table` of the names at [start, nameEnd) of `b`: the module's
 * ending at `moduleEnd` (-1: no module), the variable's starting at `nameStart`;
 * `hash`: readSimpleSet()'s hash of them.
 */
export function writtenKey(table: SetTable, b: Uint8Array, start: number, moduleEnd: number, nameStart: number, nameEnd: number, hash: number): number {
  const slot = hash & (SLOTS - 1);
  const length = nameEnd - start;
  // Compared byte for byte: no call per byte, however cold the code still is.
  let same = speltLength[slot] === length;
  if (same) {
    for (let i = 0, at = slot * KEPT; i < length; i++) {
      if (spelt[at + i] !== b[start + i]) { same = false; break; }
    }
  }
  let pair = pairOf[slot] as Pair;
  if (!same) {
    pair = pairFor(moduleEnd < 0 ? undefined : internBytes(b, start, moduleEnd), internBytes(b, nameStart, nameEnd));
    if (length <= KEPT) {
      spelt.set(b.subarray(start, nameEnd), slot * KEPT);
      speltLength[slot] = length;
      pairOf[slot] = pair;
    }
  }
  return keyIn(table, pair);
}

function keyIn(table: SetTable, pair: Pair): number {
  if (pair.table === table.serial) return pair.key;
  // A later table has used the pair since (one filled inside this one's parse):
  // this table may have a key for it already.
  const had = pair.table > table.serial ? table.findKey(pair.module, pair.name) : -1;
  pair.table = table.serial;
  pair.key = had >= 0 ? had : table.addKey(pair.module, pair.name);
  return pair.key;
}

function pairFor(module: string | undefined, name: string): Pair {
  let byName = pairs.get(module ?? '');
  if (!byName) { byName = new Map(); pairs.set(module ?? '', byName); }
  let pair = byName.get(name);
  if (!pair) {
    pair = { module, name, table: 0, key: 0 };
    byName.set(name, pair);
    pairCount++;
  }
  return pair;
}
