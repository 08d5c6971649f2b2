import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cannotOpen, checkStatus, checkSystemFile } from '../../src/etc-system';
import { checkJson } from '../../src/render/check-formats';
import { renderDiagnostics } from '../../src/render/diagnostics';
import { PLAIN } from '../../src/render/theme';
import { CODE_NAMES } from '../../src/etc-system/codes';
import { PATH } from './helpers';

const FIXTURES = 'fixtures/etc-system';
const fixture = (name: string): Buffer => readFileSync(`${FIXTURES}/${name}`);

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it. */
function golden(name: string, actual: string): void {
  const file = `${FIXTURES}/${name}`;
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('golden diagnostics of the fixtures (checked as /etc/system on s10)', () => {
  for (const name of ['customer-case', 'every-diagnostic', 'crlf', 'or-and']) {
    it(`${name}.system`, () => {
      const ds = checkSystemFile(fixture(`${name}.system`), PATH);
      golden(`${name}.expected`, renderDiagnostics(ds, { terminal: false, theme: PLAIN }));
    });
  }
  it('every-diagnostic.system at a terminal: the line and a caret', () => {
    const ds = checkSystemFile(fixture('every-diagnostic.system'), PATH);
    golden('every-diagnostic.tty.expected', renderDiagnostics(ds, { terminal: true, theme: PLAIN }));
  });
  it('every-diagnostic.system as --json (the document of schemas/check-result.schema.json)', () => {
    const diagnostics = checkSystemFile(fixture('every-diagnostic.system'), PATH);
    golden('every-diagnostic.json.expected', checkJson([{ file: PATH, diagnostics }], { name: 'fusion-mdb', version: '0.0.0-test', informationUri: '' }));
  });
});

describe('the fixtures', () => {
  it('the customer case checks clean', () => {
    expect(checkSystemFile(fixture('customer-case.system'), PATH)).toEqual([]);
  });

  it('every-diagnostic.system has every code but those of whole files and of other releases', () => {
    const codes = new Set(checkSystemFile(fixture('every-diagnostic.system'), PATH).map((d) => d.code));
    const elsewhere = new Set(['utf-16', 'byte-order-mark', 'binary-file', 'empty-file', 'cannot-open', 'removed', 'unknown-code']);
    expect(CODE_NAMES.filter((c) => !codes.has(c) && !elsewhere.has(c))).toEqual([]);
  });

  it('crlf.system has the same line numbers as with LF ends', () => {
    const crlf = fixture('crlf.system');
    const lf = Buffer.from(crlf.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    const where = (b: Buffer) => checkSystemFile(b, PATH).map((d) => [d.line, d.column, d.message]);
    expect(where(crlf)).toEqual(where(lf));
    expect(where(crlf).map((w) => w[0])).toEqual([4, 5]);
  });
});

describe('checker policy (issue 7 item 3)', () => {
  const codes = (text: string, release: 's10' | 'illumos' = 's10') => checkSystemFile(text, PATH, release).map((d) => [d.code, d.severity]);

  it('a name outside the catalogue in a known module is a note, never an error', () => {
    expect(codes('set ip:fusion_mdb_uncatalogued_knob=1\n')).toEqual([['not-catalogued', 'note']]);
  });
  it('an unknown module is a note (not checked) with a near-miss module hint', () => {
    const [d] = checkSystemFile('set tpc:fusion_mdb_knob=1\n', PATH);
    expect(d).toMatchObject({ code: 'unknown-module', severity: 'note', hint: "did you mean 'tcp:fusion_mdb_knob'?" });
  });
  it('out of range names the documented range', () => {
    const [d] = checkSystemFile('set ip:do_tcp_fusion=2\n', PATH);
    expect(d).toMatchObject({ code: 'out-of-range', severity: 'warning', message: 'ip:do_tcp_fusion = 2 is outside the documented range 0..1' });
  });
  it('exit status: errors fail, warnings only with --strict', () => {
    const warn = checkSystemFile('forceload drv/ipf\n', PATH);
    expect([checkStatus(warn), checkStatus(warn, true)]).toEqual([0, 1]);
    expect(checkStatus(checkSystemFile('set x = 08\n', PATH))).toBe(1);
  });
  it('cannot open: the kernel\'s words', () => {
    expect(cannotOpen('/nonexistent/system').message).toBe('cannot open system file: /nonexistent/system');
  });
});

describe('any bytes: diagnostics, never a throw', () => {
  const lines = (d: { line: number }[]) => d.map((x) => x.line);

  it('an empty file: a note, nothing else', () => {
    expect(checkSystemFile('', PATH).map((d) => [d.line, d.code])).toEqual([[1, 'empty-file']]);
  });
  it('no final newline', () => {
    const ds = checkSystemFile('set ip:tcp_fusion_rcv_unread_min=08', PATH);
    expect(ds.map((d) => [d.line, d.code])).toEqual([[1, 'invalid-number']]);
  });
  it('NUL bytes and binary junk', () => {
    const junk = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 0x0a, 0xff, 0xfe, 0x0a, 0x73, 0x65, 0x74, 0]);
    const ds = checkSystemFile(junk, PATH);
    expect(ds.map((d) => d.code)).toContain('binary-file');
    expect(ds[0]?.message).toBe("Unexpected token '\\177'");
    expect(Math.max(...lines(ds))).toBeLessThanOrEqual(3);
  });
  it('a 1 MB line', () => {
    const ds = checkSystemFile(`set ip:do_tcp_fusion = ${'9'.repeat(1 << 20)}\n`, PATH);
    expect(ds.map((d) => [d.line, d.code, d.message.length < 300])).toEqual([[1, 'value-too-long', true]]);
    expect(ds[0]?.text.length).toBe(512);
    const name = checkSystemFile(`${'x'.repeat(1 << 20)}\n`, PATH);
    expect(name.map((d) => d.message)).toEqual([`Unexpected token '${'x'.repeat(79)}'`]);
  });
  it('property: arbitrary bytes never throw and every line is inside the file', () => {
    const bytes = fc.uint8Array({ maxLength: 400 });
    const texty = fc.array(fc.constantFrom('set ', 'ip:', 'tcp_fusion_rcv_unread_min', '=', '|', '&', '~', '-', '0x', '08', '"', '\\', ':', '*', '#', '\n', '\r\n', '\r', ' ', 'forceload', 'moddir', '\0', 'é'), { maxLength: 60 })
      .map((parts) => Buffer.from(parts.join(''), 'latin1'));
    fc.assert(fc.property(fc.oneof(bytes, texty), (input) => {
      const ds = checkSystemFile(input, PATH);
      const count = Buffer.from(input).toString('latin1').split(/\r\n|\n|\r/).length;
      for (const d of ds) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.line).toBeLessThanOrEqual(count);
        expect(d.column).toBeGreaterThanOrEqual(1);
      }
    }), { numRuns: 500 });
  });
});
