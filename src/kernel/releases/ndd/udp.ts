import { BUF_MAX, flags, rows } from './row';
import type { SharedNdd } from '../tunable';

const p = rows('/dev/udp');
const b = flags('/dev/udp');
const ILLUMOS_ONLY = { s10: 'absent', opensolaris: 'absent', solaris11: 'absent' } as const;

// /dev/udp (udp_param_arr of Solaris 10 udp.c; illumos udp_tunables.c).
/** Built when a session first asks for ndd (a piped read of a variable never does). */
export const udpParams = (): SharedNdd[] => [
  p('udp_wroff_extra', 0, 256, 32, 'Bytes left in front of each datagram for link-layer headers.'),
  p('udp_ipv4_ttl', 1, 255, 255, 'Time to live of outgoing IPv4 datagrams.'),
  p('udp_ipv6_hoplimit', 0, 255, 60, 'Hop limit of outgoing IPv6 datagrams.'),
  p('udp_smallest_nonpriv_port', 1024, 32 * 1024, 1024, 'Ports below this need privilege to bind.'),
  b('udp_do_checksum', 1, 'Compute checksums on outgoing IPv4 datagrams.'),
  p('udp_smallest_anon_port', 1024, 65535, 32 * 1024, 'First port of the range handed out to unbound sockets.'),
  p('udp_largest_anon_port', 1024, 65535, 65535, 'Last port of the range handed out to unbound sockets.'),
  p('udp_xmit_hiwat', 1024, BUF_MAX, 57344, 'Default send buffer (SO_SNDBUF), the largest datagram that can be sent.'),
  p('udp_xmit_lowat', 0, BUF_MAX, 1024, 'Send space that makes a UDP socket writable again.'),
  p('udp_recv_hiwat', 128, BUF_MAX, 57344, 'Default receive buffer (SO_RCVBUF) of a UDP socket.'),
  p('udp_max_buf', 65536, BUF_MAX, 2 * 1024 * 1024, 'Largest send or receive buffer an application may ask for.'),
  b('udp_pmtu_discovery', 0, 'Set DF on outgoing datagrams to discover the path MTU.', ILLUMOS_ONLY),
  b('udp_sendto_ignerr', 0, 'Do not report ICMP errors of unconnected sends back to the socket.', ILLUMOS_ONLY),
];
