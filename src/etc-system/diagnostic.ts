// What the boot and the checker report about a system file: the kernel's own
// words (message) plus where, how the kernel prints it, and our hint.

export type Severity = 'error' | 'warning' | 'note';

export type DiagnosticCode =
  // the kernel's parser (modsysfile.c do_sysfile_cmd / read_system_file / kobj_lex)
  | 'syntax' | 'unknown-command' | 'invalid-number' | 'illegal-operator' | 'value-too-long'
  | 'missing-colon' | 'extraneous-input' | 'missing-quote' | 'character-overflow'
  // the kernel at boot (sys_set_var, check_system_file) and fusion-mdb's policy
  | 'unknown-variable' | 'ndd-parameter' | 'removed' | 'near-miss' | 'wrong-module'
  | 'not-catalogued' | 'unknown-module' | 'obsolete' | 'out-of-range' | 'too-wide'
  | 'string-value' | 'duplicate' | 'set32-ignored' | 'binary-file' | 'empty-file'
  | 'utf-16' | 'byte-order-mark' | 'complement-lost' | 'cannot-open'
  // the kernel's boot-time derivations (param_calc, dnlc_init, arc_init, setupclock)
  | 'boot-message' | 'clamped-at-boot' | 'ignored-at-boot';

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
}

/** Shows bytes a terminal would act on as C octal escapes, like `\000` for a NUL. */
export function printable(s: string): string {
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
