import { MAXINT, illumosGate, manual, type Tunable } from '../tunable';

const ETC_SYSTEM = 'TCP/IP Parameters Set in the /etc/system File';
const SQUEUE = 'usr/src/uts/common/inet/ip/ip_squeue.c';
const CLASSIFIER = 'usr/src/uts/common/inet/ip/ipclassifier.c';
const CROSSBOW = 'soft rings moved into the mac layer with Crossbow (snv_105); tune them with dladm';

// Variables of the ip module (tcp and udp live inside it) that can only be set
// in /etc/system, unlike the ndd parameters of /dev/tcp, /dev/ip and /dev/udp.
export const tcpip: readonly Tunable[] = [
  {
    name: 'ip_squeue_fanout', module: 'ip', type: 'int', default: 0, range: [0, 1],
    description: 'Spread new connections over the squeues of all CPUs, not the one that made them.',
    status: 'current', source: manual(4, ETC_SYSTEM, 'usr/src/uts/common/inet/ip/ip.c'),
    on: { illumos: { type: 'boolean_t' } },
  },
  {
    name: 'ip_squeue_bind', module: 'ip', type: 'int', default: 1, range: [0, 1],
    description: 'Bind each squeue worker thread to its CPU.',
    status: 'current', source: manual(4, ETC_SYSTEM, SQUEUE),
  },
  {
    name: 'ip_squeue_worker_wait', module: 'ip', type: 'uint_t', default: 10, range: [0, 50], units: 'ms',
    description: 'Delay before a squeue hands queued packets to its worker thread.',
    status: 'current', source: manual(4, ETC_SYSTEM, SQUEUE),
  },
  {
    name: 'tcp_squeue_wput', module: 'ip', type: 'int', default: 2, range: [1, 3],
    description: 'How TCP enters the squeue on write: 1 no drain, 2 process, 3 fill.',
    status: 'current', source: illumosGate('usr/src/uts/common/inet/tcp/tcp.c'),
  },
  {
    name: 'ipcl_conn_hash_size', module: 'ip', type: 'uint_t', default: 0, range: [0, 82500], units: 'buckets',
    description: 'Buckets of the TCP connection hash; 0 sizes it from memory.',
    status: 'current', source: manual(4, ETC_SYSTEM, CLASSIFIER),
  },
  {
    name: 'tcp_conn_hash_size', module: 'ip', type: 'uint_t', default: 0, range: [0, 82500], units: 'buckets',
    description: 'Older spelling of ipcl_conn_hash_size, still read when that one is 0.',
    status: 'current', source: illumosGate(CLASSIFIER),
  },
  {
    name: 'ip_soft_rings_cnt', module: 'ip', type: 'int', default: 2, range: [0, MAXINT], units: 'rings',
    description: 'Soft rings per interface that spread received packets over CPUs.',
    status: 'current', source: manual(4, ETC_SYSTEM),
    on: {
      opensolaris: { status: 'removed', replacedBy: CROSSBOW, since: 'snv_105 (Crossbow, 2008)', source: 'Crossbow putback (snv_105)' },
      solaris11: { status: 'removed', replacedBy: CROSSBOW, since: 'snv_105 (Crossbow, 2008)', source: 'Crossbow putback (snv_105)' },
      illumos: { status: 'removed', replacedBy: CROSSBOW, since: 'snv_105 (Crossbow, 2008)', source: illumosGate('usr/src/uts/common/io/mac/mac_soft_ring.c') },
    },
  },
  {
    name: 'ip_max_frag_dups', module: 'ip', type: 'uint_t', default: 10, range: [0, MAXINT], units: 'fragments',
    description: 'Duplicate fragments accepted per packet before reassembly gives up on it.',
    status: 'current', source: illumosGate('usr/src/uts/common/inet/ip/ip.c'),
    on: { s10: 'absent', opensolaris: 'absent', solaris11: 'absent' },
  },
];
