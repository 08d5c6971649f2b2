import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSystemFile, type ParsedSystemFile, type SystemEntry } from '../../src/etc-system/parser';
import type { Diagnostic } from '../../src/etc-system/diagnostic';
import { readSimpleDirective, type SimpleDirective } from '../../src/etc-system/simple-set';
import { boot, brief } from './helpers';

// The parser takes a plain set line (set [module:]name op number) straight from
// the bytes, without the lexer's tokens. Whatever the bytes, that shortcut must
// give exactly what the kernel's lexer gives: the same entries, the same spans,
// the same diagnostics.

const DIR = join(__dirname, '../../fixtures/etc-system');
const FILES = [
  ...readdirSync(DIR).filter((f) => f.endsWith('.system')).map((f) => join(DIR, f)),
  ...readdirSync(join(DIR, 'real')).filter((f) => f.endsWith('.system')).map((f) => join(DIR, 'real', f)),
].map((p) => readFileSync(p));

/** Everything a reader of the parse can see, as plain data. */
function seen(p: ParsedSystemFile): unknown {
  const span = (s: { line: number; column: number; length: number; text: string }) => [s.line, s.column, s.length, s.text];
  const entry = (e: SystemEntry) => (e.kind === 'directive'
    ? [e.kind, e.command, e.argument, span(e.at)]
    : [e.kind, e.command, e.module, e.name, e.op, e.value, e.valueText, span(e.at), span(e.valueAt)]);
  // A finding as a reader sees it (its line is read through a getter, from the file).
  const finding = (d: Diagnostic) => ({ file: d.file, line: d.line, column: d.column, length: d.length, severity: d.severity, code: d.code,
    form: d.form, message: d.message, hint: d.hint, fix: d.fix, text: d.text });
  return { entries: p.entries.map(entry), diagnostics: p.diagnostics.map(finding), lines: p.lineCount };
}

const both = (bytes: Uint8Array | string) => [seen(parseSystemFile(bytes, 'f')), seen(parseSystemFile(bytes, 'f', { tokensOnly: true }))];

describe('plain set lines read from the bytes', () => {
  it.each([
    'set maxusers=512\n', 'set maxusers = 512', 'set\tip:tcp_fusion_rcv_unread_min\t|\t0x20\n', 'set ip : do_tcp_fusion = 0 * off\n',
    'set ip:do_tcp_fusion=0# off\n', 'set maxusers = 0t512\n', 'set ip:tcp_fusion_rcv_unread_min = 0X20\n', 'set maxusers=08\n',
    'set maxusers=-1\n', 'set maxusers=~0\n', 'set maxusers=~1\n', 'set maxusers=0x\n', 'set maxusers=1foo\n', 'set maxusers=1 foo\n',
    'set maxusers=1\r\nset ncsize=2\r\n', 'set maxusers=1\rset ncsize=2\r', 'set maxusers=1\fset ncsize=2\n', 'set x-y=1\n', 'set _x=1\n',
    `set ${'a'.repeat(62)}=1\n`, `set ${'a'.repeat(63)}=1\n`, `set ip:${'a'.repeat(62)}=1\n`, `set ip:${'a'.repeat(63)}=1\n`, `set ip:${'a'.repeat(64)}=1\n`,
    `set maxusers=${'1'.repeat(40)}\n`, `set maxusers=${'1'.repeat(41)}\n`, 'set maxusers=0x10000000000000000\n', 'set ma\\xusers=1\n',
    'set maxusers="512"\n', 'set maxusers&0xff\n', 'set maxusers=\n', 'set maxusers\n', 'set =1\n', 'setmaxusers=1\n', 'SET maxusers=1\n',
    'set32 maxusers=1\n', 'set64 maxusers=1\n', 'forceload: drv/ip\nset maxusers=1\nset maxusers=2\n', '  set maxusers=1\n', 'set maxusers=1',
    'set maxusers=0\n', 'set maxusers=00\n', 'set maxusers=010\n', 'set maxusers=0xABCdef\n', 'set maxusers=0x1fffffffffffff\n',
    'set maxusers=0xfffffffffffff\n', 'set maxusers=999999999999999\n', 'set maxusers=9999999999999999\n', 'set maxusers=0x10\nset maxusers=16\n',
    // Directives whose argument runs to white space.
    'forceload: drv/ipf\n', 'forceload:drv/ipf\n', 'forceload : drv/ipf # ip filter\n', '  exclude: sys/shmsys\n', 'rootfs:zfs\n', 'swapfs: tmpfs\n',
    'swapfs: tmpfs x\n', 'forceload drv/ipf\n', 'FORCELOAD: drv/ipf\n', 'forceloadx: drv/ipf\n', 'forceload-x: a\n', 'forceload: \\drv\n', 'forceload: dr\\v\n',
    'forceload: 9drv\n', 'forceload: -x\n', 'forceload: _x.y-z/w\n', 'forceload: drv/ipf', 'forceload:\n', 'forceload: \n', 'include: sys/x\n', 'moddir: /a /b\n',
    `forceload: ${'a'.repeat(200)}\n`, `forceload: ${'a'.repeat(201)}\n`, `forceload: ${'a'.repeat(255)}\n`, `forceload: ${'a'.repeat(256)}\n`,
    'forceload: drv/ipf\nforceload: drv/ipf\nexclude: x\nexclude: x\n', 'forceload: drv/ipf*c\n', 'forceload: drv/ipf\tdrv/x\n', 'set maxusers=1\nforceload: a\nset maxusers=08\n',
  ])('%j', (line) => {
    const [shortcut, tokens] = both(line);
    expect(shortcut).toEqual(tokens);
  });

  it('keeps every line of a file of short ones (the table grows past its first guess)', () => {
    const text = Array.from({ length: 1000 }, (_, i) => `set a=${i % 10}\n`).join('');
    const parsed = parseSystemFile(text, 'f');
    expect(parsed.sets.length).toBe(1000);
    const last = parsed.entries[999];
    expect(last?.kind === 'set' && [last.value, last.at.line, last.valueAt.column]).toEqual([{ kind: 'number', value: 9n, hex: false }, 1000, 7]);
    const [shortcut, tokens] = both(text);
    expect(shortcut).toEqual(tokens);
  });

  it('gives what the lexer gives on mutated real files', () => {
    const pieces = ['set ', 'ip:', ':', '=', '|', '&', '0x', '0', '08', '-', '~', '1', ' ', '\t', '\n', '\r', '*', '#', '"', '\\', 'x'];
    const edit = fc.tuple(fc.nat(), fc.nat(3), fc.oneof(fc.constantFrom(...pieces).map((p) => Buffer.from(p, 'latin1')), fc.uint8Array({ maxLength: 4 })));
    const file = fc.tuple(fc.constantFrom(...FILES), fc.array(edit, { minLength: 1, maxLength: 6 }))
      .map(([f, edits]) => edits.reduce((b, [at, cut, add]) => {
        const i = at % (b.length + 1);
        return Buffer.concat([b.subarray(0, i), add, b.subarray(i + cut)]);
      }, f));
    fc.assert(fc.property(file, (bytes) => {
      const [shortcut, tokens] = both(bytes);
      expect(shortcut).toEqual(tokens);
    }), { numRuns: 300 });
  });
});

describe('one variable named two ways', () => {
  // genunix:maxusers and maxusers are one variable but, for check_system_file, two
  // settings (it compares the module names): the lines still apply in file order.
  it('applies the lines in file order across the two spellings', () => {
    const b = boot('set maxusers=100\nset genunix:maxusers=200\nset maxusers|1\n');
    expect(b.value('maxusers')).toBe(201n);
    expect(brief(b.diagnostics).filter((d) => d.includes('duplicate'))).toEqual([]);
  });

  it('a later plain line overrides the module-qualified one', () => {
    expect(boot('set genunix:maxusers=200\nset maxusers=100\n').value('maxusers')).toBe(100n);
    expect(boot('set maxusers=100\nset genunix:maxusers=200\n').value('maxusers')).toBe(200n);
  });
});

describe('a number too wide for its variable', () => {
  // A store keeps the low bytes; the line is faithful when nothing but a sign or
  // zero extension is lost: 0..2^(8n)-1, or a 64-bit value that sign-extends from n bytes.
  it.each([
    // nfs:nfs3_max_threads is a 2-byte ushort_t.
    ['nfs:nfs3_max_threads', '0xffff', 'illumos', false], ['nfs:nfs3_max_threads', '0x10000', 'illumos', true],
    ['nfs:nfs3_max_threads', '-32768', 'illumos', false], ['nfs:nfs3_max_threads', '-32769', 'illumos', true],
    // stmf_sbd:HardwareAcceleratedInit is a 1-byte uint8_t.
    ['stmf_sbd:HardwareAcceleratedInit', '0xff', 'illumos', false], ['stmf_sbd:HardwareAcceleratedInit', '0x100', 'illumos', true],
    ['stmf_sbd:HardwareAcceleratedInit', '-128', 'illumos', false], ['stmf_sbd:HardwareAcceleratedInit', '-129', 'illumos', true],
    // maxusers is a 4-byte int.
    ['maxusers', '0xffffffff', 's10', false], ['maxusers', '0x100000000', 's10', true], ['maxusers', '-1', 's10', false],
    ['maxusers', '0xffffffff80000000', 's10', false], ['maxusers', '0xffffffff7fffffff', 's10', true],
    // physmem is an 8-byte pgcnt_t: every 64-bit value fits.
    ['physmem', '0xffffffffffffffff', 's10', false],
  ] as const)('set %s=%s on %s: too wide %s', (name, value, release, wide) => {
    const codes = boot(`set ${name}=${value}\n`, release).diagnostics.map((d) => d.code);
    expect(codes.includes('too-wide')).toBe(wide);
  });
});

describe('a first line that combines', () => {
  // tcp_fusion_rcv_unread_min is 8 when compiled; '|' and '&' combine with it.
  it.each([
    ['set ip:tcp_fusion_rcv_unread_min|0x3\n', 11n], ['set ip:tcp_fusion_rcv_unread_min&0x18\n', 8n],
    ['set ip:tcp_fusion_rcv_unread_min="x"\n', 8n], ['set ip:tcp_fusion_rcv_unread_min="x"\nset ip:tcp_fusion_rcv_unread_min|1\n', 9n],
  ])('%j leaves %s', (text, want) => {
    expect(boot(text).value('tcp_fusion_rcv_unread_min')).toBe(want);
  });
});

describe('plain directive lines read from the bytes', () => {
  const read = (text: string): SimpleDirective | false => {
    const out: SimpleDirective = { command: 'forceload', start: -1, argStart: -1, argEnd: -1 };
    return readSimpleDirective(Buffer.from(text, 'latin1'), 0, out) ? out : false;
  };

  it('takes `keyword: argument` up to white space or the line end', () => {
    expect(read('forceload: drv/ipf\n')).toEqual({ command: 'forceload', start: 0, argStart: 11, argEnd: 18 });
    expect(read('exclude :sys/shmsys # no IPC\n')).toEqual({ command: 'exclude', start: 0, argStart: 9, argEnd: 19 });
    expect(read('rootfs:zfs')).toEqual({ command: 'rootfs', start: 0, argStart: 7, argEnd: 10 });
  });

  it('leaves to the lexer what it must judge', () => {
    for (const text of ['forceload drv/ipf\n', 'FORCELOAD: drv/ipf\n', 'forceloadx: a\n', 'forceload: \\drv\n', 'forceload: 9drv\n',
      'forceload: -x\n', 'forceload:\n', 'include: sys/x\n', 'moddir: /a\n', `forceload: ${'a'.repeat(201)}\n`]) {
      expect(read(text)).toBe(false);
    }
  });
});

describe('whether a file may hold a fusion-mdb: comment (the checker searches only those that may)', () => {
  it('no: every comment read in the plain loop, none starting with an f', () => {
    expect(parseSystemFile('* tuning\n#\tbus settings\nset maxusers = 5\n*\n', 'x').mayDisable).toBe(false);
    // A word that merely starts with an f counts: the search then decides.
    expect(parseSystemFile('* for the bus\n', 'x').mayDisable).toBe(true);
  });

  it('yes: a comment starting with an f after blanks or none, or a comment the lexer reads (a CRLF file)', () => {
    expect(parseSystemFile('set maxusers = 5\n* \t fusion-mdb: disable=mdb-radix\n', 'x').mayDisable).toBe(true);
    expect(parseSystemFile('#fusion-mdb: disable-file=near-miss\n', 'x').mayDisable).toBe(true);
    expect(parseSystemFile('* for the bus\r\nset maxusers = 5\r\n', 'x').mayDisable).toBe(true);
  });
});
