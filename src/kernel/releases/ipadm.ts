import type { NddDevice, ReleaseId } from '../types';

// How an ndd setting outlives a reboot, per release, and the ipadm names of the /dev/tcp
// parameters. A new release is one row of HOW_TO_KEEP (and, if its property table differs,
// one more table).

/** `ndd`: ndd -set lasts until reboot, so it is repeated at boot; `ipadm`: set-prop persists. */
export type NddPersistence = 'ndd' | 'ipadm';

const HOW_TO_KEEP: Readonly<Record<string, NddPersistence>> = {
  s10: 'ndd',
  opensolaris: 'ndd',
  illumos: 'ipadm',
  solaris11: 'ipadm',
};

export const nddPersistence = (release: ReleaseId): NddPersistence => HOW_TO_KEEP[release] ?? 'ndd';

// tcp_propinfo_tbl of tcp_tunables.c (illumos-gate; Solaris 11 has the same names): every
// name ipadm set-prop takes for protocol tcp. Names without "_" are the public ones (PSARC 2010/080).
export const TCP_PROPERTIES: readonly string[] = [
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

// ndd.c map[]: the ndd names with a public ipadm name of their own.
const RENAMED: Readonly<Record<string, string>> = {
  tcp_xmit_hiwat: 'send_buf',
  tcp_recv_hiwat: 'recv_buf',
  tcp_max_buf: 'max_buf',
  tcp_sack_permitted: 'sack',
  tcp_ecn_permitted: 'ecn',
  tcp_smallest_anon_port: 'smallest_anon_port',
  tcp_largest_anon_port: 'largest_anon_port',
  tcp_smallest_nonpriv_port: 'smallest_nonpriv_port',
  tcp_extra_priv_ports: 'extra_priv_ports',
};

/**
 * The ipadm property of an ndd parameter of /dev/tcp: ndd.c's map, else libipadm's
 * ipadm_legacy2new_propname (drop the leading "tcp", keep the "_"); null when tcp_propinfo_tbl
 * has no such property (tcp_sth_rcv_hiwat, for one).
 */
export function tcpProperty(nddName: string): string | null {
  const name = RENAMED[nddName] ?? nddName.replace(/^tcp(?=_)/, '');
  return TCP_PROPERTIES.includes(name) ? name : null;
}

/** ndd(1M): `ndd -set DEVICE NAME VALUE`. */
export const nddSetCommand = (device: NddDevice, name: string, value: number): string => `ndd -set ${device} ${name} ${value}`;

/** ipadm(1M): `ipadm set-prop -p PROP=VALUE tcp`; null when there is no such property. */
export function ipadmSetCommand(device: NddDevice, name: string, value: number): string | null {
  if (device !== '/dev/tcp') return null;
  const prop = tcpProperty(name);
  return prop === null ? null : `ipadm set-prop -p ${prop}=${value} tcp`;
}

/** The command that keeps an ndd setting on a release, and what to say about it. */
export interface KeepCommand {
  command: string;
  /** It lasts only until reboot: it must be run again at boot. */
  atBoot: boolean;
}

export function keepNddCommand(release: ReleaseId, device: NddDevice, name: string, value: number): KeepCommand {
  const ipadm = nddPersistence(release) === 'ipadm' ? ipadmSetCommand(device, name, value) : null;
  return ipadm !== null ? { command: ipadm, atBoot: false } : { command: nddSetCommand(device, name, value), atBoot: true };
}
