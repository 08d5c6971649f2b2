import type { FusionTunables } from './tunables';

// What ::sweep can vary and how many rows it prints: plain data, read by the
// sweep (src/fusion/sweep.ts) and by the dcmd's help, which must not load it.

type NumericTunable = Exclude<keyof FusionTunables, 'release' | 'pageSize'>;

/** The tunables a sweep can vary, by their kernel (or ndd) names. */
export const SWEEPABLE = {
  tcp_fusion_rcv_unread_min: 'unreadMin',
  do_tcp_fusion: 'doTcpFusion',
  do_tcp_direct_sockfs: 'doTcpDirectSockfs',
  tcp_xmit_hiwat: 'xmitHiwat',
  tcp_recv_hiwat: 'recvHiwat',
  tcp_max_buf: 'maxBuf',
  tcp_sth_rcv_hiwat: 'sthRcvHiwat',
} as const satisfies Record<string, NumericTunable>;

export type SweepTunable = keyof typeof SWEEPABLE;

/** The sweepable tunables that are /dev/tcp parameters (ndd -set), not kernel variables. */
export const SWEEPABLE_NDD: readonly SweepTunable[] = ['tcp_xmit_hiwat', 'tcp_recv_hiwat', 'tcp_max_buf', 'tcp_sth_rcv_hiwat'];

/** Most rows a sweep prints; a wider range is walked with a larger step. */
export const MAX_SWEEP_ROWS = 128;
