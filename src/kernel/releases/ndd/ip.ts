import { flags, rows } from './row';
import type { SharedNdd } from '../tunable';

const p = rows('/dev/ip');
const b = flags('/dev/ip');
const NOT_S10 = { s10: 'absent' } as const;

// /dev/ip (ip_param_arr of Solaris 10 ip.c; illumos ip_tunables.c). The names are
// the ndd ones; illumos also takes them through ipadm under shorter names.
/** Built when a session first asks for ndd (a piped read of a variable never does). */
export const ipParams = (): SharedNdd[] => [
  b('ip_forwarding', 0, 'Route IPv4 packets between interfaces (routeadm sets it at boot).'),
  b('ip6_forwarding', 0, 'Route IPv6 packets between interfaces (routeadm sets it at boot).'),
  b('ip_respond_to_address_mask_broadcast', 0, 'Answer ICMP address mask requests sent to a broadcast address.'),
  b('ip_respond_to_echo_broadcast', 1, 'Answer pings sent to a broadcast address.'),
  b('ip_respond_to_echo_multicast', 1, 'Answer IPv4 pings sent to a multicast group.'),
  b('ip6_respond_to_echo_multicast', 1, 'Answer IPv6 pings sent to a multicast group.'),
  b('ip_respond_to_timestamp', 0, 'Answer ICMP timestamp requests.'),
  b('ip_respond_to_timestamp_broadcast', 0, 'Answer ICMP timestamp requests sent to a broadcast address.'),
  b('ip_send_redirects', 1, 'Send ICMP redirects when routing IPv4.'),
  b('ip6_send_redirects', 1, 'Send ICMPv6 redirects when routing IPv6.'),
  b('ip_ignore_redirect', 0, 'Ignore ICMP redirects instead of changing the route table.'),
  b('ip6_ignore_redirect', 0, 'Ignore ICMPv6 redirects instead of changing the route table.'),
  b('ip_forward_directed_broadcasts', 0, 'Forward packets addressed to a remote subnet\'s broadcast address.'),
  b('ip_forward_src_routed', 0, 'Forward IPv4 packets that carry a source route option.'),
  b('ip6_forward_src_routed', 0, 'Forward IPv6 packets that carry a routing header.'),
  p('ip_def_ttl', 1, 255, 255, 'Time to live of outgoing IPv4 packets when the protocol sets none.'),
  p('ip6_def_hops', 1, 255, 255, 'Hop limit of outgoing IPv6 packets when the protocol sets none.'),
  p('ip_broadcast_ttl', 1, 254, 1, 'Time to live of outgoing broadcast packets.'),
  p('ip_multirt_ttl', 0, 255, 1, 'Time to live ceiling of multirouted (CGTP) packets.'),
  p('ip_wroff_extra', 0, 256, 32, 'Bytes left in front of each packet for link-layer headers.'),
  p('ip_icmp_return_data_bytes', 8, 65536, 64, 'Bytes of the offending packet quoted in an ICMP error.'),
  p('ip6_icmp_return_data_bytes', 8, 1280, 1280, 'Bytes of the offending packet quoted in an ICMPv6 error.'),
  b('ip_path_mtu_discovery', 1, 'Set DF on outgoing packets to discover the path MTU.'),
  p('ip_icmp_err_interval', 0, 99999, 100, 'Interval of the ICMP error rate limit (ms).'),
  p('ip_icmp_err_burst', 1, 99999, 10, 'ICMP errors allowed within one interval.'),
  p('ip_reass_queue_bytes', 0, 999999999, 1000000, 'Bytes of fragments held for reassembly.'),
  p('ip_strict_dst_multihoming', 0, 1, 0, 'Accept IPv4 packets only on the interface that owns the address.'),
  p('ip6_strict_dst_multihoming', 0, 1, 0, 'Accept IPv6 packets only on the interface that owns the address.'),
  p('ip_addrs_per_if', 1, 8192, 256, 'Logical interfaces (addresses) per physical interface.'),
  b('ip_ipsec_override_persocket_policy', 0, 'Let global IPsec policy override a socket\'s own policy.'),
  b('ip_icmp_accept_clear_messages', 1, 'Accept clear ICMP packets even when policy asks for IPsec.'),
  b('ip_igmp_accept_clear_messages', 1, 'Accept clear IGMP packets even when policy asks for IPsec.'),
  b('ip_pim_accept_clear_messages', 1, 'Accept clear PIM packets even when policy asks for IPsec.'),
  p('ip_ipsec_policy_log_interval', 0, 999999, 1000, 'Least time between two IPsec policy failure messages (ms).'),
  p('ip_ndp_delay_first_probe_time', 2, 999999999, 5000, 'Wait before the first neighbour unreachability probe (ms).'),
  p('ip_ndp_max_unicast_solicit', 1, 999999999, 3, 'Unicast neighbour solicitations before a neighbour is declared gone.'),
  p('ip_ndp_unsolicit_interval', 1000, 20000, 2000, 'Time between unsolicited neighbour advertisements (ms).'),
  p('ip_ndp_unsolicit_count', 1, 20, 3, 'Unsolicited neighbour advertisements sent on an address change.'),
  b('ip6_ignore_home_address_opt', 1, 'Ignore the IPv6 home address destination option.'),
  p('ip_policy_mask', 0, 15, 0, 'Bit mask that turns IPQoS policy off per direction and family.'),
  b('ip_cgtp_filter', 0, 'Filter duplicate packets of Carrier Grade Transport (multirouting).'),
  p('ip_igmp_max_version', 1, 3, 3, 'Highest IGMP version the host speaks.'),
  p('ip_mld_max_version', 1, 2, 2, 'Highest MLD version the host speaks.'),
  b('ip_restrict_interzone_loopback', 1, 'Keep zone-to-zone traffic off the loopback shortcut unless allowed.', NOT_S10),
  b('ip_lso_outbound', 1, 'Hand large TCP sends to NICs that segment them (LSO).', NOT_S10),
  p('ip_dup_recovery', 0, 3600000, 300000, 'Wait before retrying an address found in use by another host (ms).', NOT_S10),
  p('ip_max_defend', 0, 1000, 3, 'Times an address is defended against a conflict within ip_defend_interval.', NOT_S10),
  p('ip_defend_interval', 0, 999999, 30, 'Window over which address defences are counted (s).', NOT_S10),
];
