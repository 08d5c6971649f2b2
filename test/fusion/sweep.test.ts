import { describe, expect, it } from 'vitest';
import { sweep } from '../../src/fusion/sweep';
import { defaultTunables } from '../../src/fusion/tunables';
import { CUSTOMER_CASE } from '../../src/fusion/workload';
import { tunables } from './helpers';

describe('sweep', () => {
  // Its speed is measured in bench/engine.bench.ts, not asserted here.
  it('tcp_fusion_rcv_unread_min 0..0t64 on the built-in workload: EAGAIN per value', () => {
    const s = sweep(tunables(), CUSTOMER_CASE, 'tcp_fusion_rcv_unread_min', 0, 64);
    if ('error' in s) throw new Error(s.error);
    expect(s.rows).toHaveLength(65);
    expect(s.flows).toEqual(['local', 'remote']);
    const total = (v: number) => s.rows.find((r) => r.value === v)?.total;
    expect([0, 3, 8, 12, 23, 24, 64].map(total)).toEqual([0, 7000, 2000, 1000, 1000, 0, 0]);
    expect(s.rows[8]).toEqual({ value: 8, eagain: [2000, 0], total: 2000, blocks: 0 });
  });

  it('do_tcp_fusion 0..1: fusion off removes the EAGAINs', () => {
    const s = sweep(tunables(), CUSTOMER_CASE, 'do_tcp_fusion', 0, 1);
    expect('rows' in s && s.rows.map((r) => r.total)).toEqual([0, 2000]);
  });

  it('a wide range is walked with a larger step', () => {
    const s = sweep(tunables(), CUSTOMER_CASE, 'tcp_xmit_hiwat', 4096, 1 << 20);
    expect('rows' in s && [s.step, s.rows.length]).toEqual([8161, 128]);
  });

  it('refuses a tunable the release does not have, and an empty range', () => {
    expect(sweep(defaultTunables('illumos'), CUSTOMER_CASE, 'tcp_fusion_rcv_unread_min', 0, 8))
      .toEqual({ error: 'not-on-release', tunable: 'tcp_fusion_rcv_unread_min' });
    expect(sweep(tunables(), CUSTOMER_CASE, 'do_tcp_fusion', 1, 0)).toEqual({ error: 'empty-range', from: 1, to: 0 });
  });
});
