import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/io';
import { scratch } from './helpers';

// Inline `* fusion-mdb: disable=` comments and .fusion-mdb.json (checker.md).

const { dir, put } = scratch();
const gcc = async (argv: string[], input = ''): Promise<string[]> =>
  (await run(['--check', '--format', 'gcc', ...argv], input, { cwd: dir })).stdout.trimEnd().split('\n').filter((l) => l !== '');
const codesOf = (lines: string[]): string[] => lines.map((l) => /^[^:]+:(\d+):\d+: \w+: .* \[([a-z0-9-]+)\]$/.exec(l)?.slice(1).join(' ') ?? l);

describe('inline comments', () => {
  it('disable=CODE silences exactly that code on the next directive line, nothing else', async () => {
    const text = [
      '* fusion-mdb: disable=mdb-radix -- the vendor writes it this way',
      '',
      '* (a blank line and a comment in between: still the next directive line)',
      'set rlim_fd_max = 0t65536',
      'set rlim_fd_cur = 0t8192',
      'set shmsys:shminfo_shmset = 1',
    ].join('\n');
    // Line 4 keeps its out-of-range (another code); line 5 is not the next directive line.
    expect(codesOf(await gcc(['-'], `${text}\n`))).toEqual(['4 out-of-range', '5 out-of-range', '5 mdb-radix', '6 near-miss']);
    expect(codesOf(await gcc(['--no-inline-config', '-'], `${text}\n`))).toEqual(['4 out-of-range', '4 mdb-radix', '5 out-of-range', '5 mdb-radix', '6 near-miss']);
  });

  it('several codes, # comments, and disable-file for the whole file', async () => {
    const text = ['# fusion-mdb: disable=mdb-radix,out-of-range', 'set rlim_fd_max = 0t65536', '* fusion-mdb: disable-file=near-miss', 'set shmsys:shminfo_shmset = 1', 'set shmsys:shminfo_shmmnx = 1'].join('\n');
    expect(codesOf(await gcc(['-'], `${text}\n`))).toEqual([]);
  });

  it('a disable comment among many plain lines, spaced with tabs or none, CRLF or LF, still silences its line', async () => {
    const before = Array.from({ length: 300 }, (_, i) => (i % 3 ? `set maxusers = ${i + 1}` : `* for the ${i}th host`));
    const lines = [...before, '*\t fusion-mdb: disable=mdb-radix', 'set rlim_fd_max = 0t65536', '#fusion-mdb: disable=near-miss', 'set shmsys:shminfo_shmset = 1', 'set rlim_fd_cur = 0t8192'];
    for (const eol of ['\n', '\r\n']) {
      const found = codesOf(await gcc(['-'], `${lines.join(eol)}${eol}`)).filter((c) => !c.endsWith('duplicate'));
      expect(found).toEqual(['302 out-of-range', '305 out-of-range', '305 mdb-radix']);
    }
  });

  it('an unknown code in a directive is reported (a warning) with a suggestion', async () => {
    const r = await run(['--check', '-'], '* fusion-mdb: disable=wrong-modul\nset tcp_fusion_rcv_unread_min=0\n', { cwd: dir });
    expect(r.stdout).toBe(
      "fusion-mdb: warning: unknown code 'wrong-modul' in a fusion-mdb: disable comment; it silences nothing on line 1 of <stdin> [unknown-code]\n" +
      "  hint: did you mean 'wrong-module'? fusion-mdb --explain CODE documents each code; the list is in docs/checks\n" +
      "sorry, variable 'tcp_fusion_rcv_unread_min' is not defined in the 'kernel'  [error: wrong-module]\n  at line 2 of <stdin>\n" +
      "  hint: the line is ignored; tcp_fusion_rcv_unread_min is a variable of the 'ip' module: set ip:tcp_fusion_rcv_unread_min=0\n" +
      '1 error, 1 warning, 0 notes in 1 file\n');
  });
});

describe('.fusion-mdb.json', () => {
  const project = join(dir, 'project');
  mkdirSync(join(project, 'hosts/web04'), { recursive: true });
  put('project/.fusion-mdb.json', JSON.stringify({ release: 'illumos', rules: { 'near-miss': 'warning', 'set32-ignored': 'off' } }));
  const host = put('project/hosts/web04/system', 'set ip:tcp_fusion_rcv_unread_min=0\nset shmsys:shminfo_shmset=1\nset32 maxusers=1\n');

  it('found upward from each file: its release and per-code severities', async () => {
    expect(await gcc([host])).toEqual([
      `${host}:1:5: error: sorry, variable 'tcp_fusion_rcv_unread_min' is not defined in the 'ip' module [removed]`,
      `${host}:2:5: warning: sorry, variable 'shminfo_shmset' is not defined in the 'shmsys' module [near-miss]`,
    ]);
  });

  it('each file finds the config of its own directory however its name is spelled', async () => {
    mkdirSync(join(project, 'hosts/db01'), { recursive: true });
    mkdirSync(join(project, 'hosts/broken'), { recursive: true });
    put('project/hosts/db01/.fusion-mdb.json', JSON.stringify({ release: 's10' }));
    put('project/hosts/db01/system', 'set ip:tcp_fusion_rcv_unread_min=0\n');
    // Never read: the directory 'hosts/broken/..' names is hosts, whose config is the project's.
    put('project/hosts/broken/.fusion-mdb.json', '{ "relase": "s10" }');
    const files = ['hosts/web04/system', './hosts/web04/system', 'hosts/db01/../web04/system', 'hosts/db01/system', 'hosts/web04/../db01/system', 'hosts/broken/..'];
    const r = await run(['--check', '--format', 'gcc', ...files], '', { cwd: project });
    const removed = (file: string): string => `${file}:1:5: error: sorry, variable 'tcp_fusion_rcv_unread_min' is not defined in the 'ip' module [removed]`;
    expect(r.stdout.trimEnd().split('\n').filter((l) => !l.includes('[near-miss]'))).toEqual([
      removed('hosts/web04/system'), removed('./hosts/web04/system'), removed('hosts/db01/../web04/system'),
      'hosts/broken/..:1:1: error: cannot open system file: hosts/broken/.. [cannot-open]',
    ]);
    expect(r.code).toBe(1);
  });

  it('the command line wins over the file (--release s10: the variable exists)', async () => {
    expect(codesOf(await gcc(['--release', 's10', host]))).toEqual(['2 near-miss']);
  });

  it('--config names one; standard input finds one from the working directory', async () => {
    const other = put('other.json', JSON.stringify({ rules: { 'near-miss': 'off' } }));
    expect(codesOf(await gcc(['--config', other, host]))).toEqual(['3 set32-ignored']);
    const r = await run(['--check', '--format', 'gcc', '-'], 'set shmsys:shminfo_shmset=1\n', { cwd: project });
    expect(r.stdout).toBe("<stdin>:1:5: warning: sorry, variable 'shminfo_shmset' is not defined in the 'shmsys' module [near-miss]\n");
  });

  it('a malformed config: exit 2, the file, the position and what is wrong', async () => {
    const CASES: [string, string][] = [
      ['{\n  "release": "illumos",\n  "rules": { "obsolete": "of" }\n}', '3:14: the severity of "obsolete" must be one of "off", "note", "warning", "error", not "of"'],
      ['{\n  "rules": { "obsolet": "off" }\n}', '2:14: no check has the code "obsolet"'],
      ['{ "release": "solaris11" }', '1:3: "release" must be one of "s10", "opensolaris", "illumos", not "solaris11"'],
      ['{ "relase": "s10" }', '1:3: unknown key "relase" (a config has "release", "arch" and "rules")'],
      ['{\n  "release": "s10",\n}', '3:1: not valid JSON'],
    ];
    for (const [text, message] of CASES) {
      const bad = put('bad.json', text);
      const r = await run(['--check', '--config', bad, host]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`fusion-mdb: ${bad}:${message}`), r.stderr).toBe(true);
    }
    expect((await run(['--check', '--config', join(dir, 'none.json'), host])).stderr).toBe(`fusion-mdb: cannot read the config file ${join(dir, 'none.json')}\n`);
  });
});
