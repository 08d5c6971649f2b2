// What the parser keeps of a system file: the set lines in a table of columns
// (a 100,000-line file makes no object per line; an entry object is made only
// when something asks for one) and the directives, which are few.

import type { Diagnostic } from './diagnostic';
import type { Source } from './source';

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
  readonly valueText: string[] = [];
  /** command code * 4 + op code. */
  private readonly kinds: number[] = [];
  private readonly lines: number[] = [];
  private readonly lineStarts: number[] = [];
  private readonly nameStarts: number[] = [];
  private readonly nameEnds: number[] = [];
  private readonly valueStarts: number[] = [];
  private readonly valueEnds: number[] = [];

  constructor(private readonly src: Source) {}

  /** Adds a row; `line` and `lineStart` are those of the line the name starts on. */
  add(command: SetCommand, module: string | undefined, name: string, op: SetOp, value: SetValue, valueText: string,
    line: number, lineStart: number, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    this.length++;
    this.module.push(module);
    this.name.push(name);
    this.value.push(value);
    this.valueText.push(valueText);
    this.kinds.push(COMMAND_CODES.indexOf(command) * 4 + OP_CODES.indexOf(op));
    this.lines.push(line);
    this.lineStarts.push(lineStart);
    this.nameStarts.push(nameStart);
    this.nameEnds.push(nameEnd);
    this.valueStarts.push(valueStart);
    this.valueEnds.push(valueEnd);
  }

  command(i: number): SetCommand {
    return COMMAND_CODES[(this.kinds[i] as number) >> 2] as SetCommand;
  }

  op(i: number): SetOp {
    return OP_CODES[(this.kinds[i] as number) & 3] as SetOp;
  }

  line(i: number): number {
    return this.lines[i] as number;
  }

  /** Span of row i's `[module:]name`. */
  at(i: number): Span {
    return this.span(i, this.nameStarts[i] as number, this.nameEnds[i] as number);
  }

  /** Span of row i's value. */
  valueAt(i: number): Span {
    return this.span(i, this.valueStarts[i] as number, this.valueEnds[i] as number);
  }

  /** Row i as an entry object. */
  entry(i: number): SetEntry {
    return new SetRow(this, i);
  }

  /** Byte offset where row i's name starts (its place among the directives). */
  offset(i: number): number {
    return this.nameStarts[i] as number;
  }

  private span(i: number, start: number, end: number): Span {
    const lineStart = this.lineStarts[i] as number;
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
    this.valueText = table.valueText[row] as string;
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
