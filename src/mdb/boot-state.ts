// Which /etc/system the running kernel booted from, and what a boot from a file
// gives. session.boot is the file the NEXT ::reboot reads; once ::etcsystem or
// ::persist -f changes it, the running kernel's own file is remembered here.

import { bootFromFiles } from '../etc-system/boot-file';
import type { Diagnostic } from '../etc-system/diagnostic';
import { Kernel } from '../kernel/kernel';
import { bootFiles, type BootFile, type Session } from './session';

const bootedFrom = new WeakMap<Kernel, BootFile | undefined>();

/** The boot file the running kernel came from (undefined: the release defaults). */
export function runningBoot(s: Session): BootFile | undefined {
  return bootedFrom.has(s.kernel) ? bootedFrom.get(s.kernel) : s.boot;
}

/** Makes `next` the file of the next boot; the running kernel keeps its own. */
export function setNextBoot(s: Session, next: BootFile): void {
  if (!bootedFrom.has(s.kernel)) bootedFrom.set(s.kernel, s.boot);
  s.boot = next;
}

/** The next boot reads another file (or other bytes) than the running kernel did. */
export const bootPending = (s: Session): boolean => runningBoot(s) !== s.boot;

interface Booted {
  kernel: Kernel;
  diagnostics: Diagnostic[];
}

const booted = new WeakMap<BootFile, Booted>();

/** A fresh kernel of the session's release booted from `file` (defaults only without one). */
export function bootedKernel(s: Session, file: BootFile | undefined): Booted {
  const kernel = new Kernel(s.kernel.release.id, s.kernel.arch.id, s.kernel.machine);
  if (!file) return { kernel, diagnostics: [] };
  const cached = booted.get(file);
  if (cached && cached.kernel.release === kernel.release && cached.kernel.arch === kernel.arch) return cached;
  const fresh = { kernel, diagnostics: bootFromFiles(kernel, bootFiles(file)) };
  booted.set(file, fresh);
  return fresh;
}
