import { describe, expect, it } from 'vitest';
import { run } from '../helpers/io';
import { scratch } from './helpers';

// The batch surface around the checker, as a new user meets it: boot diagnostics
// once, --report / --json / --fail-on-eagain on the release defaults, -q quiet.

const { put } = scratch();
const WARNED = put('warned.system', 'forceload drv/ipf\nset ip:fusion_mdb_uncatalogued_knob=1\n');
const COLON = "WARNING: A colon (:) must follow the 'forceload' command on line 1 of";

describe('boot diagnostics are printed once', () => {
  it('stdout not a terminal, nothing on stdin: the diagnostics on stderr only, then the report', async () => {
    const r = await run(['--etc-system', WARNED]);
    expect(r.stderr.split(COLON)).toHaveLength(2);
    expect(r.stdout).not.toContain(COLON);
    expect(r.stdout).toMatch(/EAGAIN/);
  });
  it('--json: the document holds them, stderr shows them once', async () => {
    const r = await run(['--etc-system', WARNED, '--json']);
    expect(r.stderr.split(COLON)).toHaveLength(2);
    expect((JSON.parse(r.stdout) as { diagnostics: unknown[] }).diagnostics).toHaveLength(2);
  });
});

describe('--report, --json and --fail-on-eagain need no --etc-system', () => {
  it('fusion-mdb --fail-on-eagain </dev/null: the defaults give EAGAIN, exit 3', async () => {
    const r = await run(['--fail-on-eagain']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/EAGAIN/);
  });
  it('fusion-mdb --json </dev/null: the report of the release defaults as JSON', async () => {
    const r = await run(['--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ release: 's10', diagnostics: [] });
  });
  it('fusion-mdb --report with a command on stdin: the command, then the report', async () => {
    const r = await run(['--report'], 'tcp_fusion_rcv_unread_min/D\n');
    expect(r.stdout.startsWith(`tcp_fusion_rcv_unread_min:\n${'tcp_fusion_rcv_unread_min:'.padEnd(32)}8`)).toBe(true);
    expect(r.stdout).toMatch(/EAGAIN/);
  });
});

describe('-q', () => {
  it('quiets hints and notes of the boot; the kernel\'s own lines stay', async () => {
    const loud = await run(['--etc-system', WARNED, '-e', 'do_tcp_fusion/D']);
    expect(loud.stderr).toContain('  hint: ');
    expect(loud.stderr).toContain('fusion-mdb: note:');
    const quiet = await run(['-q', '--etc-system', WARNED, '-e', 'do_tcp_fusion/D']);
    expect(quiet.stderr).toBe(`${COLON} ${WARNED}\n`);
    expect(quiet.stdout).toBe(loud.stdout);
  });
});
