import { describe, expect, it } from 'vitest';
import { advise } from '../../src/fusion/advice';
import { runWorkload } from '../../src/fusion/engine';
import { defaultTunables } from '../../src/fusion/tunables';
import { CUSTOMER_CASE } from '../../src/fusion/workload';
import { flow, tunables, workload } from './helpers';

describe('advise', () => {
  it('the built-in workload on s10 defaults: tcp_fusion_rcv_unread_min 24, or SO_SNDBUF 393216 (24 << 14)', () => {
    expect(advise(tunables(), CUSTOMER_CASE)).toEqual({
      eagain: 2000, countLimited: ['local'], unreadMin: 24, why: null, sndbuf: 393216,
      sndbufAboveMaxBuf: false, remainingEagain: 0,
    });
  });

  it('the proposed value is the smallest: one less still gets EAGAIN', () => {
    expect(runWorkload(tunables({ unreadMin: 23 }), CUSTOMER_CASE).flows[0]!.eagain).toBe(1000);
    const sndbuf = 393215;
    expect(runWorkload(tunables(), { ...CUSTOMER_CASE, flows: [{ ...CUSTOMER_CASE.flows[0]!, sndbuf }] }).flows[0]!.eagain).toBe(1000);
  });

  it('nothing to propose: no EAGAIN, no count check on the release, or the byte limit stops S', () => {
    expect(advise(tunables({ unreadMin: 32 }), CUSTOMER_CASE).why).toBe('no-eagain');
    const bytes = workload(flow({ rcvbuf: 8192, burstWrites: 9000 }));
    expect(advise(defaultTunables('illumos'), bytes)).toMatchObject({ why: 'no-count-check', unreadMin: null });
    expect(advise(tunables({ unreadMin: 0 }), bytes)).toMatchObject({ why: 'bytes-limit', unreadMin: null, eagain: 1 });
  });

  it('reports the EAGAINs the byte limit leaves, and no SO_SNDBUF when it would pass tcp_max_buf', () => {
    const a = advise(tunables(), workload(flow({ rcvbuf: 8192, burstWrites: 9000 })));
    expect(a).toMatchObject({ eagain: 1124, unreadMin: 8192, remainingEagain: 1, sndbuf: null, sndbufAboveMaxBuf: true });
  });
});
