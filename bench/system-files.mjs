// The large /etc/system files the benchmarks check, generated on the fly.

/** Lines in the style admins write, with repeats, typos, ndd mistakes and errors (40% diagnostics). */
const MIXED_SHAPES = [
  '* tuning for the message bus, see case 4821256',
  'set ip:tcp_fusion_rcv_unread_min = 0x20',
  'set ip:tcp_fusion_rcv_unread_min | 0x3',
  'set ip:do_tcp_fusion=1',
  'set tcp:tcp_xmit_hiwat=65536',
  'forceload: drv/ipf',
  'set ip:tcp_fusion_rcv_unread_mn=16',
  'set ip:fusion_mdb_uncatalogued_knob=1',
  'set ip:tcp_fusion_rcv_unread_min = 08',
  '',
];

/** `lines` lines cycling through the mixed shapes. */
export function mixedSystemFile(lines) {
  return Array.from({ length: lines }, (_, i) => MIXED_SHAPES[i % MIXED_SHAPES.length]).join('\n') + '\n';
}
