import { describe, expect, it } from 'vitest';
import { makeDiagnostic, revised, wordedDiagnostic, type Diagnostic, type Wording } from '../../src/etc-system/diagnostic';
import { ChunkedOutput } from '../../src/chunked-output';
import type { IO } from '../../src/io';
import { diagnosticRenderer, diagnosticWriter, type DiagnosticStyle } from '../../src/render/diagnostics';
import { PLAIN } from '../../src/render/theme';

// The renderer keeps the lines around the number of each wording it has printed
// in a file: a finding worded like an earlier one but with another hint, code,
// severity, form or file must still print its own.

const SORRY = "sorry, variable 'nosuch' is not defined in the 'kernel' ";
const sorry = (file: string, line: number, hint?: string): Diagnostic =>
  makeDiagnostic(file, line, 5, 'unknown-variable', 'printf', SORRY, `set nosuch=${line}`, 6, hint);

/** What --check prints: the findings written as bytes (diagnosticWriter) through the output --check uses. */
function written(style: DiagnosticStyle, ds: readonly Diagnostic[]): string {
  const chunks: Buffer[] = [];
  const out = new ChunkedOutput({ writeOut: (b: Uint8Array) => chunks.push(Buffer.from(b)) } as unknown as IO);
  const write = diagnosticWriter(style);
  for (const d of ds) write(d, out);
  out.flush();
  return Buffer.concat(chunks).toString('utf8');
}

/** The same findings as one string per finding (diagnosticRenderer: the batch report, mdb's ::system). */
const rendered = (style: DiagnosticStyle, ds: readonly Diagnostic[]): string => ds.map(diagnosticRenderer(style)).join('');

describe.each([['diagnosticRenderer', rendered], ['diagnosticWriter', written]] as const)('%s', (_name, print) => {
  it('the same words again: the same lines, the new number; another hint, code, severity, form, file, or no line: their own', () => {
    const ds = [
      sorry('/etc/system', 1, 'the line is ignored'),
      sorry('/etc/system', 2, 'the line is ignored'),
      sorry('/etc/system', 3, 'delete it'),
      sorry('/etc/system', 4),
      makeDiagnostic('/etc/system', 5, 5, 'near-miss', 'printf', SORRY, 'set nosuch=5', 6),
      revised(sorry('/etc/system', 6), { severity: 'warning' }),
      makeDiagnostic('/etc/system', 7, 5, 'unknown-variable', 'ours', SORRY, 'set nosuch=7', 6),
      sorry('/etc/system.d/tuning', 8, 'the line is ignored'),
      makeDiagnostic('/etc/system.d/tuning', 0, 0, 'boot-message', 'notice', SORRY, '', 0, 'said at boot'),
      sorry('/etc/system.d/tuning', 9, 'the line is ignored'),
      makeDiagnostic('/etc/system.d/tuning', 10, 5, 'boot-message', 'notice', SORRY, 'set nosuch=10', 6, 'said at boot'),
      makeDiagnostic('/etc/system.d/tuning', 0, 0, 'boot-message', 'notice', SORRY, '', 0, 'said at boot'),
    ];
    expect(print({ terminal: false, theme: PLAIN, codes: true }, ds)).toBe(
      `${SORRY} [error: unknown-variable]\n  at line 1 of /etc/system\n  hint: the line is ignored\n` +
      `${SORRY} [error: unknown-variable]\n  at line 2 of /etc/system\n  hint: the line is ignored\n` +
      `${SORRY} [error: unknown-variable]\n  at line 3 of /etc/system\n  hint: delete it\n` +
      `${SORRY} [error: unknown-variable]\n  at line 4 of /etc/system\n` +
      `${SORRY} [error: near-miss]\n  at line 5 of /etc/system\n` +
      `${SORRY} [warning: unknown-variable]\n  at line 6 of /etc/system\n` +
      `fusion-mdb: error: ${SORRY} on line 7 of /etc/system [unknown-variable]\n` +
      `${SORRY} [error: unknown-variable]\n  at line 8 of /etc/system.d/tuning\n  hint: the line is ignored\n` +
      `NOTICE: ${SORRY} [warning: boot-message]\n  hint: said at boot\n` +
      `${SORRY} [error: unknown-variable]\n  at line 9 of /etc/system.d/tuning\n  hint: the line is ignored\n` +
      // The same boot message at a line and at none: `at line` only where there is one.
      `NOTICE: ${SORRY} [warning: boot-message]\n  at line 10 of /etc/system.d/tuning\n  hint: said at boot\n` +
      `NOTICE: ${SORRY} [warning: boot-message]\n  hint: said at boot\n`);
  });

  it('findings of a wording: its words at each place, file by file, among findings worded another way', () => {
    const lines = { lineText: () => 'set nosuch=1' };
    const worded = (file: string, hint: string): Wording => ({
      file, severity: 'error', code: 'unknown-variable', form: 'printf', message: SORRY, hint, lines, replacement: undefined,
    });
    const a = worded('/etc/system', 'the line is ignored');
    const b = worded('/etc/system', 'delete it');
    const c = worded('/etc/system.d/x', 'the line is ignored');
    const ds = [
      wordedDiagnostic(a, 1, 5, 6, 0), wordedDiagnostic(b, 2, 5, 6, 0), sorry('/etc/system', 3, 'the line is ignored'),
      wordedDiagnostic(a, 4, 5, 6, 0), wordedDiagnostic(c, 5, 5, 6, 0), wordedDiagnostic(c, 6, 5, 6, 0),
    ];
    const at = (line: number, file: string, hint: string) => `${SORRY} [error: unknown-variable]\n  at line ${line} of ${file}\n  hint: ${hint}\n`;
    expect(print({ terminal: false, theme: PLAIN, codes: true }, ds)).toBe(
      at(1, '/etc/system', 'the line is ignored') + at(2, '/etc/system', 'delete it') + at(3, '/etc/system', 'the line is ignored') +
      at(4, '/etc/system', 'the line is ignored') + at(5, '/etc/system.d/x', 'the line is ignored') + at(6, '/etc/system.d/x', 'the line is ignored'));
  });

  it('at a terminal each finding has its own line and caret before the hint; -q drops the hints', () => {
    expect(print({ terminal: true, theme: PLAIN, codes: true }, [sorry('/etc/system', 1, 'h'), sorry('/etc/system', 12, 'h')])).toBe(
      `${SORRY} [error: unknown-variable]\n  at line 1 of /etc/system\n    1 | set nosuch=1\n      |     ^^^^^^\n  hint: h\n` +
      `${SORRY} [error: unknown-variable]\n  at line 12 of /etc/system\n   12 | set nosuch=12\n      |     ^^^^^^\n  hint: h\n`);
    expect(print({ terminal: false, theme: PLAIN, codes: true, noHints: true }, [sorry('/etc/system', 1, 'h'), sorry('/etc/system', 2, 'h')])).toBe(
      `${SORRY} [error: unknown-variable]\n  at line 1 of /etc/system\n${SORRY} [error: unknown-variable]\n  at line 2 of /etc/system\n`);
  });
});

describe('diagnosticWriter', () => {
  it('numbers of every width, and words past ASCII, print as the renderer prints them', () => {
    const hint = 'raise it — or leave it';
    const ds = [1, 9, 10, 99, 100, 65535, 1048576, 123456789].map((n) => sorry('/etc/système', n, hint));
    expect(written({ terminal: false, theme: PLAIN, codes: true }, ds)).toBe(rendered({ terminal: false, theme: PLAIN, codes: true }, ds));
    expect(written({ terminal: false, theme: PLAIN, codes: true }, ds)).toContain('  at line 123456789 of /etc/système\n  hint: raise it — or leave it\n');
  });
});
