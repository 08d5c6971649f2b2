import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/kernel/kernel';
import { defaultTunables, tunablesFromKernel } from '../../src/fusion/tunables';

describe('tunables snapshot', () => {
  it('reads the s10 defaults of fusion.md', () => {
    expect(defaultTunables('s10', 'sun4v')).toEqual({
      release: 's10', pageSize: 8192, doTcpFusion: 1, doTcpDirectSockfs: 1, unreadMin: 8,
      xmitHiwat: 49152, recvHiwat: 49152, maxBuf: 1048576, sthRcvHiwat: 0,
    });
  });

  it('has no unread minimum on releases without the count check', () => {
    expect(defaultTunables('illumos', 'i86pc')).toMatchObject({
      release: 'illumos', pageSize: 4096, unreadMin: null, xmitHiwat: 128000, recvHiwat: 1048576,
    });
    expect(defaultTunables('opensolaris').unreadMin).toBeNull();
  });

  it('follows live kernel writes and ndd settings', () => {
    const k = new Kernel('s10', 'sun4v');
    const sym = k.lookup('tcp_fusion_rcv_unread_min');
    if (!sym) throw new Error('no symbol');
    k.write(sym.addr, sym.size, 32n, 'mdb');
    k.setNdd('/dev/tcp', 'tcp_xmit_hiwat', 65536);
    expect(tunablesFromKernel(k)).toMatchObject({ unreadMin: 32, xmitHiwat: 65536 });
  });
});
