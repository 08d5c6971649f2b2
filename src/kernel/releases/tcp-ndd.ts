import type { NddParam } from '../types';

// The /dev/tcp parameters the fusion model reads (tcp.c tcp_param_arr), with the
// per-release defaults of fusion.md. Ranges are those of the Solaris 10 table.
export function tcpNdd(d: { xmitHiwat: number; recvHiwat: number; maxBuf: number }): NddParam[] {
  return [
    { device: '/dev/tcp', name: 'tcp_xmit_hiwat', default: d.xmitHiwat, min: 4096, max: 1 << 30,
      description: 'Default send buffer (SO_SNDBUF) of a TCP connection, in bytes.' },
    { device: '/dev/tcp', name: 'tcp_recv_hiwat', default: d.recvHiwat, min: 2048, max: 1 << 30,
      description: 'Default receive buffer (SO_RCVBUF) of a TCP connection, in bytes.' },
    { device: '/dev/tcp', name: 'tcp_xmit_lowat', default: 4096, min: 1, max: 1 << 30,
      description: 'Bytes below which a flow-controlled sender is woken again.' },
    { device: '/dev/tcp', name: 'tcp_max_buf', default: d.maxBuf, min: 8192, max: 1 << 30,
      description: 'Largest send or receive buffer an application may ask for.' },
    { device: '/dev/tcp', name: 'tcp_sth_rcv_hiwat', default: 0, min: 0, max: 128000,
      description: 'Floor of the stream head receive high-water mark; 0 means none.' },
  ];
}
