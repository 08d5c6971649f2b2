import { describe, expect, it } from 'vitest';
import { advise } from '../../src/fusion/advice';
import { runWorkload } from '../../src/fusion/engine';
import { defaultTunables } from '../../src/fusion/tunables';
import { CUSTOMER_CASE } from '../../src/fusion/workload';
import { flow, tunables, workload } from './helpers';

const eagain = (t: Parameters<typeof runWorkload>[0], w: Parameters<typeof runWorkload>[1]): number =>
  runWorkload(t, w).flows.reduce((n, f) => n + f.eagain, 0);

describe('advise', () => {
  it('the built-in workload on s10 defaults: tcp_fusion_rcv_unread_min 24, or SO_SNDBUF 393216 (24 << 14); no SO_RCVBUF does it', () => {
    expect(advise(tunables(), CUSTOMER_CASE)).toEqual({
      release: 's10', eagain: 2000, countLimited: ['local'], unreadMin: 24, why: null,
      flows: [{ flow: 'local', eagain: 2000, fused: true, stoppedBy: 'count', sndbuf: 393216, rcvbuf: null }],
      recvHiwat: null, combination: null,
    });
  });

  it('the proposed values are the smallest: one less still gets EAGAIN', () => {
    expect(eagain(tunables({ unreadMin: 23 }), CUSTOMER_CASE)).toBe(1000);
    expect(eagain(tunables({ unreadMin: 24 }), CUSTOMER_CASE)).toBe(0);
    const local = CUSTOMER_CASE.flows[0]!;
    expect(eagain(tunables(), workload({ ...local, sndbuf: 393215 }))).toBe(1000);
    expect(eagain(tunables(), workload({ ...local, sndbuf: 393216 }))).toBe(0);
  });

  it('bursts of 97 writes of 12 and 1400 bytes: no one change does it, the count and SO_RCVBUF together do', () => {
    const w = workload(flow({ name: 'a', pattern: [12, 1400], bursts: 1000, burstWrites: 97 }));
    const a = advise(tunables(), w);
    expect(a).toMatchObject({
      eagain: 12000, unreadMin: null, why: 'bytes-limit', recvHiwat: null,
      flows: [{ flow: 'a', sndbuf: null, rcvbuf: null }],
      combination: { unreadMin: 97, rcvbuf: [{ flow: 'a', rcvbuf: 65537 }] },
    });
    const roomy = workload({ ...w.flows[0]!, rcvbuf: 1048576 });
    expect(eagain(tunables({ unreadMin: 96 }), roomy)).toBeGreaterThan(0);
    expect(eagain(tunables({ unreadMin: 97 }), workload({ ...w.flows[0]!, rcvbuf: 65537 }))).toBe(0);
    expect(eagain(tunables({ unreadMin: 97 }), workload({ ...w.flows[0]!, rcvbuf: 65536 }))).toBeGreaterThan(0);
  });

  it('writes cut into chunks: a limit that turns EAGAIN into a short count is no fix; 6 is the first that leaves neither', () => {
    // maxpsz 4096: each 5000-byte write is two enqueues, a burst of 3 writes six.
    const t = tunables({ unreadMin: 2, pageSize: 4096, xmitHiwat: 8192, recvHiwat: 65536, maxBuf: 65536 });
    const w = workload(flow({ pattern: [5000], bursts: 4, burstWrites: 3 }));
    const runAt = (v: number) => runWorkload({ ...t, unreadMin: v }, w).flows[0]!;
    expect([2, 3, 4, 5, 6].map((v) => [runAt(v).eagain, runAt(v).shortWrites])).toEqual([[8, 0], [0, 4], [4, 0], [0, 4], [0, 0]]);
    expect(advise(t, w).unreadMin).toBe(6);
  });

  it('nothing to propose: no EAGAIN; no count check on the release: the buffers only (rcv_hiwater is page-rounded: 8193 is 16384)', () => {
    expect(advise(tunables({ unreadMin: 32 }), CUSTOMER_CASE).why).toBe('no-eagain');
    const bytes = workload(flow({ rcvbuf: 8192, burstWrites: 9000 }));
    const illumos = advise(defaultTunables('illumos'), bytes);
    expect(illumos).toMatchObject({ why: 'no-count-check', unreadMin: null, flows: [{ flow: 'f', rcvbuf: 8193 }] });
    expect(eagain(defaultTunables('illumos'), workload(flow({ rcvbuf: 8192, burstWrites: 9000 })))).toBe(1);
    expect(eagain(defaultTunables('illumos'), workload(flow({ rcvbuf: 8193, burstWrites: 9000 })))).toBe(0);
  });
});
