import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runWorkload } from '../../src/fusion/engine';
import type { FusionTunables } from '../../src/fusion/tunables';
import type { Flow, ReaderPolicy } from '../../src/fusion/workload';
import { tunables, workload } from './helpers';

const reader: fc.Arbitrary<ReaderPolicy> = fc.oneof(
  fc.constant('yield' as const), fc.constant('never' as const), fc.record({ every: fc.integer({ min: 1, max: 40 }) }));

const flowArb = (r: fc.Arbitrary<ReaderPolicy> = reader): fc.Arbitrary<Flow> => fc.record({
  name: fc.constant('f'),
  peer: fc.constantFrom('local' as const, 'remote' as const),
  pattern: fc.array(fc.integer({ min: 1, max: 70000 }), { minLength: 1, maxLength: 4 }),
  bursts: fc.integer({ min: 1, max: 30 }),
  burstWrites: fc.integer({ min: 1, max: 60 }),
  mode: fc.constantFrom('nonblocking' as const, 'blocking' as const),
  reader: r,
  sndbuf: fc.option(fc.integer({ min: 4096, max: 1 << 20 }), { nil: undefined }),
  rcvbuf: fc.option(fc.integer({ min: 2048, max: 1 << 20 }), { nil: undefined }),
  receiver: fc.constantFrom('socket' as const, 'tli' as const),
  ipfilterDropAt: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
}, { requiredKeys: ['name', 'peer', 'pattern', 'bursts', 'burstWrites', 'mode', 'reader'] });

const tunablesArb: fc.Arbitrary<FusionTunables> = fc.record({
  release: fc.constantFrom('s10' as const, 'illumos' as const),
  unreadMin: fc.integer({ min: 0, max: 40 }),
}).map(({ release, unreadMin }) => tunables(release === 's10' ? { unreadMin } : { release, unreadMin: null }));

const one = (t: FusionTunables, f: Flow, skipCycles = true) => runWorkload(t, workload(f), { skipCycles }).flows[0]!;

describe('engine invariants (fast-check)', () => {
  it('with the count check on, the unread count never passes tcp_fuse_rcv_unread_hiwater', () => {
    fc.assert(fc.property(tunablesArb, flowArb(), (t, f) => {
      const r = one(t, f);
      if (r.countCheck) expect(r.maxUnread).toBeLessThanOrEqual(r.unreadHiwater as number);
      else expect(r.maxUnread).toBe(0);
    }));
  });

  it('completed writes never exceed attempted writes', () => {
    fc.assert(fc.property(tunablesArb, flowArb(), (t, f) => {
      const r = one(t, f);
      expect(r.completed).toBeLessThanOrEqual(r.writes);
      expect(r.writes).toBeLessThanOrEqual(f.bursts * f.burstWrites);
    }));
  });

  it('bytes delivered equal the bytes of the completed writes', () => {
    fc.assert(fc.property(tunablesArb, flowArb(), (t, f) => {
      const r = one(t, f);
      let bytes = 0;
      for (let k = 1; k <= r.completed; k++) bytes += f.pattern[(k - 1) % f.pattern.length] as number;
      expect(r.bytes).toBe(bytes);
    }));
  });

  it('reader yield and burstWrites a multiple of the pattern: doubling bursts doubles eagain, blocks, shortWrites and bytes', () => {
    fc.assert(fc.property(tunablesArb, flowArb(fc.constant('yield' as const)), fc.integer({ min: 1, max: 5 }), (t, f0, m) => {
      const f = { ...f0, burstWrites: f0.pattern.length * m, ipfilterDropAt: undefined };
      const a = one(t, f);
      const b = one(t, { ...f, bursts: f.bursts * 2 });
      for (const key of ['eagain', 'blocks', 'shortWrites', 'bytes'] as const) expect(b[key]).toBe(2 * a[key]);
    }));
  });

  it('skipping repeated cycles gives the same report as stepping every write', () => {
    const longFlow = flowArb().map((f) => ({ ...f, bursts: f.bursts * 37 }));
    fc.assert(fc.property(tunablesArb, longFlow, (t, f) => {
      expect(one(t, f, true)).toEqual(one(t, f, false));
    }), { numRuns: 300 });
  });
});
