import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSystemFile } from '../../src/etc-system';
import { RELEASES } from '../../src/kernel/releases';
import { IPADM_PROPERTIES } from '../../src/kernel/releases/ndd/properties';
import type { ReleaseId } from '../../src/kernel/types';
import { pipe, run } from '../helpers/io';

// Every ipadm and ndd command fusion-mdb prints must work on the release it is printed for:
// ipadm only where the release tunes with ipadm, each property in the release's table
// (tcp_tunables.c, udp_tunables.c, ip_tunables.c), each ndd parameter one of the release's.

const IPADM = /ipadm set-prop -p ([A-Za-z0-9_]+)=(\d+) ([a-z0-9]+)/g;
const NDD = /ndd -set (\/dev\/[a-z]+) ([a-z0-9_]+) (\d+)/g;

function commandsValid(raw: string, release: ReleaseId): void {
  // Paragraphs wrap at 80 columns: a command may run over a line end.
  const text = raw.replace(/\s+/g, ' ');
  const cat = RELEASES[release];
  for (const [, prop, , proto] of text.matchAll(IPADM)) {
    expect(cat.ipadm, `ipadm on ${release}: ${prop}`).toBe(true);
    expect(IPADM_PROPERTIES[proto as string], `protocol ${proto}`).toBeDefined();
    expect(IPADM_PROPERTIES[proto as string], `${prop} on ${proto}`).toContain(prop);
  }
  for (const [, device, name, value] of text.matchAll(NDD)) {
    const p = cat.ndd.find((x) => x.device === device && x.name === name);
    expect(p, `${device} ${name} on ${release}`).toBeDefined();
    expect(Number(value)).toBeGreaterThanOrEqual(p!.min);
    expect(Number(value)).toBeLessThanOrEqual(p!.max);
  }
}

const RELEASE_IDS = Object.keys(RELEASES) as ReleaseId[];

describe('every printed ipadm and ndd command is valid for its release', () => {
  for (const release of RELEASE_IDS) {
    it(`${release}: ::persist after ::ndd -set of every parameter, and the /etc/system hints`, async () => {
      const cat = RELEASES[release];
      const sets = cat.ndd.map((p) => `::ndd -set ${p.device} ${p.name} ${p.min === p.default ? p.max : p.min}`);
      const r = await pipe([...sets, '::persist'], ['-k', '--release', release]);
      expect(r.stderr).toBe('');
      const printed = r.stdout;
      expect(printed).toMatch(cat.ipadm ? /ipadm set-prop -p send_buf=\d+ tcp/ : /ndd -set \/dev\/tcp tcp_xmit_hiwat \d+/);
      commandsValid(printed, release);
      // Every ipadm line printed names a property; the rest are ndd lines to run at boot.
      const lines = printed.split('\n').filter((l) => l.startsWith('  '));
      expect(lines.length).toBe(sets.length);
      const hints = checkSystemFile(Buffer.from(cat.ndd.map((p, i) => [`set ip:${p.name}=${p.default}`, `set ip:${p.name}="x"`, `set ip:${p.name}=${p.max + 1}`][i % 3]).join('\n')), 'system', release)
        .map((d) => d.hint ?? '').join('\n');
      expect(hints).not.toMatch(/VALUE|NAME|PROTO/);
      commandsValid(hints, release);
      // After a reboot the session says what was lost and how the release keeps it.
      const rebooted = await pipe([...sets.slice(0, 3), '::reboot'], ['-k', '--release', release]);
      expect(rebooted.stdout).not.toMatch(/VALUE|NAME=|PROTO/);
      commandsValid(rebooted.stdout, release);
    });
  }

  it('s10 keeps ndd changes as ndd -set lines for a boot-time script; illumos and solaris11 as ipadm set-prop with the real names', async () => {
    const s10 = await pipe(['::ndd -set /dev/tcp tcp_xmit_hiwat 65536', '::persist'], ['-k']);
    expect(s10.stdout).toBe('ndd settings last until reboot: run this from a boot-time script or an SMF method:\n  ndd -set /dev/tcp tcp_xmit_hiwat 65536\n');
    for (const release of ['illumos', 'solaris11']) {
      const r = await pipe(['::ndd -set /dev/tcp tcp_xmit_hiwat 65536', '::ndd -set /dev/tcp tcp_sth_rcv_hiwat 1024', '::persist'], ['-k', '--release', release]);
      expect(r.stdout).toBe([
        'ndd settings do not go in /etc/system; ipadm keeps it across reboots:',
        '  ipadm set-prop -p send_buf=65536 tcp',
        // tcp_tunables.c has no property for it: ndd -set, again at every boot.
        'ndd settings last until reboot: run this from a boot-time script or an SMF method:',
        '  ndd -set /dev/tcp tcp_sth_rcv_hiwat 1024',
        '',
      ].join('\n'));
    }
  });

  it('ipadm releases print max_buf before the send_buf and recv_buf it bounds (mod_set_buf_prop refuses them above it)', async () => {
    for (const release of ['illumos', 'solaris11']) {
      const raised = await pipe(['::ndd -set /dev/tcp tcp_max_buf 4194304', '::ndd -set /dev/tcp tcp_xmit_hiwat 3000000', '::ndd -set /dev/tcp tcp_recv_hiwat 2000000', '::persist'], ['-kw', '--release', release]);
      expect(raised.stderr).toBe('');
      expect(raised.stdout).toBe([
        'ndd settings do not go in /etc/system; ipadm keeps them across reboots:',
        '  ipadm set-prop -p max_buf=4194304 tcp',
        '  ipadm set-prop -p send_buf=3000000 tcp',
        '  ipadm set-prop -p recv_buf=2000000 tcp',
        '',
      ].join('\n'));
      // max_buf's own setter checks only its range: lowered under a buffer already set, it must come last.
      const lowered = await pipe(['::ndd -set /dev/tcp tcp_xmit_hiwat 65536', '::ndd -set /dev/tcp tcp_max_buf 32768', '::persist'], ['-kw', '--release', release]);
      expect(lowered.stdout).toBe([
        'ndd settings do not go in /etc/system; ipadm keeps them across reboots:',
        '  ipadm set-prop -p send_buf=65536 tcp',
        '  ipadm set-prop -p max_buf=32768 tcp',
        '',
      ].join('\n'));
    }
  });

  it('ipadm releases refuse a send_buf or recv_buf above the current max_buf with ERANGE; s10 checks only the range', async () => {
    const r = await pipe(['::ndd -set /dev/tcp tcp_xmit_hiwat 3000000', '::ndd /dev/tcp tcp_xmit_hiwat', '::ndd -set /dev/udp udp_recv_hiwat 4000000', '::persist'], ['-kw', '--release', 'illumos']);
    expect(r.stderr).toBe([
      'operation failed: Result too large',
      'hint: tcp_xmit_hiwat cannot be above tcp_max_buf (1048576); raise it first: ::ndd -set /dev/tcp tcp_max_buf 3000000',
      'operation failed: Result too large',
      'hint: udp_recv_hiwat cannot be above udp_max_buf (2097152); raise it first: ::ndd -set /dev/udp udp_max_buf 4000000',
      '',
    ].join('\n'));
    expect(r.stdout).toBe('128000\nnothing to persist: no variable was changed with mdb and no parameter with ndd\n');
    const s10 = await pipe(['::ndd -set /dev/tcp tcp_xmit_hiwat 3000000', '::ndd /dev/tcp tcp_xmit_hiwat'], ['-kw']);
    expect(s10.stderr).toBe('');
    expect(s10.stdout).toBe('3000000\n');
  });

  it('mdb writes persist as decimal /etc/system lines, ndd changes apart from them', async () => {
    const r = await pipe(['tcp_fusion_rcv_unread_min/W 0t32', '::ndd -set /dev/tcp tcp_recv_hiwat 65536', '::persist'], ['-kw']);
    expect(r.stdout.split('\n').slice(1).join('\n')).toBe([
      'set ip:tcp_fusion_rcv_unread_min=32',
      'ndd settings last until reboot: run this from a boot-time script or an SMF method:',
      '  ndd -set /dev/tcp tcp_recv_hiwat 65536',
      '',
    ].join('\n'));
  });

  it('the advice names tcp_recv_hiwat with the command its release keeps it with', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'fusion-advice-')), 'w.json');
    await writeFile(file, JSON.stringify({ name: 'w', flows: [{ name: 'big', peer: 'local', pattern: [8000], bursts: 2, burstWrites: 20, mode: 'nonblocking' }] }));
    for (const release of RELEASE_IDS) {
      const r = await run(['--workload', file, '--release', release]);
      // 160000 bytes a burst: past tcp_recv_hiwat where it is 128000 (opensolaris, solaris11).
      const said = r.stdout.replace(/\n/g, ' ');
      if (release === 'opensolaris') expect(said).toContain('tcp_recv_hiwat 147457, kept with "ndd -set /dev/tcp tcp_recv_hiwat 147457" run at boot');
      if (release === 'solaris11') expect(said).toContain('tcp_recv_hiwat 147457, kept with "ipadm set-prop -p recv_buf=147457 tcp"');
      commandsValid(r.stdout, release);
    }
  });
});
