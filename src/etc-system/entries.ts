// What the parser keeps of a system file: the set lines in a table of columns
// (a 100,000-line file makes no object per line; an entry object is made only
// when something asks for one) and the directives, which are few.

import type { Diagnostic } from './diagnostic';
import { internBytes, INTERN_MAX } from './lexer';
import { latin1, type Source } from './source';

export type SetOp = '=' | '|' | '&';

export type SetValue =
  | { kind: 'number'; value: bigint; /** written as 0x...: the duplicate warning prints it in hex */ hex: boolean }
  | { kind: 'string'; value: string };

export type SetCommand = 'set' | 'set32' | 'set64';

/** Where an entry is in the file: its line, the text, and the span of one token. */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly length: number;
  readonly text: string;
}

/** A span whose line text is decoded only when a diagnostic shows it (most lines never draw one). */
export class FileSpan implements Span {
  constructor(readonly line: number, readonly column: number, readonly length: number, private readonly src: Source, private readonly lineStart: number) {}

  get text(): string {
    return this.src.lineText(this.lineStart);
  }
}

export interface SetEntry {
  kind: 'set';
  /** set32 lines are parsed and then dropped by a 64-bit kernel (LP64). */
  command: SetCommand;
  module?: string;
  name: string;
  op: SetOp;
  value: SetValue;
  /** The value as written, for hints. */
  valueText: string;
  /** Span of `[module:]name`. */
  at: Span;
  /** Span of the value. */
  valueAt: Span;
}

export type DirectiveCommand = 'exclude' | 'forceload' | 'rootdev' | 'rootfs' | 'swapdev' | 'swapfs' | 'moddir';

export interface DirectiveEntry {
  kind: 'directive';
  command: DirectiveCommand;
  argument: string;
  at: Span;
}

export type SystemEntry = SetEntry | DirectiveEntry;

const COMMAND_CODES: readonly SetCommand[] = ['set', 'set32', 'set64'];
const OP_CODES: readonly SetOp[] = ['=', '|', '&'];
const KIND = 0, LINE = 1, LINE_START = 2, NAME_START = 3, NAME_END = 4, VALUE_START = 5, VALUE_END = 6, STRIDE = 7;

/**
 * The set lines of one file, row i for the i-th set line. Strings are the
 * parser's interned ones and values are shared per spelling, so a row costs
 * a few array slots and no object of its own.
 */
export class SetTable {
  length = 0;
  readonly module: (string | undefined)[] = [];
  readonly name: string[] = [];
  readonly value: SetValue[] = [];
  /** The numbers of row i at i * STRIDE: KIND (command code * 4 + op code), LINE, LINE_START, then the name's and the value's offsets. */
  private nums = new Int32Array(STRIDE * 16);

  constructor(private readonly src: Source) {}

  /** Adds a row; `line` and `lineStart` are those of the line the name starts on. */
  add(command: SetCommand, module: string | undefined, name: string, op: SetOp, value: SetValue,
    line: number, lineStart: number, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    const at = this.length++ * STRIDE;
    if (at === this.nums.length) {
      const wider = new Int32Array(this.nums.length * 2);
      wider.set(this.nums);
      this.nums = wider;
    }
    this.module.push(module);
    this.name.push(name);
    this.value.push(value);
    const n = this.nums;
    n[at + KIND] = (command === 'set' ? 0 : command === 'set32' ? 1 : 2) * 4 + (op === '=' ? 0 : op === '|' ? 1 : 2);
    n[at + LINE] = line;
    n[at + LINE_START] = lineStart;
    n[at + NAME_START] = nameStart;
    n[at + NAME_END] = nameEnd;
    n[at + VALUE_START] = valueStart;
    n[at + VALUE_END] = valueEnd;
  }

  private num(i: number, field: number): number {
    return this.nums[i * STRIDE + field] as number;
  }

  command(i: number): SetCommand {
    return COMMAND_CODES[this.num(i, KIND) >> 2] as SetCommand;
  }

  op(i: number): SetOp {
    return OP_CODES[this.opCode(i)] as SetOp;
  }

  /** Row i's operator as 0, 1, 2 for =, |, &. */
  opCode(i: number): number {
    return this.num(i, KIND) & 3;
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

  /** Span of row i's value. */
  valueAt(i: number): Span {
    return this.span(i, this.num(i, VALUE_START), this.num(i, VALUE_END));
  }

  /** Row i as an entry object. */
  entry(i: number): SetEntry {
    return new SetRow(this, i);
  }

  /** Byte offset where row i's name starts (its place among the directives). */
  offset(i: number): number {
    return this.num(i, NAME_START);
  }

  private span(i: number, start: number, end: number): Span {
    const lineStart = this.num(i, LINE_START);
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
    this.module = table.module[row];
    this.name = table.name[row] as string;
    this.op = table.op(row);
    this.value = table.value[row] as SetValue;
    this.valueText = table.valueText(row);
  }

  get at(): Span {
    return this.table.at(this.row);
  }

  get valueAt(): Span {
    return this.table.valueAt(this.row);
  }
}

/** A directive and the byte offset it starts at (its place among the set lines). */
export interface PlacedDirective {
  entry: DirectiveEntry;
  offset: number;
}

/** A parsed system file: its set lines, its directives, and what the parser said. */
export class ParsedSystemFile {
  constructor(
    readonly path: string,
    readonly sets: SetTable,
    readonly directives: readonly PlacedDirective[],
    readonly diagnostics: Diagnostic[],
    readonly lineCount: number,
  ) {}

  /** Every set line and directive, in file order, as entry objects. */
  get entries(): SystemEntry[] {
    const out: SystemEntry[] = [];
    let d = 0;
    for (let i = 0; i < this.sets.length; i++) {
      const at = this.sets.offset(i);
      for (; d < this.directives.length && (this.directives[d] as PlacedDirective).offset < at; d++) out.push((this.directives[d] as PlacedDirective).entry);
      out.push(this.sets.entry(i));
    }
    for (; d < this.directives.length; d++) out.push((this.directives[d] as PlacedDirective).entry);
    return out;
  }
}
