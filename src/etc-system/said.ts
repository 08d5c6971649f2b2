// What the boot says about a line, before it is placed: the code, how the
// kernel prints it, the words, and our hint and fix.

import { severityOf } from './codes';
import { makeDiagnostic, placedDiagnostic, printable, type Diagnostic, type DiagnosticCode, type Fix, type Form, type Severity } from './diagnostic';
import type { Span } from './entries';

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

/** `said` (shown once) placed at `at` in `path`, with this place's `fix`: one object made, nothing worked out again. */
export function placed(path: string, at: Span, said: Shown<Said>, fix: Fix | undefined): Diagnostic {
  return placedDiagnostic(path, at, said.severity, said.code, said.form, said.message, said.hint, fix);
}
