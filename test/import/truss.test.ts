import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/fusion/advice';
import { runWorkload } from '../../src/fusion/engine';
import { defaultTunables } from '../../src/fusion/tunables';
import { replay } from '../../src/import/replay';
import { importTruss, isImportError, traceWorkload, type TrussImport } from '../../src/import/truss';
import { trussEvidence } from '../../src/import/truss-evidence';

const DIR = join(__dirname, '../../fixtures/traces');
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');

function imported(text: string, file = 'trace'): TrussImport {
  const r = importTruss(text, file);
  if (isImportError(r)) throw new Error(r.error);
  return r;
}

/** Every write call lands somewhere: in a flow (went in, EAGAIN, failed) or on another descriptor. */
function accounted(r: TrussImport): number {
  return r.flows.reduce((n, f) => n + f.sizes.length + f.eagainAt.length + f.failed, 0) + r.other.reduce((n, o) => n + o.writes, 0);
}

// Completed or failed write-family calls, counted with a regular expression over the raw text.
const writeCalls = (text: string): number => (text.match(/\b(?:write|send|sendto|writev|sendmsg)\(/g) ?? []).length;

describe('real truss output from public sources (fixtures/traces/README.md)', () => {
  const cases: [string, number][] = [
    ['tcp-puzzlers-reset.truss', 1], ['tcp-puzzlers-poweroff.truss', 1], ['tcp-puzzlers-connect.truss', 0],
    ['tcp-puzzlers-server.truss', 0], ['epipe-yes-head.truss', 2], ['omni-parser-ls-tail.truss', 45],
  ];
  for (const [name, writes] of cases) {
    it(`${name}: every one of its ${writes} writes counted and accounted for`, () => {
      const text = read(name);
      const r = imported(text, name);
      expect(r.writes).toBe(writes);
      expect(writeCalls(text)).toBe(writes);
      expect(accounted(r)).toBe(writes);
    });
  }

  it('TCP puzzlers, newlines lost: the calls are split apart, the 22-byte write is a socket flow (ECONNRESET on the fd)', () => {
    const r = imported(read('tcp-puzzlers-reset.truss'), 'reset');
    expect(r.calls).toBe(7);
    expect(r.flows).toEqual([{
      name: 'fd3', pid: null, fd: 3, peer: null, address: null, socketBy: 'Err#131', nonblocking: false,
      sizes: [22], eagainAt: [], blockedAt: [], yieldAfter: [1], failed: 0,
    }]);
    // What the reader typed and the shell prompt glued in: named, not fatal.
    expect(r.skipped).toEqual([
      { line: 1, text: 'kodos, are you there?', why: 'not truss output' },
      { line: 1, text: '[root@kang ~]#', why: 'not truss output' },
    ]);
  });

  it('TCP puzzlers: the base time stamp header, a sleeping accept and its completion', () => {
    const server = imported(read('tcp-puzzlers-server.truss'), 'server');
    expect(server.calls).toBe(5);
    expect(server.skipped.map((s) => s.text)).toEqual(['[root@kodos ~]# truss -d -t bind,listen,accept,poll,read,write nc -l -p 8080']);
    const poweroff = imported(read('tcp-puzzlers-poweroff.truss'));
    expect(poweroff.other).toEqual([{ pid: null, fd: 3, writes: 1, why: 'not seen to be a socket (no so_socket, accept, connect or send on it)' }]);
  });

  it('yes | head: a write to a pipe, the EPIPE one counted too; the y lines and the signal are not calls', () => {
    const r = imported(read('epipe-yes-head.truss'), 'epipe');
    expect(r.other).toEqual([{ pid: null, fd: 1, writes: 2, why: 'not seen to be a socket (no so_socket, accept, connect or send on it)' }]);
    expect(r.skippedCount).toBe(11);
    expect(traceWorkload(r, 'epipe')).toBeNull();
  });

  it('ls -l under truss -f: TABs, PID prefixes, -w buffer dumps and second return values', () => {
    const r = imported(read('omni-parser-ls-tail.truss'), 'ls');
    expect(r).toMatchObject({ lines: 212, calls: 79, writes: 45, flows: [], skippedCount: 0 });
    expect(r.other).toEqual([{ pid: 1869, fd: 1, writes: 45, why: 'not seen to be a socket (no so_socket, accept, connect or send on it)' }]);
  });
});

describe('the customer case in truss format', () => {
  const r = imported(read('customer-case.truss'), 'customer-case.truss');
  const w = traceWorkload(r, 'customer-case');
  const burstsOf = (per: number[]): number[] => Array.from({ length: 25 }, (_x, b) => per.map((k) => 24 * b + k)).flat();

  it('imports both sockets with every write: 600 each, 50 EAGAIN attempts on the local one', () => {
    expect(r.writes).toBe(1250);
    expect(accounted(r)).toBe(1250);
    const [local, remote] = r.flows;
    expect(local).toMatchObject({ name: 'fd5', peer: 'local', address: '127.0.0.1', nonblocking: true, failed: 0 });
    expect(remote).toMatchObject({ name: 'fd6', peer: 'remote', address: '192.168.10.20', nonblocking: true, eagainAt: [] });
    expect(local!.sizes).toEqual(Array.from({ length: 600 }, (_x, i) => (i % 2 === 0 ? 12 : 696)));
    expect(local!.eagainAt).toEqual(burstsOf([9, 17]));
    // The two-second pollsys between bursts: the reader runs then.
    expect(local!.yieldAfter).toEqual(Array.from({ length: 24 }, (_x, b) => 24 * (b + 1)));
  });

  it('replays with the model\'s EAGAINs at exactly the traced writes on s10 defaults, and none with the advice', () => {
    const t = defaultTunables('s10');
    const run = runWorkload(t, w!, { eagainAt: true });
    expect(run.flows.map((f) => f.eagainAt)).toEqual([burstsOf([9, 17]), []]);
    const a = advise(t, w!);
    expect(a.unreadMin).toBe(24);
    const rows = replay(t, w!, trussEvidence(r), a);
    expect(rows.map(({ flow, both, modelOnly, traceOnly, withAdvice }) => ({ flow, both, modelOnly, traceOnly, withAdvice }))).toEqual([
      { flow: 'fd5', both: 50, modelOnly: [], traceOnly: [], withAdvice: 0 },
      { flow: 'fd6', both: 0, modelOnly: [], traceOnly: [], withAdvice: 0 },
    ]);
  });
});

describe('truss output as people publish it', () => {
  it('-f with PID/LWP prefixes and two TABs, -d -D -E timestamps, interleaved processes', () => {
    const r = imported([
      '2563/1:\t\t 0.0011\t 0.0011\t 0.0001\tso_socket(PF_INET, SOCK_STREAM, IPPROTO_IP, "", SOV_DEFAULT) = 4',
      '44267/1:\t 7.5196\t 5.0107\t 0.0001\tso_socket(PF_INET, SOCK_STREAM, IPPROTO_IP, "", SOV_DEFAULT) = 4',
      '2563/1:\t\t 0.0012\t 0.0001\t 0.0000\tsend(4, "\\0\\0 cF4", 4, 0)\t\t\t= 4',
      '44267/1:\t 7.5197\t 0.0001\t 0.0000\twrite(4, " h e l l o", 5)\t\t\t= 5',
      '2563/1:\t\t 0.0013\t 0.0001\t 0.0000\tsend(4, 0x08059BF1, 23, 1)\t\t\t= 23',
      '2563/1:\t\t   N o n e   s h a l l   b e   r e v e a l e d\\0',
    ].join('\n'));
    expect(r.flows.map((f) => [f.name, f.sizes])).toEqual([['2563/fd4', [4, 23]], ['44267/fd4', [5]]]);
    expect(r.skippedCount).toBe(0);
  });

  it('TABs expanded to spaces, EWOULDBLOCK spelling, a sleeping blocking write, fcntl as -x prints it', () => {
    const r = imported([
      'so_socket(PF_INET, SOCK_STREAM, IPPROTO_IP, "", SOV_DEFAULT) = 3',
      'fcntl(3, 4, 0x00000080)                         = 0',
      'send(3, " a b c", 3, 0)                         Err#11 EWOULDBLOCK',
      'send(3, " a b c", 3, 0)                         = 3',
      'fcntl(3, F_SETFL, FWRITE)                       = 0',
      'write(3, " d", 1)                       (sleeping...)',
      'write(3, " d", 1)                               = 1',
    ].join('\n'));
    expect(r.flows).toEqual([expect.objectContaining({ name: 'fd3', sizes: [3, 1], eagainAt: [1], blockedAt: [2], nonblocking: false })]);
  });

  it('a mail-wrapped call, e-mail markers, writev sizes from -v iovec lines, accept with a loopback peer', () => {
    const r = imported([
      '> accept(3, 0x08047B3C, 0x08047C3C, SOV_DEFAULT, 0) = 4',
      '>     AF_INET  name = 127.0.0.1  port = 40001',
      '> writev(4, 0x08047A00,',
      '>         2)                                    = 30',
      '>     iov_base = 0x08060000  iov_len = 10',
      '>     iov_base = 0x08061000  iov_len = 20',
      '> nanosleep(0x08047B00, 0x08047B08)             = 0',
      '> sendmsg(4, 0x08047C00, 0)                     = 7',
    ].join('\n'));
    expect(r.flows).toEqual([expect.objectContaining({ name: 'fd4', peer: 'local', address: '127.0.0.1', socketBy: 'accept', sizes: [30, 7], yieldAfter: [1] })]);
    expect(r.skippedCount).toBe(0);
  });

  it('-f: a write sleeping in one LWP while another runs; its completion is one write', () => {
    const r = imported([
      '2463/1:\t\t 0.0010\tso_socket(PF_INET, SOCK_STREAM, IPPROTO_IP, "", SOV_DEFAULT) = 5',
      '2463/1:\t\twrite(5, " a b c d e f g h i j k l".., 70000)\t(sleeping...)',
      '2463/2:\t\t 1.0004\tlwp_park(0x00000000, 0)\t\t\t\t= 0',
      '2463/1:\t\t 1.0021\twrite(5, " a b c d e f g h i j k l".., 70000)\t= 70000',
      '2463:\t\t 1.0030\tclose(5)\t\t\t\t\t= 0',
    ].join('\n'));
    expect(r.writes).toBe(1);
    expect(r.flows).toEqual([expect.objectContaining({ name: 'fd5', sizes: [70000], blockedAt: [1], eagainAt: [], nonblocking: false })]);
  });

  it('a result the author put on a line of its own belongs to the call above it', () => {
    const r = imported([
      'so_socket(PF_INET, SOCK_STREAM, IPPROTO_IP, "", SOV_DEFAULT) = 5',
      'write(5, "\\0\\0\\0\\b H B T 1\\0\\0\\001", 12)',
      '        = 12',
      'write(5, "\\0\\0\\0\\b H B T 1\\0\\0\\002", 12)',
      '        Err#11 EAGAIN',
    ].join('\n'));
    expect(r.flows).toEqual([expect.objectContaining({ name: 'fd5', sizes: [12], eagainAt: [2] })]);
    expect(r.skippedCount).toBe(0);
  });

  it('a file that is not truss output at all is an error that says what truss lines look like', () => {
    expect(importTruss('hello\nworld\n', 'notes.txt')).toEqual({
      error: 'notes.txt: not a truss trace: no system call line in 2 lines (truss prints lines like \'write(5, "...", 12)  = 12\')',
    });
    expect(importTruss('', 'empty')).toMatchObject({ error: expect.stringMatching(/^empty: not a truss trace: no system call line in 0 lines/) });
  });
});

describe('the literal sequence in a workload file', () => {
  it('sizes stands for pattern, bursts and burstWrites; a traced workload saved as JSON reads back the same', async () => {
    const { parseWorkload } = await import('../../src/fusion/workload');
    const r = imported(read('customer-case.truss'), 'customer-case.truss');
    const w = traceWorkload(r, 'customer-case')!;
    expect(parseWorkload(JSON.stringify(w), 'saved.json')).toEqual(w);
    const literal = { name: 'l', flows: [{ name: 'a', peer: 'local', mode: 'nonblocking', sizes: [12, 696, 12], yieldAfter: [2] }] };
    expect(parseWorkload(JSON.stringify(literal), 'l.json')).toEqual({ name: 'l', flows: [{
      name: 'a', peer: 'local', mode: 'nonblocking', sizes: [12, 696, 12], yieldAfter: [2], pattern: [12, 696, 12], bursts: 1, burstWrites: 3,
    }] });
    const bad = (flow: object): unknown => parseWorkload(JSON.stringify({ name: 'l', flows: [{ name: 'a', peer: 'local', mode: 'blocking', ...flow }] }), 'l.json');
    expect(bad({ sizes: [1, 2], bursts: 5 })).toEqual({ error: 'l.json: flows[0].bursts: not with "sizes": a literal sequence is one burst of exactly its writes' });
    expect(bad({ sizes: [1, 2], yieldAfter: [3] })).toEqual({ error: 'l.json: flows[0].yieldAfter[0]: write 3 is past the last write (2)' });
    expect(bad({ pattern: [1], bursts: 1, burstWrites: 1, yieldAfter: [1] })).toEqual({ error: 'l.json: flows[0].yieldAfter: only with "sizes" (a literal sequence)' });
    expect(bad({ pattern: [1], bursts: 1 })).toEqual({ error: 'l.json: flows[0].burstWrites: missing (or give "sizes", a literal sequence)' });
  });
});
