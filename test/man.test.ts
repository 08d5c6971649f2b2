import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DCMDS } from '../src/mdb/dcmds/table';
import { program } from '../src/options';
import { realFs, run } from './helpers/io';

// man/fusion-mdb.1 is written by hand; these tests keep it covering the option
// list and the dcmd table, so an option or a dcmd added later is documented too.

const page = spawnSync('man', ['-l', join(__dirname, '../man/fusion-mdb.1')], {
  encoding: 'utf8', env: { ...process.env, MANPAGER: 'cat', MANWIDTH: '200', LC_ALL: 'C' },
});

describe('man fusion-mdb', () => {
  it('renders without a warning', () => {
    expect(page.stderr).toBe('');
    expect(page.status).toBe(0);
    expect(page.stdout.split('\n')[0]).toMatch(/^FUSION-MDB\(1\) +User Commands +FUSION-MDB\(1\)$/);
  });

  it('has the sections an admin looks for', () => {
    for (const section of ['NAME', 'SYNOPSIS', 'DESCRIPTION', 'OPTIONS', 'COMMANDS', 'EXIT STATUS', 'ENVIRONMENT', 'FILES', 'EXAMPLES', 'SEE ALSO']) {
      expect(page.stdout).toMatch(new RegExp(`^${section}$`, 'm'));
    }
  });

  it('documents every option of the command line', () => {
    const quiet = new PassThrough();
    const cmd = program({ stdin: quiet, stdout: quiet, stderr: quiet, env: {}, stdinIsTTY: false, stdoutIsTTY: false, fs: realFs });
    const options = cmd.createHelp().visibleOptions(cmd).flatMap((o) => [o.short, o.long]).filter((f) => f !== undefined);
    expect(options.length).toBeGreaterThan(10);
    const section = page.stdout.slice(page.stdout.indexOf('\nOPTIONS\n'), page.stdout.indexOf('\nCOMMANDS\n'));
    for (const flag of options) expect(section).toMatch(new RegExp(`^ {7}[^\\n]*${flag.replace(/-/g, '\\-')}\\b`, 'm'));
  });

  it('names every dcmd of the table', () => {
    const section = page.stdout.slice(page.stdout.indexOf('\nCOMMANDS\n'), page.stdout.indexOf('\nEXIT STATUS\n'));
    for (const d of DCMDS) expect(section).toContain(d.name.startsWith('$') ? d.name : `::${d.name}`);
  });

  it('its example is what the tool prints', async () => {
    const r = await run(['-k'], 'tcp_fusion_rcv_unread_min/D\n');
    expect(page.stdout).toContain(r.stdout.split('\n').map((l) => `${' '.repeat(14)}${l}`.trimEnd()).join('\n').trimEnd());
  });
});
