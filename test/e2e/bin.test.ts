import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledMain, runBundled } from '../helpers/bundle';
import { run } from '../helpers/io';

// End to end: the built binary (npm test builds it first), spawned with `input`
// where the process is what is tested (a pipe in and out, exit statuses, no trace
// from a crash); what mdb answers goes through the bundle's main in this process.

const BIN = join(__dirname, '../../bin/fusion-mdb.cjs');

function mdb(args: string[], input = ''): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const PAD = (s: string, n: number): string => s.padEnd(n);

describe('fusion-mdb binary', () => {
  it('echo "tcp_fusion_rcv_unread_min/D" | fusion-mdb -k prints mdb\'s two lines', () => {
    const r = mdb(['-k'], 'tcp_fusion_rcv_unread_min/D\n');
    expect(r.stdout).toBe(`tcp_fusion_rcv_unread_min:\n${PAD('tcp_fusion_rcv_unread_min:', 32)}${PAD('8', 16)}\n`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('/W 0t32 with -kw echoes 0x8 = 0x20, then /D reads 32', async () => {
    const r = await runBundled(['-kw'], 'tcp_fusion_rcv_unread_min/W 0t32\ntcp_fusion_rcv_unread_min/D\n');
    expect(r.stdout.split('\n')).toEqual([
      'tcp_fusion_rcv_unread_min:      0x8             =       0x20',
      'tcp_fusion_rcv_unread_min:',
      `${PAD('tcp_fusion_rcv_unread_min:', 32)}${PAD('32', 16)}`,
      '',
    ]);
    expect(r.stderr).toBe('');
  });

  it('the same write with -k only fails and the value stays 8', async () => {
    const r = await runBundled(['-k'], 'tcp_fusion_rcv_unread_min/W 0t32\ntcp_fusion_rcv_unread_min/D\n');
    expect(r.stderr).toBe('mdb: failed to write 20 at address 0xfffffffffbc2f0a8: target is not open for writing\n');
    expect(r.stdout).toContain(`${PAD('tcp_fusion_rcv_unread_min:', 32)}${PAD('8', 16)}\n`);
    expect(r.status).toBe(0);
  });

  it('/W 32 writes 0x32 (50) and says so on stderr; -q keeps quiet', async () => {
    const r = await runBundled(['-kw'], 'tcp_fusion_rcv_unread_min/W 32\ntcp_fusion_rcv_unread_min/D\n');
    expect(r.stdout).toContain('=       0x32\n');
    expect(r.stdout).toContain(`${PAD('50', 16)}\n`);
    expect(r.stderr).toMatch(/^note: 32 was read in radix 16 .*0x32 = 50.*0t32\n$/);
    expect((await runBundled(['-kwq'], 'tcp_fusion_rcv_unread_min/W 32\n')).stderr).toBe('');
  });

  it('0t32=D and 20=D both print 32', async () => {
    const r = await runBundled(['-k'], '0t32=D\n20=D\n');
    expect(r.stdout).toBe(`${' '.repeat(16)}${PAD('32', 16)}\n${' '.repeat(16)}${PAD('32', 16)}\n`);
  });

  it('--release illumos: the unread-min symbol is gone, do_tcp_fusion is 1', async () => {
    const r = await runBundled(['-k', '--release', 'illumos'], 'tcp_fusion_rcv_unread_min/D\ndo_tcp_fusion/D\n');
    expect(r.stderr.split('\n')[0]).toBe('mdb: failed to dereference symbol: unknown symbol name');
    expect(r.stderr).toContain('CR 6826274');
    expect(r.stdout).toBe(`do_tcp_fusion:\n${PAD('do_tcp_fusion:', 16)}${PAD('1', 16)}\n`);
  });

  it('syntax errors name the line of (stdin); the run goes on and exits 0', async () => {
    const r = await runBundled(['-k'], 'do_tcp_fusion/D\n\n1+/D\ndo_tcp_fusion/D\n');
    expect(r.stderr).toBe('mdb: syntax error on line 3 of (stdin) near "/"\n');
    expect(r.stdout.match(/do_tcp_fusion:  1/g)).toHaveLength(2);
    expect(r.status).toBe(0);
  });

  it('-e runs one command: exit 0 when it works, 1 when it fails', () => {
    expect(mdb(['-k', '-e', 'do_tcp_fusion/D'])).toMatchObject({ status: 0, stdout: `do_tcp_fusion:\n${PAD('do_tcp_fusion:', 16)}${PAD('1', 16)}\n` });
    expect(mdb(['-k', '-e', 'nosuch/D'])).toMatchObject({ status: 1, stderr: 'mdb: failed to dereference symbol: unknown symbol name\n' });
  });

  it('bad options exit 2 with a usage hint, --version and --help exit 0', () => {
    const bad = mdb(['--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown option '--bogus'");
    expect(mdb(['--release', 'solaris9']).status).toBe(2);
    expect(mdb(['--version'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    expect(mdb(['--help']).stdout).toContain('--etc-system <file>');
  });

  it('never prints a JavaScript stack trace, whatever the input', () => {
    const junk = ['\u0000\u0001/D', '((((((', '::help ::help ::help', '"unterminated', '$', '::', '/W', '=', '~~~~/D',
      '0xffffffffffffffffff/D', '0t99999999999999999999999/D', 'do_tcp_fusion/W 0x1ffffffffffffffff', '\uFFFD\uFEFF/D'].join('\n');
    const r = mdb(['-kw'], junk);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+|TypeError|RangeError|internal error/);
    expect(r.status).toBe(0);
  });
});

describe('every golden transcript, through the built bundle', () => {
  // The bundle's own main, run in this process: the bundled code (esbuild's module
  // order, the stand-ins, minification) answers every golden as the sources do.
  // The process wiring around it is what the tests above spawn the binary for.
  const dir = join(__dirname, '../../fixtures/mdb');
  const names = readdirSync(dir).filter((f) => f.endsWith('.in')).map((f) => f.slice(0, -3));
  for (const name of names) {
    it(name, async () => {
      const args = readFileSync(join(dir, `${name}.args`), 'utf8').trim().split(/\s+/);
      const r = await run(args, readFileSync(join(dir, `${name}.in`)), { main: bundledMain, cwd: join(__dirname, '../..') });
      expect(r.stdout).toBe(readFileSync(join(dir, `${name}.stdout`), 'utf8'));
      expect(r.stderr).toBe(readFileSync(join(dir, `${name}.stderr`), 'utf8'));
      expect(r.code).toBe(0);
    });
  }
});
