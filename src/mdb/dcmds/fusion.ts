import { MAX_SWEEP_ROWS, SWEEPABLE, SWEEPABLE_NDD, type SweepTunable } from '../../fusion/sweep-table';
import { lazyRun, type Dcmd } from './types';

// The fusion dcmds (issue 4). The rows are data, so ::dcmds, ::help and completion
// cost nothing; each command loads its code (and the engine, cli-table3) when run.

/** None of these takes an address: `addr::fuse` is a bad call. */
const lazy = (load: () => Promise<Dcmd['run']>): Dcmd['run'] => {
  const run = lazyRun(load);
  return (ctx) => (ctx.addr !== undefined ? 'usage' : run(ctx));
};

const live = () => import('./fusion-live');

/** Connection N's reader has pid PID_BASE + N: stable from run to run (::connect's help says so). */
export const PID_BASE = 100;
const workload = () => import('./fusion-workload');

export const FUSION_DCMDS: readonly Dcmd[] = [
  {
    name: 'connect',
    args: '[-p local|remote] [-s sndbuf] [-r rcvbuf] [-m blocking|nonblocking] [-t socket|tli|module] [-x exception,...] name',
    address: 'none',
    description: 'open a TCP connection that latches today\'s tunables',
    help: [
      'Set up a connection from a sender to a receiver now, as tcp_fuse() does when the',
      'connection is established: it is fused or not (and why), and it latches sndbuf,',
      'rcv_hiwater, maxpsz and tcp_fuse_rcv_unread_hiwater. Later changes to the tunables',
      '(/W, ::ndd -set) do not touch it: ::fuse shows what it keeps next to what a new',
      `connection would get. Connection N gets id N and a reader with pid ${PID_BASE}+N.`,
      'A name that is a flow of the session workload (local, remote in the built-in one)',
      'starts from that flow\'s peer and socket options; any other name from a plain',
      'local socket pair. Sizes are read in the current radix (0t65536 is decimal).',
    ].join('\n'),
    options: [
      ['-p peer', 'local (same host, the default) or remote'],
      ['-s sndbuf', 'the sender\'s SO_SNDBUF (else tcp_xmit_hiwat)'],
      ['-r rcvbuf', 'the receiver\'s SO_RCVBUF (else tcp_recv_hiwat)'],
      ['-m mode', 'nonblocking (the default) or blocking writer'],
      ['-t reader', 'socket (the default), tli or module: only a socket reader is counted'],
      ['-x list', 'what keeps the pair unfused: ipsec, ipqos, kssl, ipopts, squeue'],
    ],
    example: '::connect a\n::connect -p remote b\n::connect -s 0t65536 -x ipsec c',
    run: lazy(async () => (await live()).connect),
  },
  {
    name: 'netstat', args: '', address: 'none',
    description: 'list the connections made with ::connect',
    help: 'One row per live connection: id, name, pid of the reader, peer, whether it is fused\n(or why not), sndbuf and rcv_hiwater.',
    example: '::netstat',
    run: lazy(async () => (await live()).netstat),
  },
  {
    name: 'fuse', args: '[-d]', address: 'none',
    description: 'show latched fusion limits of live connections',
    help: [
      'For each live connection: the tcp_fuse_rcv_unread_hiwater, rcv_hiwater and maxpsz it',
      'latched when it was made, next to what a connection made now would latch. A value',
      'that changed since (tcp_fusion_rcv_unread_min/W, ::ndd -set) shows only in "new":',
      'the live connection keeps its old limit until it reconnects.',
      'In the unread column, "off" is a count check turned off (0) and "(N)" a limit that',
      'nothing tests (a TLI or module reader).',
    ].join('\n'),
    options: [['-d', 'print "pid: N tcp_fuse_rcv_unread_hiwater: N" per fused connection, as the DTrace script does']],
    example: '::connect a\ntcp_fusion_rcv_unread_min/W 0t32\n::fuse\n::fuse -d',
    run: lazy(async () => (await live()).fuse),
  },
  {
    name: 'run', args: '[-w file]', address: 'none', fileArg: '-w',
    description: 'run the workload on fresh connections and report',
    help: [
      'Run every flow of the session workload (--workload, the last ::run -w, else the',
      'built-in customer case) on new connections made with today\'s tunables, and print',
      'one row per flow (fused, limits, writes, EAGAIN, first EAGAIN, short writes, blocks,',
      'the limit that stopped the sender, outcome) and a verdict with what to change.',
      'Live connections made with ::connect are not used.',
    ].join('\n'),
    options: [['-w file', 'load this workload JSON first; it stays the session workload']],
    example: '::run\ntcp_fusion_rcv_unread_min/W 0t32\n::run\n::run -w fixtures/workloads/customer-case.json',
    run: lazy(async () => (await workload()).run),
  },
  {
    name: 'import', args: 'truss|dtrace file', address: 'none', fileArg: 'truss|dtrace',
    description: 'read a truss or DTrace trace as the session workload',
    help: [
      'Read FILE, the output of truss (with or without -f, -d/-D/-E, -v, as published: TABs',
      'or spaces, lines glued or wrapped) or of the script fusion-mdb --dtrace-script prints.',
      'Each TCP socket that took writes becomes a flow with the sizes exactly as traced, where',
      'the process gave up the CPU, and whether it was non-blocking; the lines that could not',
      'be used are counted and named. The trace becomes the session workload: ::run then shows',
      'where the model predicts EAGAIN next to where the trace saw it.',
    ].join('\n'),
    example: '::import truss fixtures/traces/customer-case.truss\n::run',
    run: lazy(async () => (await import('./fusion-import')).importDcmd),
  },
  {
    name: 'advise', args: '', address: 'none',
    description: 'smallest tcp_fusion_rcv_unread_min, SO_SNDBUF, SO_RCVBUF without EAGAIN',
    help: [
      'Find, for the session workload, the smallest tcp_fusion_rcv_unread_min that alone removes',
      'every EAGAIN, and for each flow with EAGAINs the smallest SO_SNDBUF and SO_RCVBUF that do',
      'it alone; the smallest tcp_recv_hiwat for every connection, with the command its release',
      'keeps it with; and, where no one change is enough, tcp_fusion_rcv_unread_min and SO_RCVBUF',
      'together. Each value is exact: one less still gets EAGAIN (or a short count it did not',
      'get before). Print the mdb line to try now, the /etc/system line to keep it, what 0 (the',
      'count check off) costs, and the live connections that keep the limit they latched.',
    ].join('\n'),
    example: '::advise',
    run: lazy(async () => (await workload()).adviseDcmd),
  },
  {
    name: 'sweep', args: 'symbol from to', address: 'none',
    description: 'EAGAINs of the workload per value of a tunable',
    help: [
      'Run the session workload once per value of a tunable from FROM to TO (at most',
      `${MAX_SWEEP_ROWS} values: a wider range is walked with a larger step) and print the EAGAINs per`,
      'flow as a table and as a chart. FROM and TO are read in the current radix, like',
      'every mdb number: 0t64 is decimal 64, a bare 40 is 0x40. The tunables:',
      `${(Object.keys(SWEEPABLE) as SweepTunable[]).filter((t) => !SWEEPABLE_NDD.includes(t)).join(', ')}, and the /dev/tcp`,
      `parameters ${SWEEPABLE_NDD.join(', ')}.`,
    ].join('\n'),
    example: '::sweep tcp_fusion_rcv_unread_min 0 0t64\n::sweep tcp_recv_hiwat 0t8192 0t65536',
    run: lazy(async () => (await workload()).sweepDcmd),
  },
  {
    name: 'trace', args: '[-n writes] flow', address: 'none',
    description: 'step one flow of the workload event by event',
    help: [
      'Print what happens in the first writes of one flow of the session workload: each',
      'write, the chunks it is cut into, the counters after each enqueue, flow control',
      'stops, EAGAIN, blocks, short counts and reader drains; then a chart of the unread',
      'count (or the queued bytes) per write against the latched limit.',
    ].join('\n'),
    options: [['-n writes', 'how many writes to follow, in the current radix (default 0t24, one burst of the customer case; at most 0t10000)']],
    example: '::trace -n 0t12 local\n::trace remote',
    run: lazy(async () => (await workload()).traceDcmd),
  },
  {
    name: 'ndd', args: '[-set] device name [value]', address: 'none',
    description: 'get or set a driver parameter, as ndd(1M) does',
    help: [
      'ndd inside the session, for the parameters that are no kernel variables on these',
      'releases (tcp_xmit_hiwat, tcp_recv_hiwat, tcp_max_buf, ...):',
      '  ::ndd /dev/tcp NAME [NAME ...]   print the values, in decimal',
      '  ::ndd -set /dev/tcp NAME VALUE   set one',
      '  ::ndd /dev/tcp ?                 list the names (\\? works too)',
      'VALUE is decimal, as ndd takes it, NOT read in mdb\'s radix: 65536, not 0t65536.',
      'A value out of the parameter\'s range prints "operation failed: Invalid argument";',
      'on illumos and Solaris 11 a send or receive buffer above the current max_buf prints',
      '"operation failed: Result too large": raise tcp_max_buf (udp_max_buf) first.',
      'Like the real ndd it needs no -w. New connections see the new value; live ones',
      'keep what they latched.',
    ].join('\n'),
    example: '::ndd /dev/tcp tcp_xmit_hiwat\n::ndd -set /dev/tcp tcp_xmit_hiwat 65536\n::ndd /dev/tcp ?',
    run: lazy(async () => (await import('./ndd')).ndd),
  },
];
