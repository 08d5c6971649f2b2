// A file's set lines as the parser keeps them: a table of columns of numbers
// (a 100,000-line file makes no object per line; an entry object, a span or a
// line's text is made only when something asks for one).

import { FileSpan, type SetCommand, type SetEntry, type SetOp, type SetValue, type Span } from './entries';
import { wordedDiagnostic, type Diagnostic, type Wording } from './diagnostic';
import { internBytes, INTERN_MAX } from './lexer';
import { latin1, type Source } from './source';

const COMMAND_CODES: readonly SetCommand[] = ['set', 'set32', 'set64'];
const OP_CODES: readonly SetOp[] = ['=', '|', '&'];
const KIND = 0, LINE = 1, NAME_START = 2, NAME_END = 3, VALUE_START = 4, VALUE_END = 5, NEXT = 6, STRIDE = 7;
/** KIND holds the operator code, the command code << 2, HEX, and the key << KEY_SHIFT. */
const HEX = 16, KEY_SHIFT = 5;

// A key's numbers; a new buffer is all 0: no lines, no first or last (rows are kept + 1), all stores,
// no '=' (LAST_STORE, a row + 1) and so none of the key's lines before it (STORE_INDEX).
const COUNT = 0, FIRST = 1, LAST = 2, NOT_ALL_STORES = 3, LAST_STORE = 4, STORE_INDEX = 5, KEY_STRIDE = 6;
/** Room for at most this many keys at first: a file names a few hundred variables at most. */
const KEY_ROOM = 1024;
/** The command code of set32. */
const SET32 = 1;

/** SetTables made so far (their serials). */
let tables = 0;

/** A plain number's value by the number: one object per value, shared by every row and file that writes it. */
const decimals = new Map<number, SetValue>();
const hexes = new Map<number, SetValue>();
function plainNumber(n: number, hex: boolean): SetValue {
  const cache = hex ? hexes : decimals;
  let v = cache.get(n);
  if (v === undefined) {
    v = { kind: 'number', value: BigInt(n), hex };
    // Bounded: a file of all-different numbers keeps at most this many.
    if (cache.size >= 4096) cache.clear();
    cache.set(n, v);
  }
  return v;
}

/** `n` numbers as doubles and `n * stride` as 32-bit integers, in one buffer: a table's rows, or its keys. */
interface Columns {
  doubles: Float64Array;
  ints: Int32Array;
}

/** Room for `n` in one buffer, starting with the numbers of `from` (a table growing) when given. */
function columns(n: number, stride: number, from?: Columns): Columns {
  const buffer = new ArrayBuffer(n * (8 + stride * 4));
  const c = { doubles: new Float64Array(buffer, 0, n), ints: new Int32Array(buffer, n * 8, n * stride) };
  if (from) {
    c.doubles.set(from.doubles);
    c.ints.set(from.ints);
  }
  return c;
}

/**
 * The set lines of one file, row i for the i-th set line, as columns of numbers:
 * a 100,000-line file fills a few typed arrays and makes no object or array slot
 * per line. A row names its `[module:]name` by a key (the file's distinct names,
 * in the order of their first line), and a plain number is kept as the number;
 * the shared value object is found when asked for.
 */
export class SetTable {
  length = 0;
  /** The distinct `[module:]name`s, by key. */
  readonly keyModule: (string | undefined)[] = [];
  readonly keyName: string[] = [];
  /** The set32 lines, which a 64-bit kernel drops. */
  set32Rows: number[] | undefined;
  /**
   * Per key, over its set and set64 lines: how many, the first and the last (each
   * row names the next of its key: next()), whether every one is an '=', the last
   * '=' and how many of the key's lines come before it (at key * KEY_STRIDE), and
   * the largest plain number the lines write, whatever their operator, or Infinity
   * when one writes something else (plainMax). The boot reads a whole name from these.
   */
  private keyNums!: Int32Array;
  private plainMax!: Float64Array;
  /** The numbers of row i at i * STRIDE: KIND, LINE, the name's and the value's offsets, NEXT (the next row of its key + 1, 0: none). */
  private nums!: Int32Array;
  /** Row i's plain number (exact in a double), or NaN when `others` holds its value. */
  private numbers!: Float64Array;
  /** The values that are not a plain number (strings, numbers past 2^53 or with a sign), by row. */
  private others: Map<number, SetValue> | undefined;

  /** Tells this table from every other one made in this process. */
  readonly serial = ++tables;

  constructor(private readonly src: Source) {
    // Room for a set line every 32 bytes (most lines are longer, or comments), and a name
    // for each (up to KEY_ROOM): an allocation each for the rows and the keys of most files.
    const rows = Math.max(16, Math.ceil(src.bytes.length / 32));
    ({ doubles: this.numbers, ints: this.nums } = columns(rows, STRIDE));
    ({ doubles: this.plainMax, ints: this.keyNums } = columns(Math.min(rows, KEY_ROOM), KEY_STRIDE));
  }

  /** A new key, for a `[module:]name` the table has no key for (written-names.ts keeps them apart). */
  addKey(module: string | undefined, name: string): number {
    const k = this.keyName.length;
    if (k === this.plainMax.length) this.growKeys();
    this.keyModule.push(module);
    this.keyName.push(name);
    return k;
  }

  /** Room for twice the keys, those so far copied. */
  private growKeys(): void {
    ({ doubles: this.plainMax, ints: this.keyNums } = columns(this.plainMax.length * 2, KEY_STRIDE, { doubles: this.plainMax, ints: this.keyNums }));
  }

  /** The key of `[module:]name`, or -1 (a search: for the rare name whose key written-names.ts has lost track of). */
  findKey(module: string | undefined, name: string): number {
    for (let k = 0; k < this.keyName.length; k++) if (this.keyName[k] === name && this.keyModule[k] === module) return k;
    return -1;
  }

  /** How many keys there are (see keyModule, keyName). */
  get keys(): number {
    return this.keyName.length;
  }

  /** Key k's set and set64 lines: how many, the first and the last row. */
  keyCount(k: number): number {
    return this.keyNums[k * KEY_STRIDE + COUNT] as number;
  }

  keyFirst(k: number): number {
    return (this.keyNums[k * KEY_STRIDE + FIRST] as number) - 1;
  }

  keyLast(k: number): number {
    return (this.keyNums[k * KEY_STRIDE + LAST] as number) - 1;
  }

  /** Every one of key k's lines is an '='. */
  keyAllStores(k: number): boolean {
    return this.keyNums[k * KEY_STRIDE + NOT_ALL_STORES] === 0;
  }

  /** The last '=' of key k, or -1 when none of its lines is one. */
  keyLastStore(k: number): number {
    return (this.keyNums[k * KEY_STRIDE + LAST_STORE] as number) - 1;
  }

  /** How many of key k's lines come before its last '=' (keyLastStore()). */
  keyStoreIndex(k: number): number {
    return this.keyNums[k * KEY_STRIDE + STORE_INDEX] as number;
  }

  /** The largest plain number key k's lines write, whatever their operator; Infinity when one writes anything else. */
  keyPlainMax(k: number): number {
    return this.plainMax[k] as number;
  }

  /**
   * Adds a row; `line` is the line the name starts on; `number` >= 0 is the
   * value (hex: written 0x...), else `value` is.
   */
  add(command: number, key: number, op: number, number: number, hex: boolean, value: SetValue | undefined,
    line: number, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    const row = this.length++;
    const at = row * STRIDE;
    if (at === this.nums.length) this.grow();
    const n = this.nums;
    n[at + KIND] = (key << KEY_SHIFT) | (hex ? HEX : 0) | (command << 2) | op;
    n[at + LINE] = line;
    n[at + NAME_START] = nameStart;
    n[at + NAME_END] = nameEnd;
    n[at + VALUE_START] = valueStart;
    n[at + VALUE_END] = valueEnd;
    if (number >= 0) {
      this.numbers[row] = number;
    } else {
      this.numbers[row] = NaN;
      (this.others ??= new Map()).set(row, value as SetValue);
    }
    if (command === SET32) { (this.set32Rows ??= []).push(row); return; }
    const k = this.keyNums;
    const ka = key * KEY_STRIDE;
    const last = k[ka + LAST] as number;
    if (last === 0) k[ka + FIRST] = row + 1; else n[(last - 1) * STRIDE + NEXT] = row + 1;
    k[ka + LAST] = row + 1;
    if (op === 0) {
      k[ka + LAST_STORE] = row + 1;
      k[ka + STORE_INDEX] = k[ka + COUNT] as number;
    } else {
      k[ka + NOT_ALL_STORES] = 1;
    }
    k[ka + COUNT] = (k[ka + COUNT] as number) + 1;
    if (number < 0) this.plainMax[key] = Infinity;
    else if (number > (this.plainMax[key] as number)) this.plainMax[key] = number;
  }

  /** The next set or set64 row of row i's key, or -1. */
  next(i: number): number {
    return this.num(i, NEXT) - 1;
  }

  /**
   * The keys in the order of their first set or set64 line, when that is not
   * simply their own order (a name first met on a set32 line); undefined when it is.
   */
  keysInOrder(): number[] | undefined {
    if (this.set32Rows === undefined) return undefined;
    const keys: number[] = [];
    for (let k = 0; k < this.keys; k++) if (this.keyCount(k) > 0) keys.push(k);
    return keys.sort((a, b) => this.keyFirst(a) - this.keyFirst(b));
  }

  /** Room for twice the rows, those so far copied. */
  private grow(): void {
    ({ doubles: this.numbers, ints: this.nums } = columns(this.numbers.length * 2, STRIDE, { doubles: this.numbers, ints: this.nums }));
  }

  private num(i: number, field: number): number {
    return this.nums[i * STRIDE + field] as number;
  }

  /** Row i's command as 0, 1, 2 for set, set32, set64. */
  commandCode(i: number): number {
    return (this.num(i, KIND) >> 2) & 3;
  }

  command(i: number): SetCommand {
    return COMMAND_CODES[this.commandCode(i)] as SetCommand;
  }

  op(i: number): SetOp {
    return OP_CODES[this.opCode(i)] as SetOp;
  }

  /** Row i's operator as 0, 1, 2 for =, |, &. */
  opCode(i: number): number {
    return this.num(i, KIND) & 3;
  }

  /** Row i's `[module:]name`, as a key (see keyModule, keyName). */
  keyOf(i: number): number {
    return this.num(i, KIND) >>> KEY_SHIFT;
  }

  module(i: number): string | undefined {
    return this.keyModule[this.keyOf(i)];
  }

  name(i: number): string {
    return this.keyName[this.keyOf(i)] as string;
  }

  /** Row i's plain number, or NaN when its value is something else (see value()). */
  plain(i: number): number {
    return this.numbers[i] as number;
  }

  /** Row i's value: for a plain number the one object all rows with that number share. */
  value(i: number): SetValue {
    const n = this.numbers[i] as number;
    return n === n ? plainNumber(n, (this.num(i, KIND) & HEX) !== 0) : this.others?.get(i) as SetValue;
  }

  line(i: number): number {
    return this.num(i, LINE);
  }

  /** Span of row i's `[module:]name`. */
  at(i: number): Span {
    return this.span(i, this.num(i, NAME_START), this.num(i, NAME_END));
  }

  /** Row i's value as written: its bytes (a string keeps its quotes), the same string for the same bytes. */
  valueText(i: number): string {
    const start = this.num(i, VALUE_START);
    const end = this.num(i, VALUE_END);
    return end - start <= INTERN_MAX ? internBytes(this.src.bytes, start, end) : latin1(this.src.bytes, start, end);
  }

  /** Rows i and j have the same operator and write their values with the same bytes. */
  private sameSaying(i: number, j: number): boolean {
    const n = this.nums;
    const ai = i * STRIDE, aj = j * STRIDE;
    if (((n[ai + KIND] as number) & 3) !== ((n[aj + KIND] as number) & 3)) return false;
    const a = n[ai + VALUE_START] as number;
    const b = n[aj + VALUE_START] as number;
    const length = (n[ai + VALUE_END] as number) - a;
    if ((n[aj + VALUE_END] as number) - b !== length) return false;
    const bytes = this.src.bytes;
    for (let k = 0; k < length; k++) if (bytes[a + k] !== bytes[b + k]) return false;
    return true;
  }

  /**
   * A finding at the `[module:]name` of each of key k's lines, in file order, worded
   * `wordingOf(row)`: a line written as the one before it (the same operator and
   * value bytes) takes that one's wording without asking. One loop over the table's
   * numbers: per line, the comparison with the line before, the line's start and
   * the finding itself, and no other call.
   */
  findingsOfKey(k: number, out: Diagnostic[], wordingOf: (row: number) => Wording): void {
    const n = this.nums;
    const src = this.src;
    let before = -1;
    let wording: Wording | undefined;
    for (let row = this.keyFirst(k); row >= 0; row = (n[row * STRIDE + NEXT] as number) - 1) {
      if (wording === undefined || !this.sameSaying(before, row)) wording = wordingOf(row);
      const at = row * STRIDE;
      const nameStart = n[at + NAME_START] as number;
      const lineStart = src.lineStartOf(nameStart);
      out.push(wordedDiagnostic(wording, n[at + LINE] as number, nameStart - lineStart + 1, Math.max(1, (n[at + NAME_END] as number) - nameStart), lineStart));
      before = row;
    }
  }

  /** Span of row i's value. */
  valueAt(i: number): Span {
    return this.span(i, this.num(i, VALUE_START), this.num(i, VALUE_END));
  }

  /** Row i as an entry object. */
  entry(i: number): SetEntry {
    return new SetRow(this, i);
  }

  /** The file's lines, read by where each starts. */
  get lines(): Source {
    return this.src;
  }

  /** Where row i's `[module:]name` starts, and its length in bytes (at least 1: a caret's). */
  nameAt(i: number): number {
    return this.num(i, NAME_START);
  }

  nameLength(i: number): number {
    return Math.max(1, this.num(i, NAME_END) - this.num(i, NAME_START));
  }

  /** Where the line of row i's name starts. */
  lineStartOf(i: number): number {
    return this.src.lineStartOf(this.num(i, NAME_START));
  }

  /** Byte offset where row i's name starts (its place among the directives). */
  offset(i: number): number {
    return this.num(i, NAME_START);
  }

  private span(i: number, start: number, end: number): Span {
    const lineStart = this.lineStartOf(i);
    return new FileSpan(this.line(i), start - lineStart + 1, Math.max(1, end - start), this.src, lineStart);
  }
}

/** One row of a SetTable seen as a SetEntry. */
class SetRow implements SetEntry {
  readonly kind = 'set';
  readonly command: SetCommand;
  readonly module: string | undefined;
  readonly name: string;
  readonly op: SetOp;
  readonly value: SetValue;
  readonly valueText: string;

  constructor(private readonly table: SetTable, private readonly row: number) {
    this.command = table.command(row);
    this.module = table.module(row);
    this.name = table.name(row);
    this.op = table.op(row);
    this.value = table.value(row);
    this.valueText = table.valueText(row);
  }

  get at(): Span {
    return this.table.at(this.row);
  }

  get valueAt(): Span {
    return this.table.valueAt(this.row);
  }
}
