import type { ReleaseId } from '../types';

// Real module names an /etc/system may name (set MOD:var, forceload, exclude),
// beyond those that define catalogued variables. Drivers, file systems, STREAMS
// modules and misc modules that admins commonly meet.
const COMMON = [
  // kernel proper and core misc modules
  'unix', 'genunix', 'krtld', 'specfs', 'procfs', 'sockfs', 'fifofs', 'doorfs', 'namefs',
  // file systems
  'ufs', 'zfs', 'nfs', 'nfssrv', 'tmpfs', 'lofs', 'autofs', 'hsfs', 'pcfs', 'udfs', 'ctfs', 'objfs', 'mntfs', 'fdfs', 'dev',
  // RPC and NFS helpers
  'rpcmod', 'rpcsec', 'rpcsec_gss', 'klmmod', 'klmops',
  // networking
  'ip', 'ip6', 'tcp', 'tcp6', 'udp', 'udp6', 'icmp', 'icmp6', 'arp', 'rts', 'keysock', 'ipsecah', 'ipsecesp',
  'spdsock', 'sctp', 'sctp6', 'ipf', 'pfil', 'dld', 'dls', 'mac', 'aggr', 'vlan', 'hook', 'neti',
  // disk, SAN and volume management
  'sd', 'ssd', 'scsi', 'fcp', 'fctl', 'fp', 'qlc', 'emlxs', 'mpt', 'glm', 'isp', 'md', 'scsi_vhci', 'iscsi', 'ata', 'cmdk',
  // NICs
  'e1000g', 'bge', 'nxge', 'ce', 'hme', 'qfe', 'eri', 'ixgb', 'rge', 'xge',
  // IPC, scheduling classes, STREAMS
  'msgsys', 'semsys', 'shmsys', 'TS', 'IA', 'RT', 'FSS', 'FX', 'ptm', 'pts', 'ptem', 'ldterm', 'ttcompat', 'timod', 'tirdwr',
  // debugging and tracing
  'dtrace', 'fbt', 'sdt', 'fasttrap', 'lockstat', 'profile', 'systrace',
] as const;

// Drivers and frameworks that arrived after Solaris 10 6/06.
const LATER = ['mpt_sas', 'ixgbe', 'igb', 'vnic', 'simnet', 'iptun', 'softmac', 'stmf', 'sata', 'ahci', 'nv_sata', 'mr_sas'] as const;
const ILLUMOS_ONLY = ['i40e', 'vioif', 'vioblk', 'nvme', 'smbsrv', 'overlay', 'lx_brand'] as const;

export const MODULES: Record<ReleaseId, readonly string[]> = {
  s10: [...COMMON],
  opensolaris: [...COMMON, ...LATER],
  illumos: [...COMMON, ...LATER, ...ILLUMOS_ONLY],
};
