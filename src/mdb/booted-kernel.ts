// A fresh kernel of the session's release booted from a file, for the dcmds that
// compare boots (::etcsystem, ::system): the running kernel is left alone.

import { bootFromFiles } from '../etc-system/boot-file';
import { Kernel } from '../kernel/kernel';
import { bootFiles, type BootFile, type Booted } from './boot-state';
import type { Session } from './session';

/** A fresh kernel of the session's release booted from `file` (defaults only without one). */
export function bootedKernel(s: Session, file: BootFile | undefined): Booted {
  const kernel = new Kernel(s.kernel.release.id, s.kernel.arch.id, s.kernel.machine);
  if (!file) return { kernel, diagnostics: [] };
  const cached = s.boots.booted.get(file);
  if (cached) return cached;
  const fresh = { kernel, diagnostics: bootFromFiles(kernel, bootFiles(file)) };
  s.boots.booted.set(file, fresh);
  return fresh;
}
