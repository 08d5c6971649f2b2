import type { VariableEntry } from '../types';

// After CR 6826274 (OpenSolaris, 2009) the unread-write counter was taken out of
// tcp_fusion.c; only do_tcp_fusion remains.
export const unreadMinRemoved: VariableEntry = {
  name: 'tcp_fusion_rcv_unread_min', module: 'ip', type: 'uint_t', default: 8,
  description: 'Floor of the unread-write count of a fused receiver (Solaris 10 only).',
  status: 'removed', replacedBy: 'the unread-write count check was removed by CR 6826274; fused flow control counts bytes only',
  since: 'OpenSolaris, 2009',
  source: 'CR 6826274; illumos-gate usr/src/uts/common/inet/tcp/tcp_fusion.c',
};

export const doTcpFusion: VariableEntry = {
  name: 'do_tcp_fusion', module: 'ip', type: 'boolean_t', default: 1, range: [0, 1],
  description: 'Fuse TCP endpoints on the same host so data skips the protocol stack.',
  status: 'current', source: 'illumos-gate usr/src/uts/common/inet/tcp/tcp_fusion.c',
};
