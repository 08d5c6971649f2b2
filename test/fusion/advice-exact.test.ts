import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/fusion/advice';
import { runWorkload } from '../../src/fusion/engine';
import type { FusionTunables } from '../../src/fusion/tunables';
import type { Flow, Workload } from '../../src/fusion/workload';

// The advice against brute force: every value from the bottom up, one run each, the first
// that leaves no EAGAIN (and adds no short write). Small buffers (tcp_max_buf 12288, 4 KiB pages) keep the scans short;
// ten fixed-seed cases run here (150 more passed when the search was written).

const T: FusionTunables = {
  release: 's10', pageSize: 4096, doTcpFusion: 1, doTcpDirectSockfs: 1, unreadMin: 4,
  xmitHiwat: 4096, recvHiwat: 4096, maxBuf: 12288, sthRcvHiwat: 0,
};
const UINT_MAX = 0xffffffff;

const eagain = (t: FusionTunables, w: Workload): number => runWorkload(t, w).flows.reduce((n, f) => n + f.eagain, 0);

/** What the advice must reach: no EAGAIN, and no flow with more short writes than before. */
function fixes(before: FusionTunables, w0: Workload): (t: FusionTunables, w: Workload) => boolean {
  const short = new Map(runWorkload(before, w0).flows.map((f) => [f.name, f.shortWrites]));
  return (t, w) => runWorkload(t, w).flows.every((f) => f.eagain === 0 && f.shortWrites <= (short.get(f.name) ?? 0));
}

function firstOk(from: number, to: number, ok: (v: number) => boolean): number | null {
  for (let v = from; v <= to; v++) if (ok(v)) return v;
  return null;
}

const maybe = (n: number) => fc.option(fc.integer({ min: 1, max: n }), { nil: undefined });
const flowArb: fc.Arbitrary<Flow> = fc.record({
  peer: fc.constantFrom<'local' | 'remote'>('local', 'local', 'remote'),
  pattern: fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 3 }),
  bursts: fc.integer({ min: 1, max: 3 }),
  burstWrites: fc.integer({ min: 1, max: 30 }),
  mode: fc.constantFrom<Flow['mode']>('nonblocking', 'nonblocking', 'blocking'),
  reader: fc.constantFrom<Flow['reader']>('yield', 'yield', { every: 5 }),
  sndbuf: maybe(12288),
  rcvbuf: maybe(12288),
  ipfilterDropAt: maybe(40),
}).map((f) => {
  const flow: Record<string, unknown> = { name: 'f' };
  for (const [k, v] of Object.entries(f)) if (v !== undefined) flow[k] = v;
  return flow as unknown as Flow;
});

const workloadArb = fc.array(flowArb, { minLength: 1, maxLength: 2 })
  .map((flows) => ({ name: 'w', flows: flows.map((f, i) => ({ ...f, name: `f${i}` })) }));

describe('advice equals brute force', () => {
  it('smallest tcp_fusion_rcv_unread_min, SO_SNDBUF, SO_RCVBUF, tcp_recv_hiwat, and the pair', () => {
    fc.assert(fc.property(workloadArb, fc.integer({ min: 1, max: 8 }), (w, unreadMin) => {
      const t = { ...T, unreadMin };
      const a = advise(t, w);
      if (eagain(t, w) === 0) {
        expect(a.why).toBe('no-eagain');
        return;
      }
      // tcp_fusion_rcv_unread_min alone: at most 90 writes, so no count passes 100.
      const ok = fixes(t, w);
      const scanned = firstOk(1, 100, (v) => ok({ ...t, unreadMin: v }, w));
      expect(a.unreadMin).toBe(scanned ?? (ok({ ...t, unreadMin: UINT_MAX }, w) ? 'past 100' : null));
      for (const fa of a.flows) {
        const f = w.flows.find((x) => x.name === fa.flow) as Flow;
        const alone = (g: Flow): Workload => ({ ...w, flows: [g] });
        expect(fa.sndbuf).toBe(firstOk(1, T.maxBuf, (v) => ok(t, alone({ ...f, sndbuf: v }))));
        expect(fa.rcvbuf).toBe(firstOk(1, T.maxBuf, (v) => ok(t, alone({ ...f, rcvbuf: v }))));
      }
      expect(a.flows.map((f) => f.flow)).toEqual(runWorkload(t, w).flows.filter((f) => f.eagain > 0).map((f) => f.name));
      expect(a.recvHiwat).toBe(firstOk(2048, T.maxBuf, (v) => ok({ ...t, recvHiwat: v }, w)));
      const c = a.combination;
      if (c !== null) {
        const rcv = new Map(c.rcvbuf.map((r) => [r.flow, r.rcvbuf]));
        const apply = (m: Map<string, number>): Workload => ({ ...w, flows: w.flows.map((f) => (m.has(f.name) ? { ...f, rcvbuf: m.get(f.name) as number } : f)) });
        expect(ok({ ...t, unreadMin: c.unreadMin }, apply(rcv))).toBe(true);
        // One less of either still fails: the count even with every stuck receiver at tcp_max_buf.
        const roomy = new Map(a.flows.map((f) => [f.flow, T.maxBuf]));
        if (c.unreadMin > 1) expect(ok({ ...t, unreadMin: c.unreadMin - 1 }, apply(roomy))).toBe(false);
        for (const [name, v] of rcv) expect(ok({ ...t, unreadMin: c.unreadMin }, apply(new Map([...rcv, [name, v - 1]])))).toBe(false);
      }
    }), { numRuns: 10, seed: 14 });
  });
});
