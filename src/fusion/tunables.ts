import { Kernel } from '../kernel/kernel';
import type { ArchId, ReleaseId } from '../kernel/types';

/** The tunables a connection set-up reads, as one plain snapshot. */
export interface FusionTunables {
  release: ReleaseId;
  pageSize: number;
  doTcpFusion: number;
  doTcpDirectSockfs: number;
  /** null: the release has no unread-write count check (CR 6826274). */
  unreadMin: number | null;
  xmitHiwat: number;
  recvHiwat: number;
  maxBuf: number;
  sthRcvHiwat: number;
}

function symbolValue(k: Kernel, name: string): number | null {
  const sym = k.lookup(name);
  return sym ? Number(k.value(sym)) : null;
}

function tcpNdd(k: Kernel, name: string): number {
  return k.ndd('/dev/tcp', name)?.value ?? 0;
}

/** Today's tunables of a model kernel: what a connection made now would latch. */
export function tunablesFromKernel(k: Kernel): FusionTunables {
  return {
    release: k.release.id,
    pageSize: k.arch.pageSize,
    doTcpFusion: symbolValue(k, 'do_tcp_fusion') ?? 0,
    // Releases without the variable use synchronous streams only through the count-free path.
    doTcpDirectSockfs: symbolValue(k, 'do_tcp_direct_sockfs') ?? 1,
    unreadMin: symbolValue(k, 'tcp_fusion_rcv_unread_min'),
    xmitHiwat: tcpNdd(k, 'tcp_xmit_hiwat'),
    recvHiwat: tcpNdd(k, 'tcp_recv_hiwat'),
    maxBuf: tcpNdd(k, 'tcp_max_buf'),
    sthRcvHiwat: tcpNdd(k, 'tcp_sth_rcv_hiwat'),
  };
}

/** The release defaults on an architecture. */
export function defaultTunables(release: ReleaseId = 's10', arch: ArchId = 'sun4v'): FusionTunables {
  return tunablesFromKernel(new Kernel(release, arch));
}
