import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileSystem } from '../../src/io';
import { realFs, run } from '../helpers/io';

// The nasty-input corpus: small files under fixtures/hostile/, big ones made here
// in a temporary directory. Each input has its expected behaviour spelled out.

const HOSTILE = join(__dirname, '../../fixtures/hostile');
const fixture = (name: string): Buffer => readFileSync(join(HOSTILE, name));
const tmp = mkdtempSync(join(tmpdir(), 'fusion-mdb-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PROBE_OUT = `do_tcp_fusion:\n${'do_tcp_fusion:'.padEnd(16)}${'1'.padEnd(16)}\n`;
const UNREAD_OUT = `tcp_fusion_rcv_unread_min:\n${'tcp_fusion_rcv_unread_min:'.padEnd(32)}${'8'.padEnd(16)}\n`;
const UNKNOWN = 'mdb: failed to dereference symbol: unknown symbol name\n';

describe('piped mdb input', () => {
  it('NUL bytes: each bad command is rejected with the NUL shown as \\000, the good ones run', async () => {
    const r = await run(['-k'], fixture('nul-bytes.in'));
    expect(r.stdout).toBe(PROBE_OUT);
    expect(r.stderr).toBe([
      "mdb: invalid format character -- '\\000'",
      'mdb: syntax error on line 2 of (stdin) near "\\000"',
      'mdb: syntax error on line 3 of (stdin) near "\\000"',
      '',
    ].join('\n'));
    expect(r.code).toBe(0);
  });

  it('invalid UTF-8: the bad bytes read as U+FFFD, rejected, the next line still runs', async () => {
    const r = await run(['-k'], fixture('invalid-utf8.in'));
    expect(r.stdout).toBe(PROBE_OUT);
    expect(r.stderr).toBe([
      'mdb: syntax error on line 1 of (stdin) near "\ufffd"',
      "mdb: invalid format character -- '\ufffd'",
      'mdb: syntax error on line 3 of (stdin) near "\ufffd"',
      '',
    ].join('\n'));
  });

  it('an escape sequence in a command is shown as \\033, never sent to the terminal', async () => {
    const r = await run(['-k'], fixture('escape-sequence.in'));
    expect(r.stdout).toBe(PROBE_OUT);
    expect(r.stderr).toBe("mdb: invalid format character -- '\\033'\nmdb: syntax error on line 2 of (stdin) near \"\\033[2J\"\n");
  });

  it('CRLF line ends: the same as LF', async () => {
    const r = await run(['-k'], fixture('crlf.in'));
    expect(r.stdout).toBe(PROBE_OUT + UNREAD_OUT);
    expect(r.stderr).toBe(UNKNOWN);
  });

  it('lone CR line ends (old Mac files): each CR ends a command, as in /etc/system', async () => {
    const r = await run(['-k'], fixture('lone-cr.in'));
    expect(r.stdout).toBe(PROBE_OUT + UNREAD_OUT);
    expect(r.stderr).toBe(UNKNOWN);
  });

  it('a CR at the end of one chunk and its LF at the start of the next are one line end', async () => {
    const chunks = [Buffer.from('do_tcp_fusion/D\r'), Buffer.from('\nfoo bar\r'), Buffer.from('\ndo_tcp_fusion/D\n')];
    const { PassThrough } = await import('node:stream');
    const stdin = new PassThrough();
    const pending = runWithStdin(stdin);
    for (const c of chunks) { stdin.write(c); await new Promise((r) => setImmediate(r)); }
    stdin.end();
    const r = await pending;
    // "foo bar" is on line 2: had the split CRLF counted twice, it would say line 3.
    expect(r.stderr).toBe('mdb: syntax error on line 2 of (stdin) near "bar"\n');
    expect(r.stdout).toBe(PROBE_OUT + PROBE_OUT);
  });

  it('a UTF-8 byte order mark is dropped', async () => {
    const r = await run(['-k'], fixture('bom-utf8.in'));
    expect(r).toEqual({ stdout: PROBE_OUT, stderr: '', code: 0 });
  });

  it('UTF-16LE input: read as the bytes it is, each line rejected at its first odd byte, no crash', async () => {
    const r = await run(['-k'], fixture('utf16le.in'));
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe([
      'mdb: syntax error on line 1 of (stdin) near "\ufffd"',
      'mdb: syntax error on line 2 of (stdin) near "\\000"',
      'mdb: syntax error on line 3 of (stdin) near "\\000"',
      '',
    ].join('\n'));
    expect(r.code).toBe(0);
  });

  it('UTF-16BE input: the same, one rejection per line', async () => {
    const r = await run(['-k'], fixture('utf16be.in'));
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('mdb: syntax error on line 1 of (stdin) near "\ufffd"\nmdb: syntax error on line 2 of (stdin) near "\\000"\n');
  });

  it('numbers at 2^64 - 1 are read; at 2^64 and past, mdb\'s "exceeds maximum immediate value"', async () => {
    const r = await run(['-k'], fixture('numbers-2-64.in'));
    const at = (s: string): string => `${' '.repeat(16)}${s}`;
    expect(r.stdout.split('\n')).toEqual([
      at('ffffffffffffffff '), // 0xffffffffffffffff=J: 17 wide, the top nibble is set
      at('18446744073709551615'), // 0t18446744073709551615=E
      at('0'.padEnd(16)), // 0xffffffffffffffff+1=J wraps, as 64-bit arithmetic does
      at('ffffffffffffffff '), // sixty-four 1s in binary
      '',
    ]);
    // 0x10000000000000000, 0t18446744073709551616 and sixty-five binary digits
    expect(r.stderr).toBe('mdb: specified value exceeds maximum immediate value\n'.repeat(3));
  });

  it('-1 and ~0 as write values are all ones, stored at the width of the write', async () => {
    const r = await run(['-kw'], fixture('negative-writes.in'));
    expect(r.stdout.split('\n')).toEqual([
      'do_tcp_fusion:  0x1             =       0xffffffff',
      'do_tcp_fusion:',
      'do_tcp_fusion:  -1              ',
      'tcp_fusion_rcv_unread_min:      0x8             =       0xffffffff',
      'tcp_fusion_rcv_unread_min:',
      'tcp_fusion_rcv_unread_min:      4294967295      ',
      // /Z writes 8 bytes: this word and the next symbol's
      'tcp_fusion_rcv_unread_min:      0xffffffff00000000      =       0xffffffffffffffff',
      // /v writes the first byte only: -0t2 truncated to 0xfe
      'tcp_fusion_rcv_unread_min:      0xff    =       0xfe',
      '',
    ]);
    // mdb says nothing about the widths; fusion-mdb's notes do (-q leaves them out).
    expect(r.stderr).toBe([
      'note: tcp_fusion_rcv_unread_min is 4 bytes (uint_t); /Z wrote 8 bytes, past its end: use /W',
      'note: tcp_fusion_rcv_unread_min is 4 bytes (uint_t); /v wrote only its first byte, the high-order one on sun4v: use /W',
      '',
    ].join('\n'));
  });

  it('an empty stdin: nothing printed, exit 0', async () => {
    expect(await run(['-k'], fixture('empty.in'))).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('a 10 MB single line: one error, then the next command answers', async () => {
    const input = Buffer.concat([Buffer.alloc(10 * 1024 * 1024, 'A'), Buffer.from('\ndo_tcp_fusion/D\n')]);
    const r = await run(['-k'], input);
    expect(r.stderr).toBe(UNKNOWN);
    expect(r.stdout).toBe(PROBE_OUT);
  });

  it("1,000,000 ';'-separated commands on one line: every one answers, in order", async () => {
    const r = await run(['-k'], `${'do_tcp_fusion/D;'.repeat(1_000_000)}\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout.length).toBe(PROBE_OUT.length * 1_000_000);
    expect(r.stdout.startsWith(PROBE_OUT + PROBE_OUT)).toBe(true);
    expect(r.stdout.endsWith(PROBE_OUT)).toBe(true);
  });
});

/** main() with a given stdin stream. */
async function runWithStdin(stdin: NodeJS.ReadableStream): Promise<{ stdout: string; stderr: string; code: number }> {
  const { PassThrough } = await import('node:stream');
  const { main } = await import('../../src/main');
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c: Buffer) => { stdout += c.toString(); });
  err.on('data', (c: Buffer) => { stderr += c.toString(); });
  const code = await main(['-k'], {
    stdin: stdin as import('node:stream').Readable, stdout: out, stderr: err, env: {}, stdinIsTTY: false, stdoutIsTTY: false, fs: realFs,
  });
  return { stdout, stderr, code };
}

describe('/etc/system', () => {
  const check = (name: string, extra: string[] = []): ReturnType<typeof run> =>
    run(['--etc-system', join(HOSTILE, name), '--check', ...extra]);
  const file = (name: string): string => join(HOSTILE, name);

  it('UTF-16LE with a BOM: one error that says so, not a wall of junk; exit 1', async () => {
    const r = await check('utf16le.system');
    expect(r.stdout).toBe(
      `fusion-mdb: error: this file is UTF-16LE text; the kernel reads /etc/system as single bytes and would reject every line, so none of its settings would apply on line 1 of ${file('utf16le.system')} [utf-16]\n` +
      `  hint: convert it to plain ASCII, e.g. iconv -f UTF-16 -t UTF-8 ${file('utf16le.system')}\n1 error, 0 warnings, 0 notes in 1 file\n`);
    expect(r.code).toBe(1);
  });

  it('UTF-16BE with a BOM, and UTF-16LE without one, are recognised too', async () => {
    expect((await check('utf16be.system')).stdout).toMatch(/^fusion-mdb: error: this file is UTF-16BE text; /);
    const noBom = await check('utf16le-no-bom.system');
    expect(noBom.stdout).toMatch(/^fusion-mdb: error: this file is UTF-16LE text; /);
    expect(noBom.stdout).toContain(`iconv -f UTF-16LE -t UTF-8 ${file('utf16le-no-bom.system')}`);
  });

  it('a UTF-8 BOM: the kernel rejects line 1, and fusion-mdb says why', async () => {
    const r = await check('bom-utf8.system');
    expect(r.stdout).toBe(
      `WARNING: Unexpected token '\\357' on line 1 of ${file('bom-utf8.system')} [error: syntax]\n` +
      `fusion-mdb: warning: the file starts with a UTF-8 byte order mark (\\357\\273\\277): the kernel reads it as part of line 1, which it then rejects; save the file without it on line 1 of ${file('bom-utf8.system')} [byte-order-mark]\n` +
      '1 error, 1 warning, 0 notes in 1 file\n');
    expect(r.code).toBe(1);
  });

  it('CRLF and a lone CR both end lines: three set lines, the duplicate names line 3', async () => {
    const r = await check('crlf-and-cr.system');
    expect(r.stdout).toBe(
      `WARNING: ip:tcp_fusion_rcv_unread_min is set more than once in ${file('crlf-and-cr.system')}. "set ip:tcp_fusion_rcv_unread_min = 0x40" applied as the current setting. [warning: duplicate]\n` +
      `  at line 3 of ${file('crlf-and-cr.system')}\n  hint: line 3 overrides the setting on line 1\n0 errors, 1 warning, 0 notes in 1 file\n`);
    expect(r.code).toBe(0);
  });

  it('NUL bytes: the kernel rejects the line, and fusion-mdb notes the file is not text', async () => {
    const r = await check('nul-bytes.system');
    expect(r.stdout).toBe(
      `WARNING: Unexpected token '\\000' on line 2 of ${file('nul-bytes.system')} [error: syntax]\n` +
      `fusion-mdb: note: this does not look like a text file (it holds NUL bytes); the kernel reads it line by line anyway on line 2 of ${file('nul-bytes.system')} [binary-file]\n` +
      '1 error, 0 warnings, 1 note in 1 file\n');
    expect(r.code).toBe(1);
  });

  it('numbers past 2^64: the kernel keeps the low 64 bits, an error (the value is not the one written)', async () => {
    const r = await check('numbers-2-64.system');
    expect(r.stdout).toBe(
      `fusion-mdb: warning: ip:do_tcp_direct_sockfs = 4294967295 is outside the documented range 0..1 on line 1 of ${file('numbers-2-64.system')} [out-of-range]\n` +
      `fusion-mdb: error: 0x10000000000000000 does not fit in 64 bits; the kernel keeps the low 64 bits, 0x0 on line 2 of ${file('numbers-2-64.system')} [too-wide]\n` +
      `fusion-mdb: error: 18446744073709551617 does not fit in 64 bits; the kernel keeps the low 64 bits, 0x1 on line 3 of ${file('numbers-2-64.system')} [too-wide]\n` +
      '2 errors, 1 warning, 0 notes in 1 file\n');
    expect(r.code).toBe(1);
  });

  it('-1 is all ones at the variable\'s size; ~0 is 0, as kobj_getvalue reads it, and fusion-mdb warns', async () => {
    const warning = `fusion-mdb: error: the kernel reads ~0 as 0: kobj_getvalue returns a lone 0 before it applies the '~'; ` +
      `for all ones write -1 on line 2 of ${file('negative.system')}\n`;
    expect((await check('negative.system')).stdout).toBe(`${warning.slice(0, -1)} [complement-lost]\n1 error, 0 warnings, 0 notes in 1 file\n`);
    const r = await run(['--etc-system', file('negative.system'), '-e', 'do_tcp_fusion/X;tcp_fusion_rcv_unread_min/X']);
    expect(r.stderr).toBe(warning);
    // -1, then & ~0x3 (a complement of a non-zero value is applied): fffffffc
    expect(r.stdout).toBe(
      `do_tcp_fusion:\n${'do_tcp_fusion:'.padEnd(16)}${'0'.padEnd(16)}\n` +
      `tcp_fusion_rcv_unread_min:\n${'tcp_fusion_rcv_unread_min:'.padEnd(32)}${'fffffffc'.padEnd(16)}\n`);
  });

  it('a 0-byte file: a note, the release defaults, exit 0', async () => {
    const r = await check('empty.system');
    expect(r.stdout).toBe(`fusion-mdb: note: the file is empty: the kernel boots with the release defaults on line 1 of ${file('empty.system')} [empty-file]\n0 errors, 0 warnings, 1 note in 1 file\n`);
    expect(r.code).toBe(0);
  });

  it('a 10 MB single line: one diagnostic, its text cut, the next line still applied', async () => {
    const path = join(tmp, 'long-line.system');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, Buffer.concat([Buffer.alloc(10 * 1024 * 1024, 'a'), Buffer.from('\nset ip:do_tcp_fusion = 0\n')]));
    const r = await run(['--etc-system', path, '--check', '--json']);
    const ds = (JSON.parse(r.stdout) as { diagnostics: { line: number; code: string; message: string }[] }).diagnostics;
    expect(ds.map((d) => [d.line, d.code])).toEqual([[1, 'value-too-long']]);
    expect(ds[0]?.message.length).toBeLessThan(200);
    const booted = await run(['--etc-system', path, '-e', 'do_tcp_fusion/D']);
    expect(booted.stdout).toBe(`do_tcp_fusion:\n${'do_tcp_fusion:'.padEnd(16)}${'0'.padEnd(16)}\n`);
  });
});

describe('workload JSON', () => {
  it('a 0-byte file: one line naming the file, exit 2', async () => {
    const r = await run(['--workload', join(HOSTILE, 'empty.json')]);
    expect(r.stderr).toBe(`fusion-mdb: ${join(HOSTILE, 'empty.json')}: not JSON: Unexpected end of JSON input\n`);
    expect(r.code).toBe(2);
  });
});

// Files are read at positions, without asking what they are first: a device is told
// apart by what its reads give (nothing, or no end), an empty file by asking then.
describe('a device, an empty file, and a FIFO someone writes to', () => {
  const DEVICE_HINT = (path: string): string => `${path} is not a regular file (a FIFO, socket or device); fusion-mdb reads only regular files, so it never waits on one`;
  const refused = (path: string): string => `WARNING: cannot open system file: ${path} [error: cannot-open]\n  hint: ${DEVICE_HINT(path)}\n1 error, 0 warnings, 0 notes in 1 file\n`;

  it.each(['/dev/null', '/dev/zero'])('--check %s: refused as a device, exit 2', async (device) => {
    expect(await run(['--check', device])).toEqual({ stdout: refused(device), stderr: '', code: 2 });
  }, 10_000);

  it('an empty regular file is read, and is empty', async () => {
    const empty = join(tmp, 'empty.system');
    execFileSync('touch', [empty]);
    const r = await run(['--check', empty]);
    expect(r.stdout).toBe(`fusion-mdb: note: the file is empty: the kernel boots with the release defaults on line 1 of ${empty} [empty-file]\n0 errors, 0 warnings, 1 note in 1 file\n`);
    expect(r.code).toBe(0);
  });

  it('a FIFO a writer holds open: refused, not read, exit 2', async () => {
    const fifo = join(tmp, 'fifo-with-a-writer');
    execFileSync('mkfifo', [fifo]);
    // A shell opens the FIFO for writing (it waits for a reader: the check) and writes a line.
    const writer = spawn('sh', ['-c', `printf 'set maxusers=1\\n' > ${fifo}; sleep 5`], { stdio: 'ignore' });
    try {
      expect(await run(['--check', fifo])).toEqual({ stdout: refused(fifo), stderr: '', code: 2 });
    } finally {
      writer.kill();
    }
  }, 10_000);
});

describe('a directory or a FIFO given as a file', () => {
  const dir = join(tmp, 'a-directory');
  const fifo = join(tmp, 'a-fifo');
  mkdirSync(dir);
  execFileSync('mkfifo', [fifo]);
  const FIFO_HINT = `${fifo} is not a regular file (a FIFO, socket or device); fusion-mdb reads only regular files, so it never waits on one`;

  it('--etc-system DIR --check: the kernel\'s "cannot open", the reason, exit 2', async () => {
    const r = await run(['--etc-system', dir, '--check']);
    expect(r.stdout).toBe(`WARNING: cannot open system file: ${dir} [error: cannot-open]\n  hint: ${dir} is a directory\n1 error, 0 warnings, 0 notes in 1 file\n`);
    expect(r.code).toBe(2);
  });

  it('--etc-system FIFO --check returns at once (nothing writes to the FIFO), exit 2', async () => {
    const r = await run(['--etc-system', fifo, '--check']);
    expect(r.stdout).toBe(`WARNING: cannot open system file: ${fifo} [error: cannot-open]\n  hint: ${FIFO_HINT}\n1 error, 0 warnings, 0 notes in 1 file\n`);
    expect(r.code).toBe(2);
  }, 5_000);

  it('--etc-system FIFO to boot from: the same words on stderr, exit 2', async () => {
    const r = await run(['--etc-system', fifo, '-e', 'do_tcp_fusion/D']);
    expect(r).toEqual({ stdout: '', stderr: `WARNING: cannot open system file: ${fifo}\n  hint: ${FIFO_HINT}\n`, code: 2 });
  }, 5_000);

  it('--workload DIR and --workload FIFO: "cannot open workload file", the reason, exit 2', async () => {
    expect(await run(['--workload', dir])).toEqual({
      stdout: '', stderr: `fusion-mdb: cannot open workload file: ${dir}\n  hint: ${dir} is a directory\n`, code: 2,
    });
    expect(await run(['--workload', fifo])).toEqual({
      stdout: '', stderr: `fusion-mdb: cannot open workload file: ${fifo}\n  hint: ${FIFO_HINT}\n`, code: 2,
    });
  }, 5_000);

  it('a file that vanishes between stat and read: "cannot open", exit 2', async () => {
    const vanishing: FileSystem = {
      ...realFs,
      stat: async () => ({ isFile: () => true, isDirectory: () => false, size: 10 }),
      readFile: async (p) => { throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' }); },
    };
    const r = await run(['--etc-system', '/etc/system.gone', '--check'], '', { fs: vanishing });
    expect(r).toEqual({ stdout: 'WARNING: cannot open system file: /etc/system.gone [error: cannot-open]\n1 error, 0 warnings, 0 notes in 1 file\n', stderr: '', code: 2 });
  });
});
