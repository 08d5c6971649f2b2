// What the boot says about a line, before it is placed: the code, how the
// kernel prints it, the words, and our hint and fix.

import { severityOf } from './codes';
import { printable, type Diagnostic, type DiagnosticCode, type Fix, type Form } from './diagnostic';
import type { Span } from './entries';

export interface Said {
  code: DiagnosticCode;
  form: Form;
  message: string;
  hint?: string | undefined;
  fix?: Fix | undefined;
}

/** `said` placed at `at` in `path`; `shown`: its words are printable() already. */
export function diagnostic(path: string, at: Span, said: Said, shown = false): Diagnostic {
  const { hint, fix } = said;
  // Names from the file may hold any byte: shown as \ooo, as the parser's messages are.
  // Built field by field (no spread of the said): one object per diagnostic.
  const severity = severityOf(said.code);
  const message = shown ? said.message : printable(said.message);
  const d: Diagnostic = hint
    ? { file: path, line: at.line, column: at.column, severity, code: said.code, form: said.form, message, hint: shown ? hint : printable(hint), text: at.text, length: at.length }
    : { file: path, line: at.line, column: at.column, severity, code: said.code, form: said.form, message, text: at.text, length: at.length };
  if (fix) d.fix = fix;
  return d;
}

/** `said` with its words made printable once, for placing on many lines. */
export function shownOnce<S extends Said>(said: S): S {
  return { ...said, message: printable(said.message), hint: said.hint === undefined ? undefined : printable(said.hint) };
}
