// What the parser keeps of a system file: the set lines (a SetTable of columns,
// set-table.ts) and the directives, which are few; and what a reader of a parse
// sees of them: entries, made only when something asks for one.

import type { Diagnostic } from './diagnostic';
import type { Source } from './source';
import type { SetTable } from './set-table';

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

/**
 * A directive the parser read straight from the bytes (plainLines()), placed at
 * byte `offset`: its own PlacedDirective (no second object per line), its span
 * made when asked for.
 */
export class PlainDirective implements DirectiveEntry, PlacedDirective {
  // On the prototype: a class field would be defined by a call per directive made.
  get kind(): 'directive' {
    return 'directive';
  }

  get entry(): DirectiveEntry {
    return this;
  }

  constructor(readonly command: DirectiveCommand, readonly argument: string,
    private readonly line: number, private readonly column: number, private readonly length: number,
    private readonly src: Source, private readonly lineStart: number, readonly offset: number) {}

  get at(): Span {
    return new FileSpan(this.line, this.column, this.length, this.src, this.lineStart);
  }
}

/** A directive and the byte offset it starts at (its place among the set lines). */
export interface PlacedDirective {
  readonly entry: DirectiveEntry;
  readonly offset: number;
}

/** A parsed system file: its set lines, its directives, and what the parser said. */
export class ParsedSystemFile {
  constructor(
    readonly path: string,
    readonly sets: SetTable,
    readonly directives: readonly PlacedDirective[],
    readonly diagnostics: Diagnostic[],
    readonly lineCount: number,
    /**
     * Some comment of the file may be a `fusion-mdb:` one (suppress.ts): false only
     * when the parser saw every comment and none of them starts with an `f`.
     */
    readonly mayDisable = true,
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
