import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipe } from '../helpers/io';

// The fusion session commands of issue 4, as a user types them into `fusion-mdb -k(w)`.

const lines = (text: string): string[] => text.split('\n');
/** The table row that starts with `first` (after the id column, if any), split on blanks. */
const row = (text: string, first: RegExp): string[] =>
  (lines(text).find((l) => first.test(l)) ?? '').trim().split(/\s+/);

const USAGE_TAIL = (name: string): string => `mdb: try '::help ${name}' for more information\n`;

describe('::run', () => {
  it('on s10 defaults: local gets 2000 EAGAIN from write 9 on, remote none', async () => {
    const r = await pipe(['::run']);
    expect(row(r.stdout, /^local /)).toEqual(['local', 'yes', '49152', '24576', '8', '24000', '2000', '9', '0', '0', 'count', 'eagain']);
    expect(row(r.stdout, /^remote /)).toEqual(['remote', 'no', '49152', '-', '-', '24000', '0', '-', '0', '0', '-', 'ok']);
    expect(r.stdout).toContain('tcp_fusion_rcv_unread_min/W 0t24');
    expect(r.stderr).toBe('');
  });

  it('after tcp_fusion_rcv_unread_min/W 0t32 (with -w): no flow gets EAGAIN', async () => {
    const r = await pipe(['tcp_fusion_rcv_unread_min/W 0t32', '::run'], ['-kw']);
    expect(row(r.stdout, /^local /)).toEqual(['local', 'yes', '49152', '24576', '32', '24000', '0', '-', '0', '0', '-', 'ok']);
    expect(r.stdout).toContain('Nothing to change: no flow gets EAGAIN.');
  });

  it('without -w the write fails, so the run still gets EAGAIN', async () => {
    const r = await pipe(['tcp_fusion_rcv_unread_min/W 0t32', '::run']);
    expect(r.stderr).toContain('target is not open for writing');
    expect(row(r.stdout, /^local /)[6]).toBe('2000');
  });

  it('-w FILE loads a workload that stays the session\'s; a bad file is one mdb: line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fusion-run-'));
    const good = join(dir, 'one.json');
    writeFileSync(good, JSON.stringify({ name: 'one', flows: [
      { name: 'bus', peer: 'local', pattern: [100], bursts: 10, burstWrites: 4, mode: 'nonblocking' }] }));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'bad', flows: [
      { name: 'bus', peer: 'local', pattern: [100], bursts: 10, burstWrites: 4, mode: 'nonblocking', colour: 'red' }] }));
    const r = await pipe([`::run -w ${good}`, '::trace -n 1 bus', `::run -w ${bad}`, '::run -w /no/such/file.json', '::trace bus']);
    expect(row(r.stdout, /^bus /).slice(0, 2)).toEqual(['bus', 'yes']);
    expect(r.stdout).toContain('write 1: 100 bytes');
    expect(r.stdout).not.toMatch(/^local /m);
    expect(lines(r.stderr)).toEqual([
      `mdb: ${bad}: flows[0]: unknown field "colour"`,
      'mdb: cannot open workload file: /no/such/file.json',
      '',
    ]);
  });
});

describe('::advise', () => {
  it('names 24 (0t24), the mdb line to try and the /etc/system line to keep', async () => {
    const r = await pipe(['::advise']);
    expect(r.stdout).toContain('smallest tcp_fusion_rcv_unread_min without them: 0t24 (0x18)');
    expect(r.stdout).toContain('try now:             tcp_fusion_rcv_unread_min/W 0t24');
    expect(r.stdout).toContain('keep in /etc/system: set ip:tcp_fusion_rcv_unread_min=24');
    expect(r.stdout).toContain('393216 on the sender');
    expect(r.stdout).toMatch(/Connections open now keep the limit they latched/);
  });

  it('names the live connections that keep a lower limit than the advice', async () => {
    const r = await pipe(['::connect a', '::connect remote', '::advise']);
    expect(r.stdout).toContain('a (pid 101: tcp_fuse_rcv_unread_hiwater 8, new 24) keeps the limit it latched');
    expect(r.stdout).not.toMatch(/remote \(pid/);
  });

  it('after the fix there is nothing to advise, but a connection made before keeps 8', async () => {
    const r = await pipe(['::connect a', 'tcp_fusion_rcv_unread_min/W 0t32', '::advise'], ['-kw']);
    expect(r.stdout).toContain('Nothing to change: no flow gets EAGAIN.');
    expect(r.stdout).toContain('a (pid 101: tcp_fuse_rcv_unread_hiwater 8, new 32) keeps the limit it latched');
  });
});

describe('::connect, ::netstat, ::fuse', () => {
  it('::connect prints one line: fused, sndbuf, rcv_hiwater, maxpsz, unread hiwater', async () => {
    const r = await pipe(['::connect a', '::connect remote', '::connect -p remote -s 0t65536 b', '::connect -x ipsec,kssl c', '::connect -t tli d']);
    expect(lines(r.stdout)).toEqual([
      'a: id 1, pid 101, fused; sndbuf 49152, rcv_hiwater 49152, maxpsz 24576, tcp_fuse_rcv_unread_hiwater 8',
      'remote: id 2, pid 102, not fused (remote peer); sndbuf 49152, rcv_hiwater 49152',
      'b: id 3, pid 103, not fused (remote peer); sndbuf 65536, rcv_hiwater 49152',
      'c: id 4, pid 104, not fused (IPsec policy); sndbuf 49152, rcv_hiwater 49152',
      'd: id 5, pid 105, fused; sndbuf 49152, rcv_hiwater 49152, maxpsz 24576, tcp_fuse_rcv_unread_hiwater 8 (not checked: not a socket reader)',
      '',
    ]);
    expect(r.stderr).toBe('');
  });

  it('sizes follow the radix: -s 60000 is 0x60000 = 393216, which latches 24', async () => {
    const r = await pipe(['::connect -s 60000 a']);
    expect(r.stdout).toContain('sndbuf 393216, rcv_hiwater 49152, maxpsz 24576, tcp_fuse_rcv_unread_hiwater 24');
  });

  it('a duplicate name is an error; the first connection stays', async () => {
    const r = await pipe(['::connect a', '::connect a', '::netstat']);
    expect(r.stderr).toBe('mdb: connection a already exists (id 1, pid 101)\n');
    expect(r.stdout.match(/^ *\d+ a /gm)).toHaveLength(1);
  });

  it('::netstat lists id, name, pid, peer, fused or why not, sndbuf, rcv_hiwat', async () => {
    const r = await pipe(['::netstat', '::connect a', '::connect remote', '::netstat']);
    expect(lines(r.stdout).slice(3)).toEqual([
      'id name   pid peer   fused           sndbuf rcv_hiwat',
      '-----------------------------------------------------',
      ' 1 a      101 local  yes              49152     49152',
      ' 2 remote 102 remote no: remote peer  49152     49152',
      '',
    ]);
    expect(lines(r.stdout)[0]).toBe('no connections: make one with ::connect NAME');
  });

  it('a connection made before /W 0t32 still shows 8 in ::fuse, and 32 for a new one', async () => {
    const r = await pipe(['::connect a', 'tcp_fusion_rcv_unread_min/W 0t32', '::fuse'], ['-kw']);
    // id name pid | unread latched, new | rcv_hiwat latched, new | maxpsz latched, new
    expect(row(r.stdout, /^ *1 a /)).toEqual(['1', 'a', '101', '8', '32', '49152', '49152', '24576', '24576']);
    expect(r.stdout).toContain('a (pid 101: tcp_fuse_rcv_unread_hiwater 8, new 32) keeps the limit it latched');
  });

  it('::fuse -d prints the DTrace script\'s lines, one per fused connection', async () => {
    const r = await pipe(['::fuse -d', '::connect a', '::connect remote', 'tcp_fusion_rcv_unread_min/W 0t32', '::connect b', '::fuse -d'], ['-kw']);
    expect(lines(r.stdout)).toEqual([
      'no connections: make one with ::connect NAME',
      'a: id 1, pid 101, fused; sndbuf 49152, rcv_hiwater 49152, maxpsz 24576, tcp_fuse_rcv_unread_hiwater 8',
      'remote: id 2, pid 102, not fused (remote peer); sndbuf 49152, rcv_hiwater 49152',
      'tcp_fusion_rcv_unread_min:      0x8             =       0x20',
      'b: id 3, pid 103, fused; sndbuf 49152, rcv_hiwater 49152, maxpsz 24576, tcp_fuse_rcv_unread_hiwater 32',
      'pid: 101 tcp_fuse_rcv_unread_hiwater: 8',
      'pid: 103 tcp_fuse_rcv_unread_hiwater: 32',
      '',
    ]);
  });

  it('with the count check off (/W 0) a new connection latches 0, shown as "off"', async () => {
    const r = await pipe(['::connect a', 'tcp_fusion_rcv_unread_min/W 0', '::connect b', '::fuse'], ['-kw']);
    expect(r.stdout).toContain('tcp_fuse_rcv_unread_hiwater 0 (count check off)');
    expect(row(r.stdout, /^ *1 a /).slice(3, 5)).toEqual(['8', 'off']);
    expect(row(r.stdout, /^ *2 b /).slice(3, 5)).toEqual(['off', 'off']);
  });
});

describe('::ndd', () => {
  it('prints a value in decimal, as ndd does', async () => {
    const r = await pipe(['::ndd /dev/tcp tcp_xmit_hiwat', '::ndd -get /dev/tcp tcp_max_buf']);
    expect(r.stdout).toBe('49152\n1048576\n');
  });

  it('-set takes VALUE in decimal and changes what NEW connections latch', async () => {
    const r = await pipe(['::connect a', '::ndd -set /dev/tcp tcp_xmit_hiwat 524288', '::ndd /dev/tcp tcp_xmit_hiwat', '::connect b', '::fuse']);
    expect(r.stdout).toContain('\n524288\n');
    expect(r.stdout).toContain('b: id 2, pid 102, fused; sndbuf 524288');
    // 524288 >> 14 = 32: the sender's buffer raises the count limit too.
    expect(row(r.stdout, /^ *1 a /).slice(3, 5)).toEqual(['8', '32']);
    expect(r.stderr).toBe('note: live connections keep what they latched; new ones get tcp_xmit_hiwat 524288\n');
  });

  it('out of range, or not a decimal number: operation failed: Invalid argument', async () => {
    const r = await pipe(['::ndd -set /dev/tcp tcp_xmit_hiwat 1', '::ndd -set /dev/tcp tcp_xmit_hiwat 0t65536', '::ndd /dev/tcp tcp_xmit_hiwat'], ['-kq']);
    expect(r.stderr).toBe('operation failed: Invalid argument\noperation failed: Invalid argument\n');
    expect(r.stdout).toBe('49152\n');
  });

  it('an unknown name gets ndd\'s two lines; -set needs no -w', async () => {
    const r = await pipe(['::ndd /dev/tcp tcp_nosuch', '::ndd -set /dev/tcp tcp_max_buf 2097152', '::ndd /dev/tcp tcp_max_buf'], ['-k']);
    expect(r.stderr).toBe("name is non-existent for this module\nfor a list of valid names, use name '?'\n");
    expect(r.stdout).toBe('2097152\n');
  });

  it('? (or \\?) lists the names of the device', async () => {
    const r = await pipe(['::ndd /dev/tcp ?', '::ndd /dev/tcp \\?']);
    const listed = lines(r.stdout);
    expect(listed[0]).toBe(`${'?'.padEnd(30)}(read only)`);
    expect(listed).toContain(`${'tcp_xmit_hiwat'.padEnd(30)}(read and write)`);
    expect(listed).not.toContain(`${'ip_forwarding'.padEnd(30)}(read and write)`);
    expect(listed.filter((l) => l.startsWith('?'))).toHaveLength(2);
  });

  it('a device that is not there: ndd\'s open failure', async () => {
    const r = await pipe(['::ndd /dev/nosuch x']);
    expect(r.stderr).toBe('open of /dev/nosuch failed: No such file or directory\n');
  });
});

describe('::sweep', () => {
  it('tcp_fusion_rcv_unread_min 0 0t64: a row per value, EAGAIN gone from 24 on', async () => {
    const r = await pipe(['::sweep tcp_fusion_rcv_unread_min 0 0t64']);
    const table = lines(r.stdout).filter((l) => /^ *\d+ +\d+ +\d+ +\d+ +\d+$/.test(l)).map((l) => l.trim().split(/\s+/).map(Number));
    expect(table.map((t) => t[0])).toEqual(Array.from({ length: 65 }, (_, i) => i));
    expect(table[0]).toEqual([0, 0, 0, 0, 0]);
    expect(table[8]).toEqual([8, 2000, 0, 2000, 0]);
    expect(table[23]).toEqual([23, 1000, 0, 1000, 0]);
    expect(table.slice(24).every((t) => t[3] === 0)).toBe(true);
    expect(r.stdout).toContain('EAGAIN per value of tcp_fusion_rcv_unread_min:');
  });

  it('bare numbers are hex: 16 18 sweeps 22, 23, 24', async () => {
    const r = await pipe(['::sweep tcp_fusion_rcv_unread_min 16 18']);
    expect(r.stdout).toMatch(/^ +22 +1000 /m);
    expect(r.stdout).toMatch(/^ +24 +0 /m);
    expect(r.stdout).not.toMatch(/^ +25 /m);
  });

  it('unknown symbol, empty range, out of range, not on this release: one mdb: line each', async () => {
    const r = await pipe(['::sweep nosuch 0 1', '::sweep tcp_fusion_rcv_unread_min 0t64 0', '::sweep tcp_max_buf 0 1']);
    expect(lines(r.stderr)).toEqual([
      'mdb: cannot sweep nosuch: choose one of tcp_fusion_rcv_unread_min, do_tcp_fusion, do_tcp_direct_sockfs, tcp_xmit_hiwat, tcp_recv_hiwat, tcp_max_buf, tcp_sth_rcv_hiwat',
      'mdb: nothing to sweep: FROM 0t64 is above TO 0t0',
      'mdb: tcp_max_buf (FROM) must be from 0t8192 to 0t1073741824, not 0t0',
      '',
    ]);
    const illumos = await pipe(['::sweep tcp_fusion_rcv_unread_min 0 1'], ['-k', '--release', 'illumos']);
    expect(illumos.stderr).toBe('mdb: cannot sweep tcp_fusion_rcv_unread_min: not a tunable of this release (illumos)\n');
  });
});

describe('::trace', () => {
  it('-n 0t12 local: writes 1 to 12, the count stop at write 8 and the EAGAIN at write 9', async () => {
    const r = await pipe(['::trace -n 0t12 local']);
    const out = lines(r.stdout);
    expect(out.filter((l) => l.startsWith('write '))).toHaveLength(12);
    expect(out.slice(out.indexOf('write 8: 696 bytes'), out.indexOf('write 10: 696 bytes'))).toEqual([
      'write 8: 696 bytes',
      '  chunk 696 bytes',
      '  rcv_cnt 2832 unread_cnt 8',
      '  flow stopped: unread-write count limit',
      'write 9: 12 bytes',
      '  EAGAIN on write 9',
      '  reader ran: took 2832 bytes, 8 unread writes',
      '  chunk 12 bytes',
      '  rcv_cnt 12 unread_cnt 1',
    ]);
    expect(r.stdout).toContain('local: unread_cnt per write, limit 8');
  });

  it('-n follows the radix (c is 12); the default is 0t24 writes; after the flow it is a bad call, as in mdb_getopts', async () => {
    const hex = await pipe(['::trace -n c local']);
    const dec = await pipe(['::trace -n 0t12 local']);
    expect(hex.stdout).toBe(dec.stdout);
    const late = await pipe(['::trace local -n 0t12']);
    expect(late.stdout).toBe('');
    expect(late.stderr).toMatch(/^Usage: trace \[-n writes\] flow\n/);
    const whole = await pipe(['::trace local']);
    expect(lines(whole.stdout).filter((l) => l.startsWith('write '))).toHaveLength(24);
    expect(whole.stdout).toContain('EAGAIN on write 17');
  });

  it('an unknown flow names the flows of the workload', async () => {
    const r = await pipe(['::trace bus']);
    expect(r.stderr).toBe('mdb: no flow bus in workload customer-case: its flows are local, remote\n');
  });
});

describe('bad calls print the usage', () => {
  const cases: [string, string][] = [
    ['::connect', 'connect'],
    ['::connect a b', 'connect'],
    ['::connect -z a', 'connect'],
    ['::connect -s', 'connect'],
    ['::netstat -a', 'netstat'],
    ['::fuse -x', 'fuse'],
    ['1::fuse', 'fuse'],
    ['::run extra', 'run'],
    ['::run -w', 'run'],
    ['::advise now', 'advise'],
    ['::sweep tcp_fusion_rcv_unread_min 0', 'sweep'],
    ['::trace', 'trace'],
    ['::trace local remote', 'trace'],
    ['::ndd', 'ndd'],
    ['::ndd /dev/tcp', 'ndd'],
    ['::ndd -set /dev/tcp tcp_xmit_hiwat', 'ndd'],
    ['::ndd -bogus /dev/tcp x', 'ndd'],
  ];
  for (const [cmd, name] of cases) {
    it(cmd, async () => {
      const r = await pipe([cmd]);
      expect(r.stderr).toMatch(new RegExp(`^Usage: ${name}[^\\n]*\\n${USAGE_TAIL(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      expect(r.stdout).toBe('');
      expect(r.code).toBe(0);
    });
  }

  it('a bad option value says which values it takes', async () => {
    const r = await pipe(['::connect -p far a', '::connect -x ipsec,bogus a', '::connect -m sometimes a']);
    expect(lines(r.stderr)).toEqual([
      'mdb: -p takes local or remote, not "far"',
      'mdb: -x takes ipsec, ipqos, kssl, ipopts or squeue (comma separated), not "bogus"',
      'mdb: -m takes blocking or nonblocking, not "sometimes"',
      '',
    ]);
  });

  it('-e exits 1 when a fusion dcmd fails, 0 when it works', async () => {
    const { run } = await import('../helpers/io');
    expect((await run(['-k', '-e', '::trace nosuch'])).code).toBe(1);
    expect((await run(['-k', '-e', '::advise'])).code).toBe(0);
  });
});

describe('::help and ::dcmds come from the table', () => {
  const names = ['connect', 'netstat', 'fuse', 'run', 'advise', 'sweep', 'trace', 'ndd'];

  it('::dcmds lists every fusion dcmd with its description', async () => {
    const r = await pipe(['::dcmds']);
    for (const n of names) expect(r.stdout).toMatch(new RegExp(`^${n} +- \\S`, 'm'));
  });

  for (const n of names) {
    it(`::help ${n} has a synopsis, a description and an example`, async () => {
      const r = await pipe([`::help ${n}`]);
      expect(r.stdout).toContain(`SYNOPSIS\n  ::${n}`);
      expect(r.stdout).toContain('DESCRIPTION');
      expect(r.stdout).toMatch(/EXAMPLE\n  \S/);
      expect(r.stderr).toBe('');
    });
  }

  it('::help ndd says VALUE is decimal, not in mdb\'s radix', async () => {
    const r = await pipe(['::help ndd']);
    expect(r.stdout).toContain("VALUE is decimal, as ndd takes it, NOT read in mdb's radix");
  });
});
