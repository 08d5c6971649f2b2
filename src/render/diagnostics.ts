// /etc/system diagnostics for people (the kernel's line, the source line with a
// caret at a terminal, the hint) and for scripts (--json).

import type { Diagnostic, DiagnosticCode, Severity } from '../etc-system/diagnostic';
import { printable } from '../etc-system/diagnostic';
import type { Theme } from './theme';

export interface DiagnosticStyle {
  /** stdout is a terminal: show the source line and a caret under the token. */
  terminal: boolean;
  theme: Theme;
  /** --check: each line ends in its code (`[wrong-module]`; `[error: ...]` after the kernel's own words). */
  codes?: boolean;
  /** -q: no hint lines. */
  noHints?: boolean;
}

/** What a finding's lines start and end with that depends only on the style, the form and the severity. */
function labels(t: Theme) {
  return {
    warning: `${t.warn('WARNING:')} `,
    notice: `${t.dim('NOTICE:')} `,
    ours: { error: `fusion-mdb: ${t.bad('error:')} `, warning: `fusion-mdb: ${t.warn('warning:')} `, note: `fusion-mdb: ${t.dim('note:')} ` },
    hint: `  ${t.accent('hint:')} `,
  };
}

function caret(d: Diagnostic, t: Theme): string[] {
  const gutter = String(d.line).padStart(5);
  const before = printable(d.text.slice(0, Math.max(0, d.column - 1)));
  const token = printable(d.text.slice(d.column - 1, d.column - 1 + (d.length ?? 1)));
  const lines = [`${t.dim(`${gutter} |`)} ${printable(d.text)}`];
  if (d.column - 1 <= d.text.length) {
    lines.push(`${t.dim(`${' '.repeat(gutter.length)} |`)} ${' '.repeat(before.length)}${t.accent('^'.repeat(Math.max(1, token.length)))}`);
  }
  return lines;
}

/**
 * Renders diagnostics one by one in `style`, each line ended by a newline. What
 * depends only on the style, the code or the file (the labels, the code tag,
 * ` of FILE`) is made once: --check of 40,000 findings builds only the rest.
 */
export function diagnosticRenderer(style: DiagnosticStyle): (d: Diagnostic) => string {
  const t = style.theme;
  const label = labels(t);
  // The code after the headline; the kernel's WARNING says nothing of the effect, so its severity is named.
  const tags: Record<Severity | 'ours', Partial<Record<DiagnosticCode, string>>> = { ours: {}, error: {}, warning: {}, note: {} };
  const tag = (d: Diagnostic): string => {
    if (!style.codes) return '\n';
    const ours = d.form === 'ours';
    return (tags[ours ? 'ours' : d.severity][d.code] ??= ` ${t.dim(ours ? `[${d.code}]` : `[${d.severity}: ${d.code}]`)}\n`);
  };
  let file: string | undefined;
  let ofFile = '';
  return (d) => {
    if (d.file !== file) {
      file = d.file;
      ofFile = ` of ${file}`;
    }
    // The line as the kernel prints it (or as fusion-mdb words its own).
    let out: string;
    switch (d.form) {
      case 'file-err': out = `${label.warning}${d.message} on line ${d.line}${ofFile}${tag(d)}`; break;
      case 'warn': out = `${label.warning}${d.message}${tag(d)}`; break;
      case 'notice': out = `${label.notice}${d.message}${tag(d)}`; break;
      case 'printf': out = `${d.message}${tag(d)}`; break;
      case 'ours': out = `${label.ours[d.severity]}${d.message} on line ${d.line}${ofFile}${tag(d)}`; break;
    }
    const located = d.form === 'file-err' || d.form === 'ours';
    if (!located && d.line > 0) out += `  at line ${d.line}${ofFile}\n`;
    if (style.terminal && d.line > 0) for (const line of caret(d, t)) out += `${line}\n`;
    if (d.hint && !style.noHints) out += `${label.hint}${d.hint}\n`;
    return out;
  };
}

export function renderDiagnostics(ds: readonly Diagnostic[], style: DiagnosticStyle): string {
  const render = diagnosticRenderer(style);
  let out = '';
  for (const d of ds) out += render(d);
  return out;
}
