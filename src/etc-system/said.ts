// What the boot says about a line, before it is placed: the code, how the
// kernel prints it, the words, and our hint and fix.

import { severityOf } from './codes';
import { makeDiagnostic, printable, type Diagnostic, type DiagnosticCode, type Fix, type Form, type Severity, type Wording } from './diagnostic';
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
 * `said` (shown once) as the wording of findings in `path`, whose set lines `sets`
 * holds; `rename`: the certain fix writes this name over each line's `[module:]name`.
 */
export function wordingOf(path: string, sets: SetTable, said: Shown<Said>, rename: string | undefined): Wording {
  return { file: path, severity: said.severity, code: said.code, form: said.form, message: said.message, hint: said.hint, lines: sets.lines, replacement: rename };
}
