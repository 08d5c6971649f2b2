// The kernel modules illumos builds for SPARC sun4v, as its makefiles list them:
// usr/src/uts/sparc/Makefile.sparc (the *_KMODS lists) and
// usr/src/uts/sun4v/Makefile.sun4v.shared (the platform's own). The Solaris Volume Manager
// modules (md*), which ship on SPARC as on x86, are not in those lists: added here.
export const SPARC_MAKEFILE = `
  cc cc_newreno cc_cubic cc_sunreno
  aggr arp audio bl blkdev bofi clone cn conskbd consms cpuid crypto cryptoadm devinfo dump
  dtrace fasttrap fbt lockstat profile sdt systrace dcpc fssnap icmp icmp6 ip ip6 ipnet ipsecah
  ipsecesp iptun iwscn keysock kmdb kstat ksyms llc1 lofi log logindmux mm physmem pm poll pool
  pseudo ptc ptm pts ptsl ramdisk random rsm rts sad simnet softmac sppp sppptun sy sysevent
  sysmsg spdsock tcp tcp6 timerfd tl udp udp6 wc winlock zcons ippctl dld ipd ipf rpcib dlpistub
  vnic xge rds rdsv3 chxge smbsrv vscan nsmb fm nulldriver bridge trill bpf dca inotify eventfd
  signalfd ufm ufmtest afe audio1575 audioens audiols audiop16x audiopci audiots bnxe e1000g efe
  hxge mxfe rge rtls sfe aac igb ixgbe vr mr_sas yge audiocs bge dmfe eri fas hme qfe openeepr
  options sd ses st ecpp ccid hid hubd ehci ohci uhci usb_mid usb_ia scsa2usb usbprn ugen usbser
  usbsacm usbsksp usbsprl usb_as usb_ac usbskel usbvc usbftdi usbecm hci1394 av1394 scsa1394
  dcam1394 sbp2 ib ibp eibnx eoib rdsib sdp iser daplt hermon tavor sol_ucma sol_uverbs sol_umad
  pci_pci pcieb pcieb_bcm i8042 kb8042 mouse8042 fcode mpt_sas sgen myri10ge smp dad scsi_vhci
  fcp fcip fcsm fp qlc qlge stmf stmf_sbd fct fcoe fcoet fcoei qlt iscsit pppt iscsi emlxs oce
  srpt pmcs pmcs8001fw pshot gen_drv tvhci tphci tclient emul64 pcs busra cardbus dada pcmcia
  pcic elfexec intpexec shbinexec javaexec RT TS RT_DPTBL TS_DPTBL IA FSS FX FX_DPTBL SDC dev
  devfs fdfs fifofs hsfs lofs namefs nfs pcfs tmpfs zfs zut specfs udfs ufs autofs procfs sockfs
  mntfs ctfs objfs sharefs dcfs smbfs bootfs bufmod connld dedump ldterm ms pckt pfmod pipemod
  ptem redirmod rpcmod rlmod telmod timod spppasyn spppcomp tirdwr ttcompat usbkbm usbms usbwcm
  usb_ah drcompat cryptmod vuid3ps2 c2audit exacctsys inst_sync kaio msgsys semsys shmsys sysacct
  pipe doorfs pset acctctl portfs ac97 bignum consconfig gld ipc nfs_dlboot nfssrv scsi strplumb
  swapgeneric tlimod rpcsec rpcsec_gss kgssapi kmech_dummy kmech_krb5 fssnap_if hidparser kbtrans
  usba usba10 usbs49_fw s1394 hpcsvc pcihp rsmops sata kcf ksocket ibcm ibdm ibdma ibmf ibtl
  sol_ofs idm idmap hook neti ctf mac dls cmlb tem pcicfg fcodem fcpci fctl mii klmmod klmops aes
  arcfour blowfish des ecc edonr md4 md5 rsa sha1 sha2 skein swrand dlcosmk flowacct ipgpc dscpmk
  tokenmt tswtclmt consconfig_dacf net_dacf mac_6to4 mac_ether mac_ipv4 mac_ipv6 mac_wifi mac_ib
  sockpfp socksctp socksdp sockrds datafilt kiconv_emea kiconv_ja kiconv_ko kiconv_sc kiconv_tc
  ksensor ksensor_test md md_stripe md_hotspares md_mirror md_raid md_trans md_notify md_sp
  cnex cpc dma drctl ds_pri ds_snmp ebus fpc glvc mdesc niumx ntwdt nxge n2piupc px qcn rootnex su
  trapstat vcc vdc vds vldc vnet vnex vsw bootdev dr_cpu ds fault_iso ldc obpsym platmod platsvc
  vis sn1_brand genunix generic niagara niagara2 niagara_pcbe niagara2_pcbe
`;
