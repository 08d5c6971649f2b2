import { describe, expect, it } from 'vitest';
import { makeDiagnostic, revised, type Diagnostic } from '../../src/etc-system/diagnostic';
import { diagnosticRenderer } from '../../src/render/diagnostics';
import { PLAIN } from '../../src/render/theme';

// The renderer keeps the lines around the number of each wording it has printed
// in a file: a finding worded like an earlier one but with another hint, code,
// severity, form or file must still print its own.

const SORRY = "sorry, variable 'nosuch' is not defined in the 'kernel' ";
const sorry = (file: string, line: number, hint?: string): Diagnostic =>
  makeDiagnostic(file, line, 5, 'unknown-variable', 'printf', SORRY, `set nosuch=${line}`, 6, hint);

describe('diagnosticRenderer', () => {
  it('the same words again: the same lines, the new number; another hint, code, severity, form, file, or no line: their own', () => {
    const render = diagnosticRenderer({ terminal: false, theme: PLAIN, codes: true });
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
    expect(ds.map(render).join('')).toBe(
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

  it('at a terminal each finding has its own line and caret before the hint; -q drops the hints', () => {
    const tty = diagnosticRenderer({ terminal: true, theme: PLAIN, codes: true });
    expect([sorry('/etc/system', 1, 'h'), sorry('/etc/system', 12, 'h')].map(tty).join('')).toBe(
      `${SORRY} [error: unknown-variable]\n  at line 1 of /etc/system\n    1 | set nosuch=1\n      |     ^^^^^^\n  hint: h\n` +
      `${SORRY} [error: unknown-variable]\n  at line 12 of /etc/system\n   12 | set nosuch=12\n      |     ^^^^^^\n  hint: h\n`);
    const quiet = diagnosticRenderer({ terminal: false, theme: PLAIN, codes: true, noHints: true });
    expect([sorry('/etc/system', 1, 'h'), sorry('/etc/system', 2, 'h')].map(quiet).join('')).toBe(
      `${SORRY} [error: unknown-variable]\n  at line 1 of /etc/system\n${SORRY} [error: unknown-variable]\n  at line 2 of /etc/system\n`);
  });
});
