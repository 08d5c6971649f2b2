import type { ArchId, ReleaseId } from '../kernel/types';
import { Iob } from '../mdb/iob';
import { AUTOWRAP_DEFAULT } from '../mdb/formats';

// What mdb -k prints at a terminal before the first prompt: the debugger
// modules (dmods) it loaded for the kernel's modules, one `mdb_printf(" %s")`
// each between `Loading modules: [` and ` ]` (mdb_module_load_all). Solaris
// mdb wraps that line at 80 columns like all its output; illumos mdb has
// auto-wrap off, so the list stays one line. The lists are data: the dmods of
// each release's own mdb -k on each machine.

const PLATFORM: Record<ReleaseId, Record<ArchId, readonly string[]>> = {
  s10: { sun4v: ['px'], i86pc: ['cpu.generic', 'uppc', 'pcplusmp'] },
  opensolaris: { sun4v: ['px', 'ldc'], i86pc: ['cpu.generic', 'uppc', 'pcplusmp', 'rootnex'] },
  solaris11: { sun4v: ['px', 'ldc', 'ds'], i86pc: ['cpu.generic', 'uppc', 'pcplusmp', 'zvpsm'] },
  illumos: { sun4v: ['px', 'ldc'], i86pc: ['cpu.generic', 'uppc', 'apix'] },
};

const DMODS: Record<ReleaseId, (platform: readonly string[]) => readonly string[]> = {
  s10: (p) => ['unix', 'krtld', 'genunix', 'specfs', 'dtrace', ...p, 'ufs', 'sd', 'ip', 'hook', 'neti', 'sctp', 'arp',
    'usba', 'fcp', 'fctl', 'nca', 'lofs', 'zfs', 'random', 'md', 'cpc', 'crypto', 'fcip', 'logindmux', 'ptm', 'sppp', 'nfs'],
  opensolaris: (p) => ['unix', 'genunix', 'specfs', 'dtrace', 'mac', ...p, 'scsi_vhci', 'zfs', 'sata', 'sd', 'sockfs',
    'ip', 'hook', 'neti', 'sctp', 'arp', 'usba', 'fctl', 'stmf', 'lofs', 'random', 'idm', 'nfs', 'crypto', 'cpc', 'fcip',
    'logindmux', 'ptm', 'ufs'],
  solaris11: (p) => ['unix', 'genunix', 'specfs', 'dtrace', 'mac', ...p, 'scsi_vhci', 'zfs', 'mpt', 'sd', 'ip', 'hook',
    'neti', 'arp', 'usba', 'kssl', 'sockfs', 'lofs', 'random', 'idm', 'nfs', 'crypto', 'fcip', 'cpc', 'logindmux', 'ptm',
    'sppp', 'ufs'],
  illumos: (p) => ['unix', 'genunix', 'specfs', 'dtrace', 'mac', ...p, 'scsi_vhci', 'zfs', 'sata', 'sd', 'ip', 'hook',
    'neti', 'sockfs', 'arp', 'usba', 'stmf', 'stmf_sbd', 'mm', 'idm', 'lofs', 'random', 'crypto', 'cpc', 'logindmux',
    'ptm', 'ufs', 'nfs'],
};

/** The dmods mdb -k loads on this release and machine, in load order. */
export function dmods(release: ReleaseId, arch: ArchId): readonly string[] {
  return DMODS[release](PLATFORM[release][arch]);
}

/** `Loading modules: [ unix genunix ... ]`, wrapped as that release's mdb wraps it, then our pointer to ::help. */
export function loadingModules(release: ReleaseId, arch: ArchId): string {
  const iob = new Iob({ autowrap: AUTOWRAP_DEFAULT[release] });
  iob.text('Loading modules: [');
  for (const m of dmods(release, arch)) {
    iob.text(' ');
    iob.field(m);
  }
  iob.text(' ]');
  iob.nl();
  return `${iob.take()}::help explains the commands, ::dcmds lists them, $q quits.\n`;
}
