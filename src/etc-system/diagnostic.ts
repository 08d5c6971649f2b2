// What the boot and the checker report about a system file: the kernel's own
// words (message) plus where, how the kernel prints it, and our hint.

import { severityOf, type DiagnosticCode, type Severity } from './codes';

export type { DiagnosticCode, Severity } from './codes';

/** A certain fix: replace columns [column, endColumn) of `line` with `text`. */
export interface Fix {
  line: number;
  column: number;
  endColumn: number;
  text: string;
}

/**
 * How the line is printed:
 * - `file-err`: kobj_file_err(CE_WARN): `WARNING: MESSAGE on line N of FILE`
 * - `warn` / `notice`: cmn_err(CE_WARN / CE_NOTE) without a place: `WARNING: ` / `NOTICE: `
 * - `printf`: the kernel's bare printf (the "sorry" line)
 * - `ours`: fusion-mdb's own words
 */
export type Form = 'file-err' | 'warn' | 'notice' | 'printf' | 'ours';

export interface Diagnostic {
  file: string;
  /** 1-based physical line ("\n", "\r\n" or a lone "\r" end a line); 0 when there is no file. */
  line: number;
  /** 1-based byte column of the token the diagnostic is about. */
  column: number;
  severity: Severity;
  code: DiagnosticCode;
  /** The kernel's exact text (non-printing bytes shown as \ooo), or ours for `ours`. */
  message: string;
  hint?: string;
  /** The source line (cut at TEXT_CAP bytes). */
  text: string;
  /** Length of the token for the caret. */
  length?: number;
  form: Form;
  /** Set only where the fix is certain (checker.md): --fix and --diff apply it. */
  fix?: Fix;
  /** What the finding says, shared with the others of its file worded alike (every field here but the place). */
  readonly wording?: Wording;
}

/** A byte printable() escapes: a control byte but tab, DEL, and the bytes above it. */
const UNPRINTABLE = /[\x00-\x08\x0a-\x1f\x7f-\xff]/;

/** Where a finding's source line comes from: the line itself, or a place that reads it from the file when asked. */
export type LineSource = string | { readonly text: string };

/** A file's lines, read by where each starts (a Source). */
export interface LineReader {
  lineText(start: number): string;
}

/**
 * A finding as makeDiagnostic makes it: the source line is read from the file
 * only when something shows it (the caret at a terminal); --check of 40,000
 * findings to a pipe or into JSON reads none.
 */
class Finding implements Diagnostic {
  constructor(
    public file: string, public line: number, public column: number, public severity: Severity,
    public code: DiagnosticCode, public form: Form, public message: string, public hint: string | undefined,
    /** The line, a place that reads it, or (lineStart >= 0) the file's lines to read it from. */
    private source: LineSource | LineReader, public length: number | undefined, public fix: Fix | undefined,
    private readonly lineStart = -1,
  ) {}

  get text(): string {
    const s = this.source;
    if (typeof s === 'string') return s;
    return this.lineStart >= 0 ? (s as LineReader).lineText(this.lineStart) : (s as { readonly text: string }).text;
  }

  /** Reads the line now and lets go of the file it came from. */
  settle(): void {
    if (typeof this.source !== 'string') this.source = this.text;
  }
}

/**
 * `ds` holding their source lines themselves, not the files they were read
 * from: for findings kept after their file's check (a whole-run document of
 * many files would otherwise keep every file with a finding in memory).
 */
export function settled<D extends readonly Diagnostic[]>(ds: D): D {
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i];
    if (d instanceof Finding || d instanceof WordedFinding) d.settle();
  }
  return ds;
}

/**
 * A finding with its code's severity. Every finding is made here, with the same
 * fields in the same order (hint and fix undefined when there is none), so all
 * have one shape and the loops that sort and print them see one kind of object.
 * `text`: the source line, or a place to read it from when it is shown.
 */
export function makeDiagnostic(
  file: string, line: number, column: number, code: DiagnosticCode, form: Form, message: string,
  text: LineSource, length: number, hint?: string, fix?: Fix,
): Diagnostic {
  return new Finding(file, line, column, severityOf(code), code, form, message, hint, text, length, fix);
}

/**
 * What is said alike on many lines of one file: everything of a finding but its
 * place. `replacement`: the certain fix writes it over each finding's token.
 */
export interface Wording {
  readonly file: string;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly form: Form;
  readonly message: string;
  readonly hint: string | undefined;
  /** The file's lines, read by where each starts. */
  readonly lines: LineReader;
  readonly replacement: string | undefined;
}

/**
 * A finding of a wording, placed: four numbers and two references (the wording,
 * and the line once read), where a Finding carries twelve fields; the words are
 * the wording's.
 */
class WordedFinding implements Diagnostic {
  /**
   * `settled`: the line once read (settle()); until then the wording's file is read when the line is shown.
   * A parameter, not a field declaration: a class field is defined by a call per object made.
   */
  constructor(public wording: Wording, public line: number, public column: number, public length: number,
    private readonly lineStart: number, private settled: string | undefined) {}

  get file(): string { return this.wording.file; }
  get severity(): Severity { return this.wording.severity; }
  get code(): DiagnosticCode { return this.wording.code; }
  get form(): Form { return this.wording.form; }
  get message(): string { return this.wording.message; }
  get hint(): string | undefined { return this.wording.hint; }

  get text(): string {
    return this.settled ?? this.wording.lines.lineText(this.lineStart);
  }

  get fix(): Fix | undefined {
    const text = this.wording.replacement;
    return text === undefined ? undefined : { line: this.line, column: this.column, endColumn: this.column + this.length, text };
  }

  /** Reads the line now and lets go of the file (settled()): the wording kept is one without it. */
  settle(): void {
    this.settled ??= this.text;
    this.wording = unread(this.wording);
  }
}

/** A wording's copy that holds no file (made once per wording): for findings that have read their lines. */
const unreadCopies = new WeakMap<Wording, Wording>();
const NO_LINES: LineReader = { lineText: () => '' };
function unread(w: Wording): Wording {
  if (w.lines === NO_LINES) return w;
  let copy = unreadCopies.get(w);
  if (copy === undefined) {
    copy = { ...w, lines: NO_LINES };
    unreadCopies.set(w, copy);
  }
  return copy;
}

/**
 * A finding of `wording` on line `line`, which starts at byte `lineStart` of the
 * wording's file; the token at `column`, `length` bytes long. No object is made
 * for the place, and the line is read only when shown.
 */
export function wordedDiagnostic(wording: Wording, line: number, column: number, length: number, lineStart: number): Diagnostic {
  return new WordedFinding(wording, line, column, length, lineStart, undefined);
}

/** `d` with another severity or hint (a spread of `d` would lose its source line, which is read only when shown). */
export function revised(d: Diagnostic, change: { severity?: Severity; hint?: string }): Diagnostic {
  return new Finding(d.file, d.line, d.column, change.severity ?? d.severity, d.code, d.form, d.message, change.hint ?? d.hint, d, d.length, d.fix);
}

/** Shows bytes a terminal would act on as C octal escapes, like `\000` for a NUL. */
export function printable(s: string): string {
  // Most messages have nothing to escape: one test (quicker than a scan of char codes), then the string itself.
  if (!UNPRINTABLE.test(s)) return s;
  return s.replace(/[\x00-\x1f\x7f-\xff]/g, (c) => {
    if (c === '\t') return c;
    return `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
  });
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** File order, then column; at one place errors first. */
export function byPlace(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || RANK[a.severity] - RANK[b.severity];
}
