import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBundled } from '../helpers/bundle';

// End to end: the batch report and the session commands, from the built bundle
// (npm test builds it first; by hand: npx tsup), run in this process.

const ROOT = join(__dirname, '../..');
const WORKLOAD = join(ROOT, 'fixtures/workloads/customer-case.json');
const FIX = join(ROOT, 'fixtures/etc-system/customer-case.system');

const mdb = runBundled;

interface JsonFlow {
  name: string; fused: boolean; notFusedReason: string | null; maxpsz: number | null; unreadHiwater: number | null;
  eagain: number; firstEagainAt: number | null; outcome: string;
}

async function report(args: string[]): Promise<{ release: string; arch: string; tunables: Record<string, number | null>; flows: JsonFlow[] }> {
  const r = await mdb([...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

const flow = (flows: JsonFlow[], name: string): JsonFlow => flows.find((f) => f.name === name) as JsonFlow;

describe('batch report: the customer case on s10/sun4v defaults', () => {
  it('--json: local fused, unreadHiwater 8, maxpsz 24576, 2000 EAGAIN from write 9; remote not fused, none', async () => {
    const r = await report(['--workload', WORKLOAD]);
    expect(r).toMatchObject({ release: 's10', arch: 'sun4v', tunables: { tcp_fusion_rcv_unread_min: 8, do_tcp_fusion: 1 } });
    expect(flow(r.flows, 'local')).toMatchObject({
      fused: true, notFusedReason: null, unreadHiwater: 8, maxpsz: 24576, eagain: 2000, firstEagainAt: 9, outcome: 'eagain',
    });
    expect(flow(r.flows, 'remote')).toMatchObject({
      fused: false, notFusedReason: 'remote-peer', unreadHiwater: null, maxpsz: null, eagain: 0, firstEagainAt: null, outcome: 'ok',
    });
  });

  it('the file and the built-in workload give the same report', async () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'fusion-system-')), 'system');
    writeFileSync(empty, '* nothing set\n');
    expect(await report(['--workload', WORKLOAD])).toEqual(await report(['--etc-system', empty]));
  });

  it('the text table says the same, and the verdict names the count limit and 0t24', async () => {
    const r = await mdb(['--workload', WORKLOAD]);
    const rows = r.stdout.split('\n').map((l) => l.trim().split(/\s+/));
    expect(rows.find((c) => c[0] === 'local')).toEqual(['local', 'yes', '49152', '24576', '8', '24000', '2000', '9', '0', '0', 'count', 'eagain']);
    expect(rows.find((c) => c[0] === 'remote')).toEqual(['remote', 'no', '49152', '-', '-', '24000', '0', '-', '0', '0', '-', 'ok']);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('the unread-write count (tcp_fuse_rcv_unread_hiwater 8) stops the sender');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('tcp_fusion_rcv_unread_min/W 0t24');
    expect(r.status).toBe(0);
  });

  it('--etc-system with tcp_fusion_rcv_unread_min=0: the count check is off and no flow gets EAGAIN', async () => {
    const r = await report(['--etc-system', FIX]);
    expect(r.tunables.tcp_fusion_rcv_unread_min).toBe(0);
    expect(flow(r.flows, 'local')).toMatchObject({ fused: true, unreadHiwater: 0, eagain: 0, firstEagainAt: null, outcome: 'ok' });
    expect(r.flows.every((f) => f.eagain === 0)).toBe(true);
  });

  it('--fail-on-eagain exits 3 on the defaults and 0 with the customer\'s /etc/system', async () => {
    expect((await mdb(['--workload', WORKLOAD, '--fail-on-eagain'])).status).toBe(3);
    expect((await mdb(['--workload', WORKLOAD, '--fail-on-eagain', '--json'])).status).toBe(3);
    expect((await mdb(['--etc-system', FIX, '--workload', WORKLOAD, '--fail-on-eagain'])).status).toBe(0);
  });
});

describe('batch report: a bad workload is one line naming the file and the field, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fusion-workloads-'));
  const flowOf = (extra: Record<string, unknown>): string => JSON.stringify({
    name: 'bad', flows: [{ name: 'a', peer: 'local', pattern: [12, 696], bursts: 1, burstWrites: 2, mode: 'nonblocking', ...extra }],
  });
  const cases: [string, string, RegExp][] = [
    ['unknown-field.json', flowOf({ colour: 'red' }), /flows\[0\]: unknown field "colour"/],
    ['near-miss.json', flowOf({ burstwrites: 3 }), /flows\[0\]: unknown field "burstwrites" \(did you mean "burstWrites"\?\)/],
    ['negative-size.json', flowOf({ pattern: [12, -696] }), /flows\[0\]\.pattern\[1\]: expected a positive integer, got -696/],
    ['empty-pattern.json', flowOf({ pattern: [] }), /flows\[0\]\.pattern: expected at least one element/],
    ['string-bursts.json', flowOf({ bursts: '1000' }), /flows\[0\]\.bursts: expected a positive integer, got "1000"/],
    ['bad-mode.json', flowOf({ mode: 'async' }), /flows\[0\]\.mode: expected "nonblocking" or "blocking", got "async"/],
    ['bool-ipsec.json', flowOf({ ipsec: 'yes' }), /flows\[0\]\.ipsec: expected true or false, got "yes"/],
    ['not-json.json', '{"name": "bad", "flows": [', /: not JSON: /],
  ];
  for (const [file, text, message] of cases) {
    it(file, async () => {
      const path = join(dir, file);
      writeFileSync(path, text);
      const r = await mdb(['--workload', path]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      const stderr = r.stderr.split('\n');
      expect(stderr).toHaveLength(2);
      expect(stderr[0]).toContain(`fusion-mdb: ${path}: `);
      expect(stderr[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    });
  }

  it('a missing file', async () => {
    const path = join(dir, 'nowhere.json');
    const r = await mdb(['--workload', path]);
    expect(r).toMatchObject({ status: 2, stdout: '', stderr: `fusion-mdb: cannot open workload file: ${path}\n` });
  });
});

describe('the session commands from the bundle', () => {
  it('/W 0t32 then ::run: no EAGAIN; ::fuse keeps 8 for the connection made before', async () => {
    const r = await mdb(['-kw'], '::connect a\ntcp_fusion_rcv_unread_min/W 0t32\n::fuse -d\n::connect b\n::fuse -d\n::run\n');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('pid: '))).toEqual([
      'pid: 101 tcp_fuse_rcv_unread_hiwater: 8',
      'pid: 101 tcp_fuse_rcv_unread_hiwater: 8',
      'pid: 102 tcp_fuse_rcv_unread_hiwater: 32',
    ]);
    expect(r.stdout).toMatch(/^local +yes +49152 +24576 +32 +24000 +0 +- +0 +0 +- +ok$/m);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('::advise says 0t24; ::trace shows the EAGAIN at write 9; nothing prints a stack trace', async () => {
    const r = await mdb(['-k'], '::advise\n::trace -n 0t12 local\n::sweep tcp_fusion_rcv_unread_min 0 0t64\n::ndd -set /dev/tcp tcp_xmit_hiwat 1\n');
    expect(r.stdout).toContain('tcp_fusion_rcv_unread_min/W 0t24');
    expect(r.stdout).toContain('  EAGAIN on write 9\n');
    expect(r.stdout).toMatch(/^ +64 +0 +0 +0 +0$/m);
    expect(r.stderr).toBe('operation failed: Invalid argument\n');
  });

  it('commands on stdin with --workload run against that workload', async () => {
    const r = await mdb(['--workload', WORKLOAD], '::trace -n 1 remote\n');
    expect(r.stdout).toMatch(/^write 1: 12 bytes$/m);
    expect(r.status).toBe(0);
  });
});
