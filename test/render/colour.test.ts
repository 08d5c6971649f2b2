import { describe, expect, it } from 'vitest';
import { colourEnabled, makeTheme } from '../../src/render/theme';
import { run } from '../helpers/io';

const SGR = /\x1b\[[0-9;]*m/;
const WORKLOAD = ['--workload', 'fixtures/workloads/customer-case.json', '--report'];

describe('colour policy', () => {
  it('follows the terminal, NO_COLOR turns it off, FORCE_COLOR turns it on', () => {
    expect(colourEnabled({}, true)).toBe(true);
    expect(colourEnabled({}, false)).toBe(false);
    expect(colourEnabled({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colourEnabled({ NO_COLOR: '' }, true)).toBe(true);
    expect(colourEnabled({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colourEnabled({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(colourEnabled({ NO_COLOR: '1', FORCE_COLOR: '1' }, false)).toBe(false);
    expect(colourEnabled({ TERM: 'dumb' }, true)).toBe(false);
  });

  it('a theme without colour returns the text untouched', () => {
    const t = makeTheme({ NO_COLOR: '1' }, true);
    expect(t.head('x') + t.bad('y') + t.ok('z')).toBe('xyz');
  });

  it('NO_COLOR at a terminal: the report has no escape codes', async () => {
    const r = await run(WORKLOAD, '', { env: { NO_COLOR: '1' }, stdoutIsTTY: true });
    expect(r.stdout).toContain('EAGAIN');
    expect(r.stdout).not.toMatch(SGR);
  });

  it('a pipe gets no colour by default', async () => {
    const r = await run(WORKLOAD, '');
    expect(r.stdout).not.toMatch(SGR);
  });

  it('FORCE_COLOR=1 with a pipe colours the tables but never the mdb lines', async () => {
    const input = 'tcp_fusion_rcv_unread_min/D\n::tunables\n0t32=D\n::nm -h\n';
    const r = await run(['-k'], input, { env: { FORCE_COLOR: '1' } });
    const lines = r.stdout.split('\n');
    const mdbLines = lines.filter((l) => /^(tcp_fusion_rcv_unread_min:| {16}32|0x[0-9a-f]{16}\|)/.test(l.replace(SGR, '')));
    expect(mdbLines.length).toBeGreaterThan(3);
    for (const l of mdbLines) expect(l).not.toMatch(SGR);
    expect(r.stdout).toMatch(SGR);
    const report = await run(WORKLOAD, '', { env: { FORCE_COLOR: '1' } });
    expect(report.stdout).toMatch(SGR);
  });
});
