// /etc/system diagnostics for people (the kernel's line, the source line with a
// caret at a terminal, the hint) and for scripts (--json).

import type { Diagnostic, DiagnosticCode, Form, Severity, Wording } from '../etc-system/diagnostic';
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

/** A finding's lines but its line number: `head`, the number, `tail` (no number when `numbered` is false). */
interface Rendered {
  code: DiagnosticCode;
  severity: Severity;
  form: Form;
  hint: string | undefined;
  /** The finding has a line (a boot message may have none: then no `at line`). */
  lined: boolean;
  head: string;
  tail: string;
  numbered: boolean;
  /** `head` and `tail` as UTF-8, made when they are written a second time (most findings' words are written once or many times). */
  headBytes: Uint8Array | undefined;
  tailBytes: Uint8Array | undefined;
  written: boolean;
}

/** Where findings are written: text, bytes already encoded, and line numbers in decimal. */
export interface TextSink {
  text(s: string): void;
  bytes(b: Uint8Array): void;
  number(n: number): void;
}

/**
 * A finding's lines but the caret, in `style`. What depends only on the style, the
 * code or the file (the labels, the code tag, ` of FILE`) is made once; so are the
 * lines around the number of a finding worded like one before it in the same file:
 * --check of 40,000 findings of a few kinds builds little more than their line numbers.
 */
function renderedIn(style: DiagnosticStyle): (d: Diagnostic) => Rendered {
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
  /** The file's findings so far, by their words; those of a wording (which holds all of them), by it. */
  const rendered = new Map<string, Rendered>();
  const byWording = new Map<Wording, Rendered>();
  const render = (d: Diagnostic): Rendered => {
    // The line as the kernel prints it (or as fusion-mdb words its own), the number left out.
    const r: Rendered = {
      code: d.code, severity: d.severity, form: d.form, hint: d.hint, lined: d.line > 0, head: '', tail: '', numbered: true,
      headBytes: undefined, tailBytes: undefined, written: false,
    };
    switch (d.form) {
      case 'file-err': r.head = `${label.warning}${d.message} on line `; r.tail = `${ofFile}${tag(d)}`; break;
      case 'ours': r.head = `${label.ours[d.severity]}${d.message} on line `; r.tail = `${ofFile}${tag(d)}`; break;
      case 'warn': r.head = `${label.warning}${d.message}${tag(d)}`; break;
      case 'notice': r.head = `${label.notice}${d.message}${tag(d)}`; break;
      case 'printf': r.head = `${d.message}${tag(d)}`; break;
    }
    const located = d.form === 'file-err' || d.form === 'ours';
    if (!located) {
      r.numbered = r.lined;
      if (r.numbered) { r.head += '  at line '; r.tail = `${ofFile}\n`; }
    }
    // At a terminal the caret lines, which depend on the place, come before the hint.
    if (!style.terminal) r.tail += hintLine(style, label.hint, d);
    if (!r.numbered) { r.head += r.tail; r.tail = ''; }
    return r;
  };
  return (d) => {
    const w = d.wording;
    // A finding of a wording has its file there (read from the finding, it would be one more call).
    const from = w === undefined ? d.file : w.file;
    if (from !== file) {
      file = from;
      ofFile = ` of ${file}`;
      rendered.clear();
      byWording.clear();
    }
    if (w !== undefined) {
      let r = byWording.get(w);
      if (r === undefined) { r = render(d); byWording.set(w, r); }
      return r;
    }
    let r = rendered.get(d.message);
    if (r === undefined || r.code !== d.code || r.severity !== d.severity || r.form !== d.form || r.hint !== d.hint || r.lined !== d.line > 0) {
      r = render(d);
      rendered.set(d.message, r);
    }
    return r;
  };
}

const hintLine = (style: DiagnosticStyle, label: string, d: Diagnostic): string => (d.hint && !style.noHints ? `${label}${d.hint}\n` : '');

/** Renders diagnostics one by one in `style`, each line ended by a newline. */
export function diagnosticRenderer(style: DiagnosticStyle): (d: Diagnostic) => string {
  const t = style.theme;
  const hint = labels(t).hint;
  const rendered = renderedIn(style);
  return (d) => {
    const r = rendered(d);
    const out = r.numbered ? r.head + d.line + r.tail : r.head;
    if (!style.terminal) return out;
    let caretLines = '';
    if (d.line > 0) for (const line of caret(d, t)) caretLines += `${line}\n`;
    return out + caretLines + hintLine(style, hint, d);
  };
}

/**
 * diagnosticRenderer() writing to `sink`: the same bytes, with the words around
 * each line number encoded once for all the findings worded alike (at a terminal,
 * where every finding shows its own line, the rendered text).
 */
export function diagnosticWriter(style: DiagnosticStyle): (d: Diagnostic, sink: TextSink) => void {
  if (style.terminal) {
    const render = diagnosticRenderer(style);
    return (d, sink) => sink.text(render(d));
  }
  const rendered = renderedIn(style);
  return (d, sink) => {
    const r = rendered(d);
    if (!r.written) {
      r.written = true;
      sink.text(r.head);
      if (!r.numbered) return;
      sink.number(d.line);
      sink.text(r.tail);
      return;
    }
    sink.bytes(r.headBytes ??= Buffer.from(r.head, 'utf8'));
    if (!r.numbered) return;
    sink.number(d.line);
    sink.bytes(r.tailBytes ??= Buffer.from(r.tail, 'utf8'));
  };
}

export function renderDiagnostics(ds: readonly Diagnostic[], style: DiagnosticStyle): string {
  const render = diagnosticRenderer(style);
  let out = '';
  for (const d of ds) out += render(d);
  return out;
}
