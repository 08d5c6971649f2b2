// What the boot says about a line, before it is placed: the code, how the
// kernel prints it, the words, and our hint and fix.

import { makeDiagnostic, printable, type Diagnostic, type DiagnosticCode, type Fix, type Form } from './diagnostic';
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
  // Names from the file may hold any byte: shown as \ooo, as the parser's messages are.
  const { hint } = said;
  return makeDiagnostic(path, at.line, at.column, said.code, said.form, shown ? said.message : printable(said.message), at, at.length,
    hint === undefined || shown ? hint : printable(hint), said.fix);
}

/** `said` with its words made printable once, for placing on many lines. */
export function shownOnce<S extends Said>(said: S): S {
  return { ...said, message: printable(said.message), hint: said.hint === undefined ? undefined : printable(said.hint) };
}
