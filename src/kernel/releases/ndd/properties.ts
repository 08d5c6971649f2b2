import type { NddDevice, NddParam, ReleaseCatalogue } from '../../types';
import { ipadmProperty } from './ipadm';

// The properties ipadm set-prop takes, from the mod_prop_info_t tables of illumos-gate
// (tcp_tunables.c, udp_tunables.c, ip_tunables.c; Oracle Solaris 11 has the same names), and
// the commands that keep an ndd setting on a release: ipadm set-prop where the release tunes
// with ipadm and the property exists, else ndd -set run again at boot.

// tcp_propinfo_tbl of tcp_tunables.c (illumos-gate; Solaris 11 has the same names): every
// name ipadm set-prop takes for protocol tcp. Names without "_" are the public ones (PSARC 2010/080).
const TCP: readonly string[] = [
  '_time_wait_interval', '_conn_req_max_q', '_conn_req_max_q0', '_conn_req_min', '_conn_grace_period',
  '_cwnd_max', '_debug', 'smallest_nonpriv_port', '_ip_abort_cinterval', '_ip_abort_linterval',
  '_ip_abort_interval', '_ip_notify_cinterval', '_ip_notify_interval', '_ipv4_ttl', '_keepalive_interval',
  '_maxpsz_multiplier', '_mss_def_ipv4', '_mss_max_ipv4', '_mss_min', '_naglim_def',
  '_rexmit_interval_initial', '_rexmit_interval_max', '_rexmit_interval_min', '_deferred_ack_interval',
  '_snd_lowat_fraction', '_dupack_fast_retransmit', '_ignore_path_mtu', 'smallest_anon_port',
  'largest_anon_port', 'send_buf', '_xmit_lowat', 'recv_buf', '_recv_hiwat_minmss',
  '_fin_wait_2_flush_interval', 'max_buf', '_strong_iss', '_rtt_updates', '_wscale_always',
  '_tstamp_always', '_tstamp_if_wscale', '_rexmit_interval_extra', '_deferred_acks_max',
  '_slow_start_after_idle', '_slow_start_initial', 'sack', '_ipv6_hoplimit', '_mss_def_ipv6',
  '_mss_max_ipv6', '_rev_src_routes', '_local_dack_interval', '_local_dacks_max', 'ecn',
  '_rst_sent_rate_enabled', '_rst_sent_rate', '_push_timer_interval', '_use_smss_as_mss_opt',
  '_keepalive_abort_interval', '_wroff_xtra', '_dev_flow_ctl', '_reass_timeout', 'extra_priv_ports',
  '_1948_phrase', '_listener_limit_conf', '_listener_limit_conf_add', '_listener_limit_conf_del', '_iss_incr',
];

// udp_propinfo_tbl.
const UDP: readonly string[] = [
  '_wroff_extra', '_ipv4_ttl', '_ipv6_hoplimit', 'smallest_nonpriv_port', '_do_checksum', 'smallest_anon_port',
  'largest_anon_port', 'send_buf', '_xmit_lowat', 'recv_buf', 'max_buf', '_pmtu_discovery', '_sendto_ignerr',
  'extra_priv_ports',
];

// ip_propinfo_tbl: MOD_PROTO_IP entries are set on protocol "ip", the others on "ipv4" or "ipv6".
const IP: readonly string[] = [
  '_respond_to_address_mask_broadcast', '_respond_to_echo_broadcast', '_respond_to_timestamp',
  '_respond_to_timestamp_broadcast', '_forward_directed_broadcasts', '_mrtdebug', '_ire_reclaim_fraction',
  '_nce_reclaim_fraction', '_dce_reclaim_fraction', '_wroff_extra', '_pathmtu_interval', '_path_mtu_discovery',
  '_pmtu_min', '_arp_icmp_error', '_broadcast_ttl', '_icmp_err_interval', '_icmp_err_burst', '_reass_queue_bytes',
  '_addrs_per_if', '_ipsec_override_persocket_policy', '_icmp_accept_clear_messages', '_igmp_accept_clear_messages',
  '_ndp_delay_first_probe_time', '_ndp_max_unicast_solicit', '_src_check', '_ipsec_policy_log_interval',
  '_pim_accept_clear_messages', '_ndp_unsolicit_interval', '_ndp_unsolicit_count', '_policy_mask', '_ecmp_behavior',
  '_multirt_ttl', '_ire_badcnt_lifetime', '_max_temp_idle', '_max_temp_defend', '_max_defend', '_defend_interval',
  '_dup_recovery', '_restrict_interzone_loopback', '_lso_outbound', '_igmp_max_version', '_mld_max_version',
  '_cgtp_filter', '_arp_probe_delay', '_arp_fastprobe_delay', '_arp_probe_interval', '_arp_fastprobe_interval',
  '_arp_probe_count', '_arp_fastprobe_count', '_arp_defend_interval', '_arp_defend_rate', '_ndp_defend_interval',
  '_ndp_defend_rate', '_arp_defend_period', '_ndp_defend_period', '_arp_publish_count', '_arp_publish_interval',
  '_dce_reclaim_threshold', '_debug',
];
const IPV4: readonly string[] = [
  '_respond_to_echo_multicast', '_send_redirects', 'ttl', '_forward_src_routed', '_icmp_return_data_bytes',
  '_ignore_redirect', '_strict_dst_multihoming', 'forwarding', '_reasm_timeout', '_dad_announce_interval',
  '_icmp_return_pmtu', '_strict_src_multihoming', 'mtu', 'hostmodel',
];
const IPV6: readonly string[] = [
  'hoplimit', '_icmp_return_data_bytes', '_forward_src_routed', '_respond_to_echo_multicast', '_send_redirects',
  '_ignore_redirect', '_strict_dst_multihoming', '_ignore_home_address_opt', 'forwarding', '_reasm_timeout',
  '_dad_announce_interval', '_icmp_return_pmtu', '_strict_src_multihoming', 'mtu', 'hostmodel',
];

/** Every property per ipadm protocol name. */
export const IPADM_PROPERTIES: Readonly<Record<string, readonly string[]>> = { tcp: TCP, udp: UDP, ip: IP, ipv4: IPV4, ipv6: IPV6 };

/** The ipadm property and protocol an ndd parameter is set with; null when there is none. */
export function ipadmTarget(p: Pick<NddParam, 'device' | 'name'>): { name: string; protocol: string } | null {
  const { name } = ipadmProperty(p);
  if (p.device !== '/dev/ip') {
    const protocol = p.device === '/dev/tcp' ? 'tcp' : 'udp';
    return IPADM_PROPERTIES[protocol]?.includes(name) ? { name, protocol } : null;
  }
  const family = p.name.startsWith('ip6_') ? 'ipv6' : 'ipv4';
  if (IPADM_PROPERTIES[family]?.includes(name)) return { name, protocol: family };
  return IP.includes(name) ? { name, protocol: 'ip' } : null;
}

/** ndd(1M): `ndd -set DEVICE NAME VALUE`. */
export const nddSetCommand = (device: NddDevice, name: string, value: number | string): string => `ndd -set ${device} ${name} ${value}`;

/** ipadm(1M) on a release that tunes with it: `ipadm set-prop -p PROP=VALUE PROTO`; else null. */
export function ipadmSetCommand(release: Pick<ReleaseCatalogue, 'ipadm'>, p: Pick<NddParam, 'device' | 'name'>, value: number | string): string | null {
  if (!release.ipadm) return null;
  const target = ipadmTarget(p);
  return target === null ? null : `ipadm set-prop -p ${target.name}=${value} ${target.protocol}`;
}

/** The command that keeps an ndd setting on a release, and whether it must run at every boot. */
export interface KeepCommand {
  command: string;
  atBoot: boolean;
}

export function keepNddCommand(release: Pick<ReleaseCatalogue, 'ipadm'>, p: Pick<NddParam, 'device' | 'name'>, value: number): KeepCommand {
  const ipadm = ipadmSetCommand(release, p, value);
  return ipadm !== null ? { command: ipadm, atBoot: false } : { command: nddSetCommand(p.device, p.name, value), atBoot: true };
}
