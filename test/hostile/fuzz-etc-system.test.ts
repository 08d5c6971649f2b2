import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStatus, checkSystemFile, parseSystemFile, type Diagnostic } from '../../src/etc-system';
import type { FileSystem } from '../../src/io';
import { renderDiagnostics } from '../../src/render/diagnostics';
import { makeTheme } from '../../src/render/theme';
import { run } from '../helpers/io';

// Mutated real /etc/system files through the checker and through `--check`:
// nothing throws, every diagnostic sits on a line of the file, and every printed
// line has one of the kernel's shapes (or fusion-mdb's own labelled one).

const DIR = join(__dirname, '../../fixtures/etc-system');
const FILES = [
  ...readdirSync(DIR).filter((f) => f.endsWith('.system')).map((f) => join(DIR, f)),
  ...readdirSync(join(DIR, 'realistic')).filter((f) => f.endsWith('.system')).map((f) => join(DIR, 'realistic', f)),
].map((p) => readFileSync(p));

const PIECES = ['set ', 'set32 ', 'set64 ', 'SET ', 'Set ', 'forceload', 'moddir', 'rootdev', 'exclude', 'include', 'ip:', 'tcp:',
  'do_tcp_fusion', 'tcp_fusion_rcv_unread_min', ':', '=', '|', '&', '~', '-', '0x', '0', '08', '0xffffffffffffffff',
  '0x10000000000000000', '18446744073709551616', '-1', '~0', '"', '"on"', '\\', '\\n', '*', '#', ' ', '\t', '\n', '\r', '\r\n',
  '\0', '\xff', '\xef\xbb\xbf', 'a'.repeat(90)];

type Edit = readonly [number, number, Uint8Array];

const edit: fc.Arbitrary<Edit> = fc.tuple(
  fc.nat(),
  fc.nat(4),
  fc.oneof(
    fc.constantFrom(...PIECES).map((p) => Buffer.from(p, 'latin1')),
    fc.uint8Array({ maxLength: 6 }),
  ),
);

const mutated: fc.Arbitrary<Buffer> = fc.tuple(fc.constantFrom(...FILES), fc.array(edit, { minLength: 1, maxLength: 8 }))
  .map(([file, edits]) => edits.reduce((b, [at, cut, add]) => {
    const i = at % (b.length + 1);
    return Buffer.concat([b.subarray(0, i), add, b.subarray(i + cut)]);
  }, file));

const PLAIN = { terminal: false, theme: makeTheme({ NO_COLOR: '1' }, false) };

/** Lines as the kernel prints them, and fusion-mdb's own labelled additions. */
const LINE_SHAPES = [
  /^WARNING: \S/, /^NOTICE: \S/, /^sorry, variable '[^']*' is not defined in the '[^']*' /,
  /^fusion-mdb: (error|warning|note): \S/, /^ {2}at line [1-9]\d* of \S/, /^ {2}hint: \S/,
];

/** What is wrong with the diagnostics of `bytes`, or undefined. */
function problems(bytes: Buffer, path: string): string | undefined {
  const ds: Diagnostic[] = checkSystemFile(bytes, path);
  const lines = parseSystemFile(bytes, path).lineCount;
  for (const d of ds) {
    if (d.line < 1 || d.line > lines) return `line ${d.line} out of 1..${lines}: ${d.message}`;
    if (d.column < 1) return `column ${d.column}: ${d.message}`;
  }
  const text = renderDiagnostics(ds, PLAIN);
  for (const l of text.split('\n').slice(0, -1)) {
    if (!LINE_SHAPES.some((re) => re.test(l))) return `a line of no known shape: ${JSON.stringify(l)}`;
    // Bytes of the file are shown as \ooo: a diagnostic never drives the terminal.
    if (/[\x00-\x08\x0b-\x1f\x7f]/.test(l)) return `a raw control byte in ${JSON.stringify(l)}`;
  }
  return undefined;
}

/** An in-memory file system holding one file. */
function oneFile(path: string, bytes: Buffer): FileSystem {
  const no = async (): Promise<never> => { throw new Error('EROFS'); };
  return {
    readFile: async (p) => { if (p !== path) throw new Error('ENOENT'); return bytes; },
    stat: async (p) => { if (p !== path) throw new Error('ENOENT'); return { isFile: () => true, isDirectory: () => false, size: bytes.length }; },
    writeFile: no, rename: no, copyFile: no, unlink: no, chown: no, chmod: no,
  };
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const CLI_RUNS = Math.ceil(RUNS / 5);

describe('fuzzing /etc/system', () => {
  it(`${RUNS} mutated files through the checker: no throw, lines in range, the kernel's shapes`, () => {
    fc.assert(fc.property(mutated, (bytes) => {
      expect(problems(bytes, '/etc/system')).toBeUndefined();
    }), { numRuns: RUNS });
  });

  it(`${CLI_RUNS} mutated files through --check: exit 0 or 1 as the diagnostics say, stdout is exactly them`, async () => {
    await fc.assert(fc.asyncProperty(mutated, fc.boolean(), async (bytes, strict) => {
      const r = await run(['--etc-system', 'system', '--check', ...(strict ? ['--strict'] : [])], '', { fs: oneFile('/fuzz/system', bytes), cwd: '/fuzz' });
      const ds = checkSystemFile(bytes, 'system');
      expect(r.code).toBe(checkStatus(ds, strict));
      const n = (sev: string): number => ds.filter((d) => d.severity === sev).length;
      const summary = `${n('error')} error${n('error') === 1 ? '' : 's'}, ${n('warning')} warning${n('warning') === 1 ? '' : 's'}, ${n('note')} note${n('note') === 1 ? '' : 's'} in 1 file\n`;
      expect(r.stdout).toBe(renderDiagnostics(ds, { ...PLAIN, codes: true }) + summary);
      expect(r.stderr).toBe('');
    }), { numRuns: CLI_RUNS });
  });

  describe('regressions', () => {
    // Inputs that once failed, kept as they were found.
    const SEEDS: readonly (readonly [string, string])[] = [
      ['UTF-16LE with a BOM was a wall of "Unexpected token" lines', '\xff\xfes\0e\0t\0 \0i\0p\0:\0d\0o\0'],
      // Found by the fuzzer: a raw NUL in the module name of the "not known to fusion-mdb" warning (boot.ts).
      ['a NUL before the module name', 'set \\\0ip:do_tcp_fusion = 1\r\n'],
      ['an escape sequence in a variable name', 'set ip:\x1b[2Jx=1\n'],
    ];
    it.each(SEEDS)('%s', (_why, text) => {
      expect(problems(Buffer.from(text, 'latin1'), '/etc/system')).toBeUndefined();
    });
  });
});
