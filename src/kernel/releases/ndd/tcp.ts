import { HOUR, MINUTE, SECOND, UINT32_MAX, flags, rows } from './row';
import type { SharedNdd } from '../tunable';

const p = rows('/dev/tcp');
const b = flags('/dev/tcp');
const MSS_MAX_IPV4 = 65535 - 20 - 20;
const MSS_MAX_IPV6 = 65535 - 40 - 20;

// /dev/tcp beyond the five of tcp-ndd.ts (the fusion model's buffers). Rows follow
// tcp_param_arr of the Solaris 10 tcp.c: min, max, default; times in milliseconds.
// illumos moved the table to tcp_tunables.c, where some defaults changed.
/** Built when a session first asks for ndd (a piped read of a variable never does). */
export const tcpParams = (): SharedNdd[] => [
  p('tcp_time_wait_interval', 1 * SECOND, 10 * MINUTE, 1 * MINUTE, 'How long a closed connection stays in TIME-WAIT (ms).'),
  p('tcp_conn_req_max_q', 1, UINT32_MAX, 128, 'Default ceiling of completed connections waiting for accept().'),
  p('tcp_conn_req_max_q0', 0, UINT32_MAX, 1024, 'Ceiling of half-open (SYN received) connections per listener.'),
  p('tcp_conn_req_min', 1, 1024, 1, 'Smallest accept backlog a listener gets, whatever listen() asks.'),
  p('tcp_conn_grace_period', 0, 20 * SECOND, 0, 'Extra time added to the first SYN retransmission (ms).'),
  p('tcp_cwnd_max', 128, 1 << 30, 1024 * 1024, 'Largest congestion window a connection may open (bytes).'),
  p('tcp_debug', 0, 10, 0, 'TCP debug message level.'),
  p('tcp_smallest_nonpriv_port', 1024, 32 * 1024, 1024, 'Ports below this need privilege to bind.'),
  p('tcp_ip_abort_cinterval', 1 * SECOND, UINT32_MAX, 3 * MINUTE, 'Time an active open keeps retrying before it gives up (ms).'),
  p('tcp_ip_abort_linterval', 1 * SECOND, UINT32_MAX, 3 * MINUTE, 'Time a passive open keeps retrying its SYN-ACK (ms).'),
  p('tcp_ip_abort_interval', 500, UINT32_MAX, 8 * MINUTE, 'Time without acknowledgement before an established connection is dropped (ms).',
    { illumos: { default: 5 * MINUTE } }),
  p('tcp_ip_notify_cinterval', 1 * SECOND, UINT32_MAX, 10 * SECOND, 'Retry time of an open before IP is told to look for another route (ms).'),
  p('tcp_ip_notify_interval', 500, UINT32_MAX, 10 * SECOND, 'Retry time on a connection before IP is told to look for another route (ms).'),
  p('tcp_ipv4_ttl', 1, 255, 64, 'Time to live of outgoing IPv4 TCP packets.'),
  p('tcp_keepalive_interval', 10 * SECOND, 10 * 24 * HOUR, 2 * HOUR, 'Idle time before the first keepalive probe (ms).'),
  p('tcp_maxpsz_multiplier', 0, 100, 10, 'Multiple of the MSS that the stream head may hand TCP in one piece.'),
  p('tcp_mss_def_ipv4', 1, MSS_MAX_IPV4, 536, 'MSS assumed for an IPv4 peer off the local network.'),
  p('tcp_mss_max_ipv4', 1, MSS_MAX_IPV4, MSS_MAX_IPV4, 'Largest IPv4 MSS TCP will use.'),
  p('tcp_mss_min', 1, MSS_MAX_IPV4, 108, 'Smallest MSS TCP will use.'),
  p('tcp_naglim_def', 1, 64 * 1024 - 1, 4 * 1024 - 1, 'Bytes under which Nagle holds small segments back.'),
  p('tcp_rexmit_interval_initial', 1, 20 * SECOND, 3 * SECOND, 'First retransmission timeout of a connection (ms).',
    { illumos: { default: 1 * SECOND } }),
  p('tcp_rexmit_interval_max', 1, 2 * HOUR, 60 * SECOND, 'Ceiling of the retransmission timeout (ms).'),
  p('tcp_rexmit_interval_min', 1, 2 * HOUR, 400, 'Floor of the retransmission timeout (ms).'),
  p('tcp_rexmit_interval_extra', 0, 2 * HOUR, 0, 'Constant added to every computed retransmission timeout (ms).'),
  p('tcp_deferred_ack_interval', 1, 1 * MINUTE, 100, 'Delayed-ACK timer for peers off the local network (ms).'),
  p('tcp_deferred_acks_max', 0, 16, 2, 'Segments from a remote peer before an ACK is forced.'),
  p('tcp_local_dack_interval', 10, 500, 50, 'Delayed-ACK timer for directly connected peers (ms).'),
  p('tcp_local_dacks_max', 0, 16, 8, 'Segments from a directly connected peer before an ACK is forced.'),
  p('tcp_snd_lowat_fraction', 0, 16, 0, 'If set, the send low-water mark becomes the high-water mark divided by this.'),
  p('tcp_dupack_fast_retransmit', 1, 10000, 3, 'Duplicate ACKs that trigger a fast retransmit.'),
  b('tcp_ignore_path_mtu', 0, 'Ignore path MTU discovery when sizing segments.'),
  p('tcp_smallest_anon_port', 1024, 65535, 32 * 1024, 'First port of the range handed out to unbound sockets.'),
  p('tcp_largest_anon_port', 1024, 65535, 65535, 'Last port of the range handed out to unbound sockets.'),
  p('tcp_recv_hiwat_minmss', 1, 65536, 4, 'The receive window is at least this many MSS.'),
  p('tcp_fin_wait_2_flush_interval', 1 * SECOND, 2 * HOUR, 675 * SECOND, 'How long a FIN-WAIT-2 connection waits for the peer before it is dropped (ms).',
    { illumos: { default: 60 * SECOND } }),
  p('tcp_strong_iss', 0, 2, 1, 'Initial sequence numbers: 0 predictable, 1 improved, 2 RFC 1948.'),
  p('tcp_rtt_updates', 0, 65536, 20, 'RTT samples before a route\'s cached RTT is updated.'),
  b('tcp_wscale_always', 1, 'Offer window scaling in every SYN, not only for large windows.'),
  b('tcp_tstamp_always', 0, 'Offer the timestamp option in every SYN.'),
  b('tcp_tstamp_if_wscale', 1, 'Use timestamps whenever window scaling is on.'),
  p('tcp_slow_start_after_idle', 1, 16384, 4, 'Congestion window, in MSS, after a connection has been idle.'),
  p('tcp_slow_start_initial', 1, 4, 4, 'Initial congestion window, in MSS.'),
  p('tcp_sack_permitted', 0, 2, 2, 'Selective ACK: 0 never, 1 only if the peer offers it, 2 offer it.'),
  p('tcp_ipv6_hoplimit', 0, 255, 60, 'Hop limit of outgoing IPv6 TCP packets.'),
  p('tcp_mss_def_ipv6', 1, MSS_MAX_IPV6, 1220, 'MSS assumed for an IPv6 peer off the local network.'),
  p('tcp_mss_max_ipv6', 1, MSS_MAX_IPV6, MSS_MAX_IPV6, 'Largest IPv6 MSS TCP will use.'),
  b('tcp_rev_src_routes', 0, 'Reply along the reversed source route of a source-routed SYN.'),
  p('tcp_ecn_permitted', 0, 2, 1, 'ECN: 0 never, 1 when the peer asks, 2 ask for it too.'),
  b('tcp_rst_sent_rate_enabled', 1, 'Rate-limit the RSTs TCP sends.'),
  p('tcp_rst_sent_rate', 0, UINT32_MAX, 40, 'Most RSTs sent per second when the limit is on.'),
  p('tcp_push_timer_interval', 0, 100, 50, 'Wait before pushing data the receive side holds back (ms).'),
  b('tcp_use_smss_as_mss_opt', 0, 'Advertise the MSS in use rather than the largest one.'),
  p('tcp_keepalive_abort_interval', 0, UINT32_MAX, 8 * MINUTE, 'Unanswered keepalive probing before the connection is dropped (ms).'),
  p('tcp_wroff_xtra', 0, 256, 32, 'Bytes left in front of each packet for link-layer headers.'),
];
