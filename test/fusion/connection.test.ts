import { describe, expect, it } from 'vitest';
import { establish } from '../../src/fusion/connection';
import { defaultTunables } from '../../src/fusion/tunables';
import { flow, tunables } from './helpers';

describe('connection set-up (fusion.md "A connection")', () => {
  it('rule: fused when do_tcp_fusion is non-zero, both ends are local and no exception holds', () => {
    expect(establish(tunables(), flow())).toMatchObject({ fused: true, notFusedReason: null });
  });

  it('rule: not fused, with the reason in order: remote peer, fusion off, ipsec, ipqos, kssl, IP options, different squeues', () => {
    const all = flow({ peer: 'remote', ipsec: true, ipqos: true, kssl: true, ipOptions: true, differentSqueue: true });
    // A remote pair is unfused because it is remote, whatever do_tcp_fusion says.
    expect(establish(tunables({ doTcpFusion: 0 }), all).notFusedReason).toBe('remote-peer');
    expect(establish(tunables({ doTcpFusion: 0 }), { ...all, peer: 'local' }).notFusedReason).toBe('fusion-off');
    expect(establish(tunables(), all).notFusedReason).toBe('remote-peer');
    expect(establish(tunables(), { ...all, peer: 'local' }).notFusedReason).toBe('ipsec');
    expect(establish(tunables(), flow({ ipqos: true, kssl: true })).notFusedReason).toBe('ipqos');
    expect(establish(tunables(), flow({ kssl: true, ipOptions: true })).notFusedReason).toBe('kssl');
    expect(establish(tunables(), flow({ ipOptions: true, differentSqueue: true })).notFusedReason).toBe('ip-options');
    expect(establish(tunables(), flow({ differentSqueue: true })).notFusedReason).toBe('different-squeue');
    expect(establish(tunables(), flow({ differentSqueue: false })).fused).toBe(true);
  });

  it('rule: sndbuf is SO_SNDBUF, else tcp_xmit_hiwat; SO_SNDBUF above tcp_max_buf fails with ENOBUFS', () => {
    expect(establish(tunables(), flow()).sndbuf).toBe(49152);
    expect(establish(tunables({ xmitHiwat: 65536 }), flow()).sndbuf).toBe(65536);
    expect(establish(tunables(), flow({ sndbuf: 100000 }))).toMatchObject({ sndbuf: 100000, sndbufError: null });
    expect(establish(tunables(), flow({ sndbuf: 1048577 }))).toMatchObject({ sndbuf: 49152, sndbufError: 'ENOBUFS' });
  });

  it('rule: rcv_hiwater is SO_RCVBUF, else tcp_recv_hiwat, clamped to [tcp_sth_rcv_hiwat, tcp_max_buf] and rounded up to a page', () => {
    expect(establish(tunables(), flow()).rcvHiwater).toBe(49152);
    expect(establish(tunables(), flow({ rcvbuf: 10000 })).rcvHiwater).toBe(16384);
    expect(establish(tunables({ pageSize: 4096 }), flow({ rcvbuf: 10000 })).rcvHiwater).toBe(12288);
    expect(establish(tunables({ sthRcvHiwat: 64000 }), flow({ rcvbuf: 10000 })).rcvHiwater).toBe(65536);
    expect(establish(tunables(), flow({ rcvbuf: 5_000_000 })).rcvHiwater).toBe(1048576);
  });

  it('rule: maxpsz is roundup(MIN(sndbuf, rcv_hiwater), pagesize) / 2', () => {
    expect(establish(tunables(), flow()).maxpsz).toBe(24576);
    expect(establish(tunables(), flow({ sndbuf: 20000 })).maxpsz).toBe(12288);
    expect(establish(defaultTunables('s10', 'i86pc'), flow({ sndbuf: 20000 })).maxpsz).toBe(10240);
    expect(establish(tunables(), flow({ peer: 'remote' })).maxpsz).toBeNull();
  });

  it('rule: tcp_fuse_rcv_unread_hiwater is 0 when tcp_fusion_rcv_unread_min is 0, else MAX(sndbuf >> 14, tcp_fusion_rcv_unread_min)', () => {
    expect(establish(tunables(), flow()).unreadHiwater).toBe(8); // MAX(3, 8)
    expect(establish(tunables({ unreadMin: 0 }), flow())).toMatchObject({ unreadHiwater: 0, countCheck: false });
    expect(establish(tunables(), flow({ sndbuf: 262144 })).unreadHiwater).toBe(16);
    expect(establish(tunables({ unreadMin: 2 }), flow()).unreadHiwater).toBe(3);
  });

  it('rule: the values are latched at set-up; a later tunable change reaches only new connections', () => {
    const t = tunables();
    const live = establish(t, flow());
    t.unreadMin = 32;
    expect(live.unreadHiwater).toBe(8);
    expect(establish(t, flow()).unreadHiwater).toBe(32);
  });

  it('rule: the count check applies only to a socket reader with do_tcp_direct_sockfs non-zero', () => {
    expect(establish(tunables(), flow({ receiver: 'socket' })).countCheck).toBe(true);
    expect(establish(tunables(), flow({ receiver: 'tli' }))).toMatchObject({ unreadHiwater: 8, countCheck: false });
    expect(establish(tunables(), flow({ receiver: 'module' })).countCheck).toBe(false);
    expect(establish(tunables({ doTcpDirectSockfs: 0 }), flow()).countCheck).toBe(false);
  });

  it('rule: opensolaris and illumos have no count check (CR 6826274)', () => {
    for (const release of ['opensolaris', 'illumos'] as const) {
      expect(establish(defaultTunables(release), flow())).toMatchObject({ fused: true, unreadHiwater: null, countCheck: false });
    }
  });
});
