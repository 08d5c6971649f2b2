// The kernel modules illumos builds for x86 (i86pc), as its makefiles list them:
// usr/src/uts/intel/Makefile.intel (the *_KMODS lists) and
// usr/src/uts/i86pc/Makefile.i86pc (the platform's own). 64-bit modules only.
export const INTEL_MAKEFILE = `
  aac aggr ahci amd64_gart amr agpgart srn agptarget arn arp asy ata ath atu audio audio1575
  audio810 audiocmi audiocmihd audioemu10k audioens audiohd audioixp audiols audiop16x audiopci
  audiosolo audiots audiovia823x bl blkdev bge bofi bpf bridge bscbus bscv chxge cxgbe ntxn
  myri10ge clone cmdk cn conskbd consms cpqary3 cpuid cpunex crypto cryptoadm dca devinfo dld
  dlpistub dr_sas dump ecpp emlxs eventfd fd fdc fm fssnap hxge i8042 i915 icmp icmp6 inotify
  intel_nb5000 intel_nhm ip ip6 ipd ipf ipnet ippctl ipsecah ipsecesp ipw iwh iwi iwk iwp iwscn
  kb8042 keysock kssl kstat ksyms kmdb llc1 lofi log logindmux mega_sas mc-amd mm mouse8042
  mpt_sas mr_sas mwl nca nfp nsmb nulldriver nv_sata nvme nxge oce openeepr pci_pci pcic pcieb
  physmem pit_beep pm poll pool power pseudo ptc ptm pts ptsl qlge radeon ral ramdisk random rds
  rdsv3 rpcib rsm rts rtw rum rwd rwn sad sd sdhost sgen si3124 signalfd smbios skd softmac
  spdsock smbsrv smp sppp sppptun srpt st sy sysevent sysmsg tcp tcp6 timerfd tl tnf tpm trill
  udp udp6 ucode ural uath urtw vgatext heci vmxnet vnd vnic vscan wc winlock wpi xge yge zcons
  zfd zyd simnet stmf stmf_sbd fct fcoe fcoet fcoei qlt iscsit pppt ncall nsctl sdbc nskern sv ii
  rdc rdcsrv rdcstub iptun afe atge bfe bnxe dmfe e1000g efe elxl hme mxfe nge pcn rge rtls sfe
  amd8111s igb ipmi iprb ixgbe vr virtio vioblk vioif dtrace fbt lockstat profile sdt systrace
  fasttrap dcpc pshot gen_drv tvhci tphci tclient emul64 options scsi_vhci pmcs pmcs8001fw
  arcmsr fcp fcip fcsm fp qlc iscsi pcs cardbus ses hid hubd uhci ehci ohci usb_mid usb_ia
  scsa2usb usbprn ugen usbser usbsacm usbsksp usbsprl usb_ac usb_as usbskel usbvc usbftdi usbecm
  usbgem axf udmf upf urf s1394 sbp2 hci1394 scsa1394 av1394 dcam1394 ib ibp eibnx eoib rdsib sdp
  iser daplt hermon tavor sol_ucma sol_uverbs sol_umad md md_stripe md_hotspares md_mirror md_raid
  md_trans md_notify md_sp sn1_brand s10_brand lx_brand lx_systrace lx_ptm lx_audio lx_netlink
  elfexec intpexec shbinexec javaexec IA RT TS RT_DPTBL TS_DPTBL FSS FX FX_DPTBL SDC autofs ctfs
  dcfs dev devfs fdfs fifofs hsfs hyprlofs lofs lxautofs lx_proc lxprocfs mntfs namefs nfs objfs
  zfs zut pcfs procfs sockfs specfs tmpfs udfs ufs sharefs lx_sysfs smbfs bootfs lx_cgroup
  lx_devfs bufmod connld dedump ldterm pckt pfmod pipemod ptem redirmod rpcmod rlmod telmod timod
  spppasyn spppcomp tirdwr ttcompat usbkbm usbms usbwcm usb_ah drcompat cryptmod vuid2ps2 vuid3ps2
  vuidm3p vuidm4p vuidm5p c2audit doorfs exacctsys inst_sync kaio msgsys pipe portfs pset semsys
  shmsys sysacct acctctl ac97 acpica agpmaster bignum bootdev busra cmlb consconfig ctf dadk
  dcopy dls drm fssnap_if gda gld gsqueue hidparser hook hpcsvc ibcm ibdm ibdma ibmf ibtl idm
  idmap iommulib ipc kbtrans kcf kgssapi kmech_dummy kmech_krb5 ksocket mac mii mwlfw net80211
  nfs_dlboot nfssrv neti pci_autoconfig pcicfg pcihp pcmcia rpcsec rpcsec_gss rsmops sata scsi
  sda sol_ofs spuni strategy strplumb tem tlimod usba usba10 usbs49_fw fctl klmmod klmops aes
  arcfour blowfish des ecc edonr md4 md5 rsa sha1 sha2 skein swrand dlcosmk flowacct ipgpc
  dscpmk tokenmt tswtclmt p123_pcbe p4_pcbe opteron_pcbe core_pcbe
  rootnex isa pcplusmp apix cpc pci npe pci-ide xsvc tzmon acpi_drv acpinex amd_iommu dr ioat
  fipe vmm viona ppt cpudrv ppm acpippm amd_opteron generic_cpu authenticamd genuineintel
  gfx_private pcie acpidev drmach_acpi consconfig_dacf uppc cpr
`;
