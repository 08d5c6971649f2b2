import { MAXINT, manual, type Tunable } from '../tunable';

const CLIENT = 'NFS Module Parameters';
const SERVER = 'nfssrv Module Parameters';
const RPC = 'rpcmod Module Parameters';
const SHORT_MAX = 32767;

type Version = { v: '' | '3' | '4'; label: string };
const VERSIONS: readonly Version[] = [
  { v: '', label: 'NFS v2' }, { v: '3', label: 'NFS v3' }, { v: '4', label: 'NFS v4' },
];

/** One client tunable per NFS version (nfs_X, nfs3_X, nfs4_X): same facts, three symbols. */
function perVersion(
  suffix: string, make: (label: string) => Omit<Tunable, 'name' | 'module' | 'status' | 'source'>,
  source = manual(3, CLIENT),
): Tunable[] {
  return VERSIONS.map(({ v, label }) => ({
    name: `nfs${v}_${suffix}`, module: 'nfs', status: 'current' as const, source, ...make(label),
  }));
}

// NFS client (module nfs), server (nfssrv) and RPC (rpcmod) variables.
export const nfs: readonly Tunable[] = [
  ...perVersion('max_threads', (label) => ({
    type: 'ushort_t', default: 8, range: [0, SHORT_MAX], units: 'threads',
    description: `Asynchronous I/O threads per ${label} mount (read-ahead and write-behind).`,
  }), manual(3, CLIENT, 'usr/src/uts/common/fs/nfs/nfs3_vfsops.c')),
  ...perVersion('nra', (label) => ({
    type: 'int', default: 4, range: [0, MAXINT], units: 'blocks',
    description: `Blocks read ahead when an ${label} client sees sequential reads.`,
  })),
  ...perVersion('cots_timeo', (label) => ({
    type: 'int', default: 600, range: [0, MAXINT], units: 'tenths of a second',
    description: `Initial RPC timeout of ${label} over TCP before a request is sent again.`,
  })),
  ...perVersion('async_clusters', (label) => ({
    type: 'uint_t', default: 1, range: [0, MAXINT], units: 'requests',
    description: `Requests of one kind an ${label} async thread takes before moving to the next kind.`,
  })),
  {
    name: 'nfs3_bsize', module: 'nfs', type: 'uint_t', default: 32768, range: [0, MAXINT], units: 'bytes',
    description: 'Logical block size an NFS v3 client asks the server for.',
    status: 'current', source: manual(3, CLIENT, 'usr/src/uts/common/fs/nfs/nfs3_vfsops.c'),
  },
  {
    name: 'nfs4_bsize', module: 'nfs', type: 'uint_t', default: 32768, range: [0, MAXINT], units: 'bytes',
    description: 'Logical block size an NFS v4 client asks the server for.',
    status: 'current', source: manual(3, CLIENT),
  },
  {
    name: 'nfs3_max_transfer_size', module: 'nfs', type: 'uint_t', default: 1048576, range: [0, MAXINT], units: 'bytes',
    description: 'Largest READ or WRITE an NFS v3 client or server will negotiate.',
    status: 'current', source: manual(3, CLIENT),
  },
  {
    name: 'nfs4_max_transfer_size', module: 'nfs', type: 'uint_t', default: 32768, range: [0, MAXINT], units: 'bytes',
    description: 'Largest READ or WRITE an NFS v4 client or server will negotiate.',
    status: 'current', source: manual(3, CLIENT),
  },
  {
    name: 'nfs_disable_rddir_cache', module: 'nfs', type: 'int', default: 0, range: [0, 1],
    description: 'Stop caching READDIR replies, for servers that answer them wrongly.',
    status: 'current', source: manual(3, CLIENT),
  },
  {
    name: 'nfs3_pathconf_disable_cache', module: 'nfs', type: 'int', default: 0, range: [0, 1],
    description: 'Ask the server for pathconf answers every time instead of caching them.',
    status: 'current', source: manual(3, CLIENT),
  },
  {
    name: 'nfs_allow_preepoch_time', module: 'nfs', type: 'int', default: 0, range: [0, 1],
    description: 'Accept file times before 1970 from the server instead of treating them as errors.',
    status: 'current', source: manual(3, CLIENT),
  },
  {
    name: 'nfs_write_error_interval', module: 'nfs', type: 'time_t', default: 5, range: [0, MAXINT], units: 'seconds',
    description: 'Shortest gap between two console messages about failed NFS writes.',
    status: 'current', source: manual(3, CLIENT),
  },
  {
    name: 'nfs_portmon', module: 'nfssrv', type: 'int', default: 0, range: [0, 1],
    description: 'Serve only clients whose requests come from a privileged port (below 1024).',
    status: 'current', source: manual(3, SERVER),
  },
  {
    name: 'rfs_write_async', module: 'nfssrv', type: 'int', default: 1, range: [0, 1],
    description: 'Let the NFS v2 server gather neighbouring writes into one before committing.',
    status: 'current', source: manual(3, SERVER),
  },
  {
    name: 'nfsauth_ch_cache_max', module: 'nfssrv', type: 'int', default: 16, range: [0, MAXINT], units: 'handles',
    description: 'RPC client handles the server keeps for talking to mountd about access.',
    status: 'current', source: manual(3, SERVER),
  },
  {
    name: 'exi_cache_time', module: 'nfssrv', type: 'int', default: 3600, range: [0, MAXINT], units: 'seconds',
    description: 'Age after which cached access answers of an exported file system are dropped.',
    status: 'current', source: manual(3, SERVER),
  },
  {
    name: 'clnt_max_conns', module: 'rpcmod', type: 'int', default: 1, range: [1, MAXINT], units: 'connections',
    description: 'TCP connections the NFS client opens to each server and shares round-robin.',
    status: 'current', source: manual(3, RPC),
  },
  {
    name: 'maxdupreqs', module: 'rpcmod', type: 'int', default: 1024, range: [1, MAXINT], units: 'requests',
    description: 'Entries in the duplicate request cache for connectionless (UDP) RPC.',
    status: 'current', source: manual(3, RPC),
  },
  {
    name: 'cotsmaxdupreqs', module: 'rpcmod', type: 'int', default: 1024, range: [1, MAXINT], units: 'requests',
    description: 'Entries in the duplicate request cache for connection-oriented (TCP) RPC.',
    status: 'current', source: manual(3, RPC),
  },
];
