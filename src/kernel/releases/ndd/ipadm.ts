import type { NddParam } from '../../types';

// ndd -> ipadm property names, for the releases that tune TCP/IP with ipadm
// (illumos, Oracle Solaris 11). From the map[] of Solaris 11's ndd.c and libipadm's
// ipadm_legacy2new_propname(): a few public names, and for every other
// parameter the name without its protocol prefix, keeping the underscore
// (tcp_conn_req_max_q -> _conn_req_max_q), which marks a private property.
const PUBLIC: Readonly<Record<string, string>> = {
  tcp_xmit_hiwat: 'send_buf', tcp_recv_hiwat: 'recv_buf', tcp_max_buf: 'max_buf',
  tcp_sack_permitted: 'sack', tcp_ecn_permitted: 'ecn',
  tcp_smallest_anon_port: 'smallest_anon_port', tcp_largest_anon_port: 'largest_anon_port',
  tcp_smallest_nonpriv_port: 'smallest_nonpriv_port',
  udp_xmit_hiwat: 'send_buf', udp_recv_hiwat: 'recv_buf', udp_max_buf: 'max_buf',
  udp_smallest_anon_port: 'smallest_anon_port', udp_largest_anon_port: 'largest_anon_port',
  udp_smallest_nonpriv_port: 'smallest_nonpriv_port',
  ip_def_ttl: 'ttl', ip6_def_hops: 'hoplimit', ip_forwarding: 'forwarding', ip6_forwarding: 'forwarding',
};

const PROTOCOL: Readonly<Record<NddParam['device'], string>> = { '/dev/tcp': 'tcp', '/dev/udp': 'udp', '/dev/ip': 'ip' };

/** The ipadm property an ndd parameter became, and the protocol it is set on. */
export function ipadmProperty(p: Pick<NddParam, 'device' | 'name'>): { name: string; protocol: string } {
  const proto = p.name.startsWith('ip6_') ? 'ipv6' : p.device === '/dev/ip' ? 'ipv4' : PROTOCOL[p.device];
  const pub = PUBLIC[p.name];
  if (pub) return { name: pub, protocol: proto };
  // ipadm_legacy2new_propname(): strip the leading protocol name, keep the '_'.
  const prefix = /^(?:tcp|udp|icmp|sctp|ip6|ip)(?=_)/.exec(p.name)?.[0] ?? '';
  return { name: p.name.slice(prefix.length), protocol: proto };
}

/** The parameters with their ipadm names filled in. */
export function withIpadm(params: readonly NddParam[]): NddParam[] {
  return params.map((p) => ({ ...p, ipadm: ipadmProperty(p).name }));
}
