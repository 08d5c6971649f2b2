import { describe, expect, it } from 'vitest';
import { RELEASES } from '../../src/kernel/releases';
import { ipadmProperty } from '../../src/kernel/releases/ndd/ipadm';

// ndd -> ipadm: the public names of Solaris 11's ndd.c map[], else the private
// _name libipadm makes by dropping the protocol (boot.md section 6).
describe('ipadm property names', () => {
  it.each([
    ['/dev/tcp', 'tcp_xmit_hiwat', 'send_buf', 'tcp'],
    ['/dev/tcp', 'tcp_recv_hiwat', 'recv_buf', 'tcp'],
    ['/dev/tcp', 'tcp_max_buf', 'max_buf', 'tcp'],
    ['/dev/tcp', 'tcp_sack_permitted', 'sack', 'tcp'],
    ['/dev/tcp', 'tcp_conn_req_max_q', '_conn_req_max_q', 'tcp'],
    ['/dev/tcp', 'tcp_time_wait_interval', '_time_wait_interval', 'tcp'],
    ['/dev/udp', 'udp_max_buf', 'max_buf', 'udp'],
    ['/dev/ip', 'ip_def_ttl', 'ttl', 'ipv4'],
    ['/dev/ip', 'ip6_def_hops', 'hoplimit', 'ipv6'],
    ['/dev/ip', 'ip_respond_to_echo_broadcast', '_respond_to_echo_broadcast', 'ipv4'],
  ] as const)('%s %s is %s on %s', (device, name, prop, protocol) => {
    expect(ipadmProperty({ device, name })).toEqual({ name: prop, protocol });
  });

  it('is filled in on the releases tuned with ipadm, and only there', () => {
    const send = (id: keyof typeof RELEASES) => RELEASES[id].ndd.find((p) => p.name === 'tcp_xmit_hiwat')?.ipadm;
    expect([send('illumos'), send('solaris11'), send('s10'), send('opensolaris')]).toEqual(['send_buf', 'send_buf', undefined, undefined]);
  });
});
