// /etc/system diagnostics for people (the kernel's line, the source line with a
// caret at a terminal, the hint) and for scripts (--json).

import type { Diagnostic } from '../etc-system/diagnostic';
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

/** The code after the headline: the kernel's WARNING says nothing of the effect, so its severity is named. */
function codeTag(d: Diagnostic, t: Theme): string {
  return d.form === 'ours' ? ` ${t.dim(`[${d.code}]`)}` : ` ${t.dim(`[${d.severity}: ${d.code}]`)}`;
}

/** The line as the kernel prints it (or as fusion-mdb words its own). */
function headline(d: Diagnostic, t: Theme): string {
  const where = `on line ${d.line} of ${d.file}`;
  switch (d.form) {
    case 'file-err': return `${t.warn('WARNING:')} ${d.message} ${where}`;
    case 'warn': return `${t.warn('WARNING:')} ${d.message}`;
    case 'notice': return `${t.dim('NOTICE:')} ${d.message}`;
    case 'printf': return d.message;
    case 'ours': {
      const label = d.severity === 'error' ? t.bad('error:') : d.severity === 'warning' ? t.warn('warning:') : t.dim('note:');
      return `fusion-mdb: ${label} ${d.message} ${where}`;
    }
  }
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

/** One diagnostic, each line ended by a newline; built as one string (40,000 findings make no arrays). */
export function renderDiagnostic(d: Diagnostic, style: DiagnosticStyle): string {
  const t = style.theme;
  let out = style.codes ? `${headline(d, t)}${codeTag(d, t)}\n` : `${headline(d, t)}\n`;
  const located = d.form === 'file-err' || d.form === 'ours';
  if (!located && d.line > 0) out += `  at line ${d.line} of ${d.file}\n`;
  if (style.terminal && d.line > 0) for (const line of caret(d, t)) out += `${line}\n`;
  if (d.hint && !style.noHints) out += `  ${t.accent('hint:')} ${d.hint}\n`;
  return out;
}

export function renderDiagnostics(ds: readonly Diagnostic[], style: DiagnosticStyle): string {
  let out = '';
  for (const d of ds) out += renderDiagnostic(d, style);
  return out;
}
