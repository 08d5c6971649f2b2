import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBundled } from '../helpers/bundle';

// End to end, /etc/system: the built bundle (npm test builds it first), run in
// this process, booting from a file, checking one, and never showing a stack trace.

const FIXTURES = 'fixtures/etc-system';

const mdb = runBundled;

const TRACE = /at .*\.[cm]?js:\d+|TypeError|RangeError|ReferenceError|internal error|node:internal/;
const PAD = (s: string, n: number): string => s.padEnd(n);
const unreadMinIs = (v: number): string => `tcp_fusion_rcv_unread_min:\n${PAD('tcp_fusion_rcv_unread_min:', 32)}${PAD(String(v), 16)}\n`;

const scratch = mkdtempSync(join(tmpdir(), 'fusion-mdb-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
function file(name: string, data: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, data);
  return path;
}

describe('a file that cannot be opened', () => {
  it('--etc-system /nonexistent: the kernel\'s line, exit 2, nothing on stdout', async () => {
    for (const args of [['--etc-system', '/nonexistent'], ['-k', '--etc-system', '/nonexistent'], ['--check', '--etc-system', '/nonexistent']]) {
      expect(await mdb(args, 'tcp_fusion_rcv_unread_min/D\n')).toEqual({
        status: 2,
        stdout: args.includes('--check') ? 'WARNING: cannot open system file: /nonexistent [error: cannot-open]\n1 error, 0 warnings, 0 notes in 1 file\n' : '',
        stderr: args.includes('--check') ? '' : 'WARNING: cannot open system file: /nonexistent\n',
      });
    }
  });

  it('a directory given as the file: the same line and why, exit 2', async () => {
    const r = await mdb(['--check', '--etc-system', scratch]);
    expect(r.status).toBe(2);
    expect(r.stdout.split('\n')[0]).toBe(`WARNING: cannot open system file: ${scratch} [error: cannot-open]`);
    expect(r.stdout + r.stderr).not.toMatch(TRACE);
  });
});

describe('--check on the fixtures', () => {
  // [file, exit status, exit status with --strict]
  const CASES: [string, number, number][] = [
    ['crlf.system', 1, 1],
    ['customer-case.system', 0, 0],
    ['every-diagnostic.system', 1, 1],
    ['or-and.system', 0, 0],
    ['realistic/database-s10.system', 1, 1],
    ['realistic/fileserver-illumos.system', 1, 1],
    ['realistic/hardened-s10.system', 1, 1],
  ];
  for (const [name, status, strict] of CASES) {
    it(`${name}: exit ${status}, ${strict} with --strict`, async () => {
      const path = `${FIXTURES}/${name}`;
      expect((await mdb(['--check', '--etc-system', path])).status).toBe(status);
      expect((await mdb(['--check', '--strict', '--etc-system', path])).status).toBe(strict);
      const json = await mdb(['--check', '--json', '--etc-system', path]);
      expect(json.status).toBe(status);
      const ds = (JSON.parse(json.stdout) as { diagnostics: Record<string, unknown>[] }).diagnostics;
      for (const d of ds) {
        expect(d).toMatchObject({
          file: path, line: expect.any(Number), column: expect.any(Number),
          severity: expect.stringMatching(/^(error|warning|note)$/), code: expect.any(String), message: expect.any(String),
        });
      }
      expect(ds.some((d) => d.severity === 'error')).toBe(status === 1);
    });
  }
});

describe('odd files: clear diagnostics, never a stack trace', () => {
  /** Deterministic junk: every byte value, shuffled by a fixed LCG. */
  function junk(n: number): Buffer {
    const b = Buffer.alloc(n);
    let x = 12345;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      b[i] = x >> 16 & 0xff;
    }
    return b;
  }

  it('binary junk: the kernel\'s line-by-line complaints and a note that it is not text', async () => {
    const path = file('junk', junk(64 * 1024));
    const r = await mdb(['--check', '--etc-system', path]);
    // The same bytes every run (a fixed generator): among the kernel's complaints are errors.
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('fusion-mdb: note: this does not look like a text file (it holds NUL bytes)');
    expect(r.stdout + r.stderr).not.toMatch(TRACE);
    const booted = await mdb(['-k', '--etc-system', path], 'tcp_fusion_rcv_unread_min/D\n');
    expect(booted.stdout).toBe(unreadMinIs(8));
    expect(booted.stderr).not.toMatch(TRACE);
  });

  it('a 1 MB line: one diagnostic with a cut line, the rest of the file still read', async () => {
    const path = file('long-line', `set ip:tcp_fusion_rcv_unread_min=${'1'.repeat(1 << 20)}\nset ip:do_tcp_fusion=0\n`);
    const r = await mdb(['--check', '--json', '--etc-system', path]);
    expect(r.status).toBe(1);
    const ds = (JSON.parse(r.stdout) as { diagnostics: { line: number; message: string; hint?: string }[] }).diagnostics;
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ line: 1, hint: 'the kernel reads at most 256 characters here' });
    expect(ds[0]?.message.startsWith("bad rvalue '111")).toBe(true);
    expect((await mdb(['-k', '--etc-system', path], 'do_tcp_fusion/D\n')).stdout).toBe(`do_tcp_fusion:\n${PAD('do_tcp_fusion:', 16)}${PAD('0', 16)}\n`);
  });

  it('an empty file: a note, exit 0, the release defaults', async () => {
    const path = file('empty', '');
    const r = await mdb(['--check', '--etc-system', path]);
    expect(r).toEqual({ status: 0, stderr: '', stdout: `fusion-mdb: note: the file is empty: the kernel boots with the release defaults on line 1 of ${path} [empty-file]\n0 errors, 0 warnings, 1 note in 1 file\n` });
    expect((await mdb(['--check', '--strict', '--etc-system', path])).status).toBe(0);
  });

  it('no final newline: the last line counts', async () => {
    const path = file('no-newline', '* tuned\nset ip:tcp_fusion_rcv_unread_min=0x10');
    expect(await mdb(['--check', '--etc-system', path])).toEqual({ status: 0, stdout: '0 errors, 0 warnings, 0 notes in 1 file\n', stderr: '' });
    expect((await mdb(['-k', '--etc-system', path], 'tcp_fusion_rcv_unread_min/D\n')).stdout).toBe(unreadMinIs(16));
  });
});

describe('booting from a file with commands on stdin', () => {
  it('echo "tcp_fusion_rcv_unread_min/D" | fusion-mdb -k --etc-system FILE prints the booted value', async () => {
    expect(await mdb(['-k', '--etc-system', `${FIXTURES}/customer-case.system`], 'tcp_fusion_rcv_unread_min/D\n'))
      .toEqual({ status: 0, stdout: unreadMinIs(0), stderr: '' });
    expect((await mdb(['-k', '--etc-system', `${FIXTURES}/or-and.system`], 'tcp_fusion_rcv_unread_min/D\n')).stdout).toBe(unreadMinIs(34));
  });

  it('/W, ::reboot, /D: the boot value is back, and the session says what was lost', async () => {
    const r = await mdb(['-kw', '--etc-system', `${FIXTURES}/customer-case.system`], 'tcp_fusion_rcv_unread_min/W 0t32\n::reboot\ntcp_fusion_rcv_unread_min/D\n');
    expect(r.stdout).toContain('rebooted: mdb changes to 1 variable were lost (tcp_fusion_rcv_unread_min)\n');
    expect(r.stdout.endsWith(unreadMinIs(0))).toBe(true);
    expect(r.status).toBe(0);
  });

  it('::persist -f, then a fresh boot from the file gives the live value', async () => {
    const path = file('persisted', '* the customer case\nset ip:tcp_fusion_rcv_unread_min=0\n');
    await mdb(['-kw', '--etc-system', path], `tcp_fusion_rcv_unread_min/W 0t32\n::persist -f ${path}\n`);
    expect((await mdb(['-k', '--etc-system', path], 'tcp_fusion_rcv_unread_min/D\n')).stdout).toBe(unreadMinIs(32));
  });
});
