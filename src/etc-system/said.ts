// What the boot says about a line, before it is placed: the code, how the
// kernel prints it, the words, and our hint and fix.

import { severityOf } from './codes';
import { lineDiagnostic, makeDiagnostic, printable, type Diagnostic, type DiagnosticCode, type Fix, type Form, type Severity } from './diagnostic';
import type { Span } from './entries';
import type { SetTable } from './set-table';

export interface Said {
  code: DiagnosticCode;
  form: Form;
  message: string;
  hint?: string | undefined;
  fix?: Fix | undefined;
}

/** `said` placed at `at` in `path`. */
export function diagnostic(path: string, at: Span, said: Said): Diagnostic {
  // Names from the file may hold any byte: shown as \ooo, as the parser's messages are.
  const { hint } = said;
  return makeDiagnostic(path, at.line, at.column, said.code, said.form, printable(said.message), at, at.length,
    hint === undefined ? hint : printable(hint), said.fix);
}

/** What is said with its words made printable and its severity found, once, for placing on many lines. */
export type Shown<S extends Said> = S & { severity: Severity };

export function shownOnce<S extends Said>(said: S): Shown<S> {
  return { ...said, message: printable(said.message), hint: said.hint === undefined ? undefined : printable(said.hint), severity: severityOf(said.code) };
}

/**
 * `said` (shown once) placed at row `row`'s `[module:]name` in `path`; `rename`:
 * the certain fix writes this name there instead.
 */
export function placedAtName(path: string, sets: SetTable, row: number, said: Shown<Said>, rename: string | undefined): Diagnostic {
  const line = sets.line(row);
  const lineStart = sets.lineStartOf(row);
  const column = sets.nameAt(row) - lineStart + 1;
  const length = sets.nameLength(row);
  const fix = rename === undefined ? undefined : { line, column, endColumn: column + length, text: rename };
  return lineDiagnostic(path, line, column, length, sets.lines, lineStart, said.severity, said.code, said.form, said.message, said.hint, fix);
}
