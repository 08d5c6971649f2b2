import { describe, expect, it } from 'vitest';
import { advise } from '../../src/fusion/advice';
import { runWorkload } from '../../src/fusion/engine';
import { sweep } from '../../src/fusion/sweep';
import { defaultTunables } from '../../src/fusion/tunables';
import { CUSTOMER_CASE } from '../../src/fusion/workload';
import { renderAdvice } from '../../src/render/fusion-advice';
import { renderReport, reportJson } from '../../src/render/fusion-report';
import { renderSweep } from '../../src/render/fusion-sweep';
import { renderTrace } from '../../src/render/fusion-trace';
import { makeTheme, PLAIN } from '../../src/render/theme';

const t = defaultTunables('s10', 'sun4v');
const UNICODE = makeTheme({ NO_COLOR: '1', LANG: 'en_US.UTF-8' }, false);
const widest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));

describe('fusion report rendering', () => {
  it('renderReport: the built-in workload, plain', () => {
    const out = renderReport(runWorkload(t, CUSTOMER_CASE), PLAIN, advise(t, CUSTOMER_CASE));
    expect(out).toBe(`\
flow   fused   rcv maxpsz unread writes EAGAIN first short blocks limit outcome
             hiwat         hiwat                  at
-------------------------------------------------------------------------------
local  yes   49152  24576      8  24000   2000     9     0      0 count eagain
remote no    49152      -      -  24000      0     -     0      0 -     ok

Flow local, fused, gets 2000 EAGAIN (the first at write 9): the unread-write
count (tcp_fuse_rcv_unread_hiwater 8) stops the sender before the byte limit
(49152 bytes). Flow remote, not fused (remote peer), gets through with no
EAGAIN, short write or block. Try "tcp_fusion_rcv_unread_min/W 0t24" (0x18) with
mdb -kw and keep it with "set ip:tcp_fusion_rcv_unread_min=24" in /etc/system.
Each alone: local (2000 EAGAIN): SO_SNDBUF 393216 on its sender (393216 >> 14 =
24). tcp_fusion_rcv_unread_min 0 turns the count check off: no EAGAIN from the
count at all, but then only bytes hold back a writer, and a reader that falls
behind may find rcv_hiwater bytes of small writes waiting. Connections open now
keep the limit they latched; only new ones (or a new SO_SNDBUF) get the new
value.
`);
    expect(widest(out)).toBeLessThanOrEqual(80);
  });

  it('renderReport: the verdict names the byte limit, a blocked writer and a stopped run', () => {
    const w = { name: 'w', flows: [
      { name: 'a', peer: 'local' as const, pattern: [40000], bursts: 1, burstWrites: 3, mode: 'blocking' as const, receiver: 'tli' as const },
      { name: 'b', peer: 'remote' as const, pattern: [30000], bursts: 1, burstWrites: 9, mode: 'nonblocking' as const, reader: 'never' as const },
    ] };
    const out = renderReport(runWorkload(t, w), PLAIN);
    expect(out).toContain('a    yes   49152  24576    (8)      3      0     -     0      1 bytes blocked');
    expect(out.replace(/\n/g, ' ')).toContain('Flow a, fused, gets 1 blocked write: the byte limit (rcv_hiwater 49152) stops the sender.');
    expect(out.replace(/\n/g, ' ')).toContain('the TCP window (sndbuf 49152 + rcv_hiwater 49152) stops the sender; the reader never ran, so the run ended at write 4 with 3 whole.');
  });

  it('reportJson: the --json object of issue 4', () => {
    const json = reportJson(runWorkload(t, CUSTOMER_CASE), t, 's10', 'sun4v');
    expect(json.tunables).toEqual({ do_tcp_fusion: 1, do_tcp_direct_sockfs: 1, tcp_fusion_rcv_unread_min: 8,
      tcp_xmit_hiwat: 49152, tcp_recv_hiwat: 49152, tcp_max_buf: 1048576, tcp_sth_rcv_hiwat: 0 });
    expect(json.flows[1]).toEqual({ name: 'remote', fused: false, notFusedReason: 'remote-peer', sndbuf: 49152,
      rcvHiwater: 49152, maxpsz: null, unreadHiwater: null, writes: 24000, completed: 24000, eagain: 0,
      firstEagainAt: null, shortWrites: 0, blocks: 0, bytes: 8496000, maxUnread: 0, maxQueuedBytes: 8496,
      stoppedBy: null, outcome: 'ok' });
    expect(Object.keys(json)).toEqual(['release', 'arch', 'tunables', 'flows']);
    const illumos = defaultTunables('illumos');
    expect(reportJson(runWorkload(illumos, CUSTOMER_CASE), illumos, 'illumos', 'i86pc').tunables)
      .toMatchObject({ do_tcp_direct_sockfs: null, tcp_fusion_rcv_unread_min: null });
  });

  it('renderAdvice: the mdb line, the /etc/system line, SO_SNDBUF and SO_RCVBUF per flow, the trade-off of 0 and the reminder', () => {
    expect(renderAdvice(advise(t, CUSTOMER_CASE), PLAIN)).toBe(`\
2000 EAGAIN in the workload; local is stopped by the unread-write count.
smallest tcp_fusion_rcv_unread_min without them: 0t24 (0x18)
  try now:             tcp_fusion_rcv_unread_min/W 0t24
  keep in /etc/system: set ip:tcp_fusion_rcv_unread_min=24
each alone, everything else as it is:
  local SO_SNDBUF:     393216 on the sender (393216 >> 14 = 24)
  local SO_RCVBUF:     none up to tcp_max_buf is enough
tcp_fusion_rcv_unread_min 0 turns the count check off: no EAGAIN from the count
at all, but then only bytes hold back a writer, and a reader that falls behind
may find rcv_hiwater bytes of small writes waiting.
Connections open now keep the limit they latched; only new ones (or a new
SO_SNDBUF) get the new value.`);
    expect(renderAdvice(advise({ ...t, unreadMin: 32 }, CUSTOMER_CASE), PLAIN)).toBe('Nothing to change: no flow gets EAGAIN.');
  });

  it('renderSweep: table and ASCII bars, plain', () => {
    const s = sweep(t, CUSTOMER_CASE, 'tcp_fusion_rcv_unread_min', 7, 9);
    if ('error' in s) throw new Error(s.error);
    expect(renderSweep(s, PLAIN)).toBe(`\
value local remote total blocks
-------------------------------
    7  3000      0  3000      0
    8  2000      0  2000      0
    9  2000      0  2000      0

EAGAIN per value of tcp_fusion_rcv_unread_min:
7 3000 ${'#'.repeat(72)}
8 2000 ${'#'.repeat(48)}
9 2000 ${'#'.repeat(48)}
`);
    expect(widest(renderSweep(s, UNICODE))).toBeLessThanOrEqual(80);
    expect(renderSweep(s, UNICODE)).toContain(`8 2000 ${'█'.repeat(48)}\n`);
    expect(renderSweep(s, UNICODE)).toContain(`7 3000 ${'█'.repeat(72)}\n`);
  });

  it('renderTrace: the events, then the unread count against the limit with EAGAINs marked', () => {
    const trace = runWorkload(t, CUSTOMER_CASE, { trace: { flow: 'local', limit: 32 } }).trace!;
    const out = renderTrace(trace, PLAIN);
    expect(out).toContain('write 8: 696 bytes\n  chunk 696 bytes\n  rcv_cnt 2832 unread_cnt 8\n  flow stopped: unread-write count limit\nwrite 9: 12 bytes\n  EAGAIN on write 9\n  reader ran: took 2832 bytes, 8 unread writes');
    expect(out.split('\n').slice(-12).join('\n')).toBe(`\
local: unread_cnt per write, limit 8 (^ EAGAIN)
     8 |-------#--
       |      ##
       |     ###
       |    ####
       |   #####
       |  ######
       | #######
       |#########
     0 +----------
                ^
`);
  });
});
