// `--check --format NAME`: the findings for editors, CI systems and code
// scanning (checker.md). Text is in diagnostics.ts; each format here is one
// function of the files checked and their diagnostics.

import { codePage } from '../etc-system/code-page';
import { CODE_NAMES, CODES, type DiagnosticCode } from '../etc-system/codes';
import type { Diagnostic, Fix, Severity, Wording } from '../etc-system/diagnostic';
import type { TextSink } from './diagnostics';

export interface FileReport {
  /** The name the file is reported under (a path as given, or --stdin-name). */
  file: string;
  diagnostics: readonly Diagnostic[];
}

export interface Tool {
  name: string;
  version: string;
  informationUri: string;
}

export interface Counts {
  errors: number;
  warnings: number;
  notes: number;
  files: number;
}

/** Adds one file and its diagnostics to `c`. */
export function tally(c: Counts, ds: readonly Diagnostic[]): void {
  c.files++;
  // Indexed: run once over 40,000 findings, mostly before the JIT compiles it, a for-of is several times slower.
  for (let i = 0; i < ds.length; i++) {
    const severity = (ds[i] as Diagnostic).severity;
    if (severity === 'error') c.errors++; else if (severity === 'warning') c.warnings++; else c.notes++;
  }
}

export function count(reports: readonly FileReport[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, notes: 0, files: 0 };
  for (const r of reports) tally(c, r.diagnostics);
  return c;
}

/** A format printed as it goes: for a file, what writes each diagnostic's lines, newline-ended. */
export type LineFormat = (file: string) => (d: Diagnostic, sink: TextSink) => void;

/**
 * What a format prints of a finding around its numbers: made once per wording (a
 * finding said alike on many lines of the file) and kept; for any other finding, made each time.
 */
function perWording<T>(make: (d: Diagnostic) => T): (d: Diagnostic) => T {
  const made = new Map<Wording, T>();
  return (d) => {
    const w = d.wording;
    if (w === undefined) return make(d);
    let t = made.get(w);
    if (t === undefined) {
      t = make(d);
      made.set(w, t);
    }
    return t;
  };
}

const encoded = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/** A diagnostic without a place in the file (cannot-open) points at its start. */
const lineOf = (d: Diagnostic): number => Math.max(1, d.line);
const colOf = (d: Diagnostic): number => Math.max(1, d.column);
/** One past the last column of the token (SARIF and GitHub's endColumn are exclusive / inclusive alike here: the caret's end). */
const endColumnOf = (d: Diagnostic): number => colOf(d) + (d.length ?? 1);

// --- gcc -------------------------------------------------------------------

const COLON = encoded(':');

/** `FILE:LINE:COL: SEVERITY: MESSAGE [CODE]`, as editors' quickfix lists and make-style tools read them. */
export const gccLine: LineFormat = (file) => {
  const head = encoded(`${file}:`);
  const tail = perWording((d) => encoded(`: ${d.severity}: ${d.message} [${d.code}]\n`));
  return (d, sink) => {
    sink.bytes(head);
    sink.number(lineOf(d));
    sink.bytes(COLON);
    sink.number(colOf(d));
    sink.bytes(tail(d));
  };
};

// --- GitHub Actions workflow commands -------------------------------------------

// Most text has nothing to escape: a test, then the string itself.
const escapeData = (s: string): string => (/[%\r\n]/.test(s) ? s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A') : s);
const escapeProperty = (s: string): string => {
  const data = escapeData(s);
  return /[:,]/.test(data) ? data.replace(/:/g, '%3A').replace(/,/g, '%2C') : data;
};
const GITHUB: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'notice' };

const LINE = encoded(',line='), COL = encoded(',col='), END_COLUMN = encoded(',endColumn=');

/** `::error file=F,line=L,col=C,endColumn=E,title=CODE::MESSAGE` (the hint on a second line). */
export const githubLine: LineFormat = (file) => {
  const name = escapeProperty(file);
  // The escape is character by character: the message and the hint each, joined by an escaped newline.
  const words = perWording((d) => ({
    head: encoded(`::${GITHUB[d.severity]} file=${name}`),
    tail: encoded(`,title=${escapeProperty(d.code)}::${d.hint ? `${escapeData(d.message)}%0Ahint: ${escapeData(d.hint)}` : escapeData(d.message)}\n`),
  }));
  return (d, sink) => {
    const w = words(d);
    sink.bytes(w.head);
    if (d.line > 0) {
      sink.bytes(LINE);
      sink.number(d.line);
      sink.bytes(COL);
      sink.number(d.column);
      sink.bytes(END_COLUMN);
      sink.number(endColumnOf(d));
    }
    sink.bytes(w.tail);
  };
};

// --- JSON (schemas/check-result.schema.json) ----------------------------------

/** A finding in the JSON document, its keys in the schema's order. */
interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endColumn: number;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  hint?: string;
  fix?: Fix;
}

export function jsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  const j: JsonDiagnostic = {
    file: d.file, line: d.line, column: d.column, endColumn: d.line > 0 ? endColumnOf(d) : 0,
    severity: d.severity, code: d.code, message: d.message,
  };
  // Added only when there is one (no spread of a fresh object per finding).
  if (d.hint) j.hint = d.hint;
  if (d.fix) j.fix = d.fix;
  return j;
}

/** The one JSON document of a check run. */
export function checkJson(reports: readonly FileReport[], tool: Tool): string {
  const doc = {
    tool: { name: tool.name, version: tool.version },
    files: reports.map((r) => r.file),
    diagnostics: reports.flatMap((r) => r.diagnostics.map(jsonDiagnostic)),
    summary: count(reports),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// --- SARIF 2.1.0 -------------------------------------------------------------

/** A relative path as a URI reference: each segment percent-encoded, `/` between. */
export function pathUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function sarifRule(code: DiagnosticCode): Record<string, unknown> {
  const c = CODES[code];
  const page = codePage(code);
  return {
    id: code,
    shortDescription: { text: c.summary },
    fullDescription: { text: c.kernel },
    help: { text: page, markdown: page },
    defaultConfiguration: { level: c.severity },
  };
}

/** `uri(file)`: the file's path relative to the working directory, as a URI reference. */
export function checkSarif(reports: readonly FileReport[], tool: Tool, uri: (file: string) => string): string {
  const index = new Map(CODE_NAMES.map((c, i) => [c, i]));
  const results = reports.flatMap((r) => {
    const fileUri = uri(r.file);
    return r.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: index.get(d.code),
      level: d.severity,
      message: { text: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: fileUri },
          ...(d.line > 0 ? { region: { startLine: d.line, startColumn: d.column, endColumn: endColumnOf(d) } } : {}),
        },
      }],
    }));
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: tool.name, version: tool.version, informationUri: tool.informationUri, rules: CODE_NAMES.map(sarifRule) } },
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

// --- XML: checkstyle and JUnit ------------------------------------------------

// XML 1.0 has no way to write most control characters: they are shown as \ooo.
// Text with nothing to escape (most file names, many messages) is given back after one test.
const xml = (s: string): string => (!/[\x00-\x08\x0b\x0c\x0e-\x1f&<>"']/.test(s) ? s : s
  .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;'));

const CHECKSTYLE: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'info' };

export function checkstyleXml(reports: readonly FileReport[], tool: Tool): string {
  const files = reports.map((r) => [
    `  <file name="${xml(r.file)}">`,
    ...r.diagnostics.map((d) => {
      const place = d.line > 0 ? ` line="${d.line}" column="${d.column}"` : '';
      const text = d.hint ? `${d.message} (hint: ${d.hint})` : d.message;
      return `    <error${place} severity="${CHECKSTYLE[d.severity]}" message="${xml(text)}" source="${tool.name}.${d.code}"/>`;
    }),
    '  </file>',
  ].join('\n'));
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<checkstyle version="4.3">`, ...files, '</checkstyle>', ''].join('\n');
}

/** One testcase per file; it fails when a finding is at or above the threshold. */
export function junitXml(reports: readonly FileReport[], failing: (d: Diagnostic) => boolean): string {
  const failed = reports.filter((r) => r.diagnostics.some(failing)).length;
  const cases = reports.map((r) => {
    const bad = r.diagnostics.filter(failing);
    const head = `    <testcase classname="fusion-mdb.check" name="${xml(r.file)}">`;
    if (bad.length === 0) return `${head}</testcase>`;
    const c = count([{ file: r.file, diagnostics: bad }]);
    const body = r.diagnostics.map((d) => `${r.file}:${lineOf(d)}:${colOf(d)}: ${d.severity}: ${d.message} [${d.code}]${d.hint ? `\n  hint: ${d.hint}` : ''}`).join('\n');
    return `${head}\n      <failure message="${xml(summaryLine(c).replace(/ in 1 file$/, ''))}" type="${xml(bad[0]?.code ?? '')}">${xml(body)}</failure>\n    </testcase>`;
  });
  const attrs = `tests="${reports.length}" failures="${failed}" errors="0"`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="fusion-mdb --check" ${attrs}>`,
    `  <testsuite name="fusion-mdb --check" ${attrs}>`, ...cases, '  </testsuite>', '</testsuites>', ''].join('\n');
}

// --- the text summary ----------------------------------------------------------

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `N errors, N warnings, N notes in N files`. */
export function summaryLine(c: Counts): string {
  return `${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${plural(c.notes, 'note')} in ${plural(c.files, 'file')}`;
}
