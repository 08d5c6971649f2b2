import type { ArchId, ReleaseId } from '../../types';
import { INTEL_MAKEFILE } from './intel';
import { SPARC_MAKEFILE } from './sparc';

// Which kernel modules exist, per release and architecture, so that a module
// the release does not have is told apart from one fusion-mdb does not model.
// illumos: its makefiles (intel.ts, sparc.ts) plus what arrived after the copy
// read. The older releases are illumos less what came later, plus what they
// had and illumos dropped: read from their documentation and driver manual
// pages, not from a module list of their own, so uncertain (modulesSource).

const words = (s: string): string[] => s.trim().split(/\s+/);

// The lists are kept as the text they were read as; a release's set of one
// architecture is split and built the first time something asks for it.

// In the tail of Makefile.intel that the copy read did not reach; the same lists as Makefile.sparc.
const INTEL_TAIL = `
  mac_6to4 mac_ether mac_ipv4 mac_ipv6 mac_wifi mac_ib sockpfp socksctp socksdp sockrds datafilt
  kiconv_emea kiconv_ja kiconv_ko kiconv_sc kiconv_tc net_dacf
`;
// illumos drivers newer than the makefile copies above (illumos-gate usr/src/uts/*/Makefile.*).
const ILLUMOS_LATER = 'i40e mlxcx overlay vioscsi viorand ena t4nex igc xhci smrt lmrc qede';
const ILLUMOS_LATER_SPARC = 'i40e';

// Came after OpenSolaris snv_134 (Solaris 11 / illumos): not in the opensolaris model.
const AFTER_SNV134 = `
  apix lx_brand lx_systrace lx_ptm lx_audio lx_netlink lx_proc lxprocfs lxautofs lx_sysfs lx_cgroup
  lx_devfs hyprlofs nvme virtio vioblk vioif eventfd timerfd signalfd inotify vmm viona ppt bpf vnd ipd
  zfd cc cc_newreno cc_cubic cc_sunreno ufm ufmtest ksensor ksensor_test bootfs i40e mlxcx overlay
  vioscsi viorand ena t4nex igc xhci smrt lmrc qede skd cxgbe bnxe sdhost nulldriver
`;
// illumos only (never in Oracle Solaris 11): the bits above that came from illumos work.
const ILLUMOS_ONLY = `
  lx_brand lx_systrace lx_ptm lx_audio lx_netlink lx_proc lxprocfs lxautofs lx_sysfs lx_cgroup
  lx_devfs hyprlofs nvme vioblk vioif virtio eventfd timerfd signalfd inotify vmm viona ppt bpf vnd
  ipd zfd cc cc_newreno cc_cubic cc_sunreno ufm ufmtest ksensor ksensor_test bootfs overlay
  vioscsi viorand ena t4nex igc smrt lmrc qede skd cxgbe sdhost
`;
// Came in Solaris 10 updates after 6/06 or in Nevada: not in the s10 model.
const AFTER_S10_606 = `
  stmf stmf_sbd fct fcoe fcoet fcoei qlt iscsit pppt srpt idm simnet vnic iptun softmac ipnet bridge
  trill smbsrv smbfs nsmb vscan mpt_sas mr_sas dr_sas ahci igb ixgbe sharefs dcfs ppm acpippm
  cpudrv fipe amd_iommu rds rdsv3 rdsib sdp iser eoib eibnx sol_ucma sol_uverbs sol_umad ucode
  dlpistub kssl hxge myri10ge pmcs pmcs8001fw ses sgen smp
`;
// Solaris 10 modules that illumos no longer has (closed drivers and old platforms).
const S10_ONLY_SPARC = 'ssd ce glm isp pfil';
const S10_ONLY_INTEL = 'pfil';
// ssd (sd.c built for Fibre Channel disks) is still delivered on SPARC by OpenSolaris and Oracle
// Solaris 11; uncertain for current illumos, kept because admins set ssd: variables there.
const SSD = 'ssd';

const INTEL = `${INTEL_MAKEFILE} ${INTEL_TAIL}`;
const SPARC = SPARC_MAKEFILE;

/** The modules of `base` less those of every `drop` list, plus those of every `add` list. */
function modules(base: string, drop: readonly string[], add: readonly string[] = []): ReadonlySet<string> {
  const dropped = new Set(drop.flatMap(words));
  return new Set([...words(base).filter((m) => !dropped.has(m)), ...add.flatMap(words)]);
}

const BUILD: Record<ReleaseId, Record<ArchId, () => ReadonlySet<string>>> = {
  illumos: { i86pc: () => modules(INTEL, [], [ILLUMOS_LATER]), sun4v: () => modules(SPARC, [], [ILLUMOS_LATER_SPARC, SSD]) },
  solaris11: { i86pc: () => modules(INTEL, [ILLUMOS_ONLY]), sun4v: () => modules(SPARC, [ILLUMOS_ONLY], [SSD]) },
  opensolaris: { i86pc: () => modules(INTEL, [AFTER_SNV134]), sun4v: () => modules(SPARC, [AFTER_SNV134], [SSD]) },
  s10: {
    i86pc: () => modules(INTEL, [AFTER_SNV134, AFTER_S10_606], [S10_ONLY_INTEL]),
    sun4v: () => modules(SPARC, [AFTER_SNV134, AFTER_S10_606], [S10_ONLY_SPARC]),
  },
};

/** The kernel modules of a release on each architecture; each set is built the first time it is read. */
export function modulesOf(id: ReleaseId): Readonly<Record<ArchId, ReadonlySet<string>>> {
  const out = {} as Record<ArchId, ReadonlySet<string>>;
  for (const arch of Object.keys(BUILD[id]) as ArchId[]) {
    let built: ReadonlySet<string> | undefined;
    Object.defineProperty(out, arch, { enumerable: true, get: () => (built ??= BUILD[id][arch]()) });
  }
  return out;
}

export const MODULES_SOURCE: Record<ReleaseId, string> = {
  illumos: 'illumos-gate usr/src/uts/intel/Makefile.intel, i86pc/Makefile.i86pc, sparc/Makefile.sparc, sun4v/Makefile.sun4v.shared',
  solaris11: 'the illumos lists less illumos-only modules; uncertain: Oracle publishes no module list',
  opensolaris: 'the illumos lists less the modules that came after snv_134; uncertain',
  s10: 'the illumos lists less later modules, plus closed SPARC drivers of the Solaris 10 manual pages; uncertain',
};

// System V IPC: msg.c, sem.c and shm.c are the whole of msgsys, semsys and
// shmsys, and every global variable there is catalogued (vars/ipc.ts).
export const COMPLETE: ReadonlySet<string> = new Set(['msgsys', 'semsys', 'shmsys']);
