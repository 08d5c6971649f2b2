import type { FusionTunables } from './tunables';
import type { Flow } from './workload';

/** Why a connection between S and R is not fused, in the order tcp_fuse() tests them. */
export type NotFusedReason =
  | 'fusion-off' | 'remote-peer' | 'ipsec' | 'ipqos' | 'kssl' | 'ip-options' | 'different-squeue';

/** What a connection latched when it was established; later tunable changes do not touch it. */
export interface Connection {
  fused: boolean;
  notFusedReason: NotFusedReason | null;
  /** S's send buffer: SO_SNDBUF, else tcp_xmit_hiwat. */
  sndbuf: number;
  /** SO_SNDBUF above tcp_max_buf: setsockopt failed with ENOBUFS and sndbuf kept its default. */
  sndbufError: 'ENOBUFS' | null;
  /** R's receive high-water mark, clamped and page-rounded. */
  rcvHiwater: number;
  /** Size of the chunks the stream head cuts a write into; null when not fused. */
  maxpsz: number | null;
  /**
   * tcp_fuse_rcv_unread_hiwater latched on R: 0 when the count check is off, null when not
   * fused or the release has no count check. A TLI or module reader still latches it, but
   * countCheck is false: the value is there, nothing tests it.
   */
  unreadHiwater: number | null;
  /** R.unread_cnt is tested against unreadHiwater on each enqueue. */
  countCheck: boolean;
}

const roundup = (x: number, to: number): number => Math.ceil(x / to) * to;

// tcp_fuse(): the conditions that keep a pair of local endpoints unfused.
const EXCEPTIONS: readonly [keyof Flow, NotFusedReason][] = [
  ['ipsec', 'ipsec'],
  ['ipqos', 'ipqos'],
  ['kssl', 'kssl'],
  ['ipOptions', 'ip-options'],
  ['differentSqueue', 'different-squeue'],
];

function notFusedReason(t: FusionTunables, flow: Flow): NotFusedReason | null {
  // A remote pair is never a fusion candidate: that is why it is unfused, whatever do_tcp_fusion says.
  if (flow.peer === 'remote') return 'remote-peer';
  if (t.doTcpFusion === 0) return 'fusion-off';
  return EXCEPTIONS.find(([field]) => flow[field] === true)?.[1] ?? null;
}

/** Sets up S -> R with today's tunables and latches what the connection keeps. */
export function establish(t: FusionTunables, flow: Flow): Connection {
  const reason = notFusedReason(t, flow);
  const fused = reason === null;
  // tcp_opt_set SO_SNDBUF: a value above tcp_max_buf fails with ENOBUFS.
  const sndbufError = flow.sndbuf !== undefined && flow.sndbuf > t.maxBuf ? 'ENOBUFS' : null;
  const sndbuf = flow.sndbuf !== undefined && sndbufError === null ? flow.sndbuf : t.xmitHiwat;
  // tcp_fuse_set_rcv_hiwat: clamp to [tcp_sth_rcv_hiwat, tcp_max_buf], round up to a page.
  const wanted = flow.rcvbuf ?? t.recvHiwat;
  const rcvHiwater = roundup(Math.min(Math.max(wanted, t.sthRcvHiwat), t.maxBuf), t.pageSize);
  // tcp_fuse_maxpsz_set: half of the smaller buffer, page-rounded.
  const maxpsz = fused ? roundup(Math.min(sndbuf, rcvHiwater), t.pageSize) / 2 : null;
  // tcp_fuse(): 0 turns the count check off, else MAX(sndbuf >> 14, tcp_fusion_rcv_unread_min).
  const unreadHiwater = fused && t.unreadMin !== null
    ? (t.unreadMin === 0 ? 0 : Math.max(sndbuf >>> 14, t.unreadMin))
    : null;
  // The count applies to synchronous-streams receivers only: a socket with do_tcp_direct_sockfs.
  const syncStreams = (flow.receiver ?? 'socket') === 'socket' && t.doTcpDirectSockfs !== 0;
  const countCheck = unreadHiwater !== null && unreadHiwater !== 0 && syncStreams;
  return { fused, notFusedReason: reason, sndbuf, sndbufError, rcvHiwater, maxpsz, unreadHiwater, countCheck };
}
