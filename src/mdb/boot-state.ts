// Which /etc/system a session boots from: the file the NEXT ::reboot reads and
// the one the running kernel came from. They part when ::etcsystem FILE or
// ::persist -f names another file (or writes other bytes); ::reboot joins them
// again. One BootState per session, held by the Session.

import type { Kernel } from '../kernel/kernel';
import type { Diagnostic } from '../etc-system/diagnostic';

/** The /etc/system file the next ::reboot reads, and the /etc/system.d fragments read before it. */
export interface BootFile {
  path: string;
  data: Uint8Array;
  /** Sorted by name, dot files left out (--system-d, --root). */
  fragments?: readonly { path: string; data: Uint8Array }[];
}

/** Every file of a boot, in the order the kernel reads them: fragments, then /etc/system. */
export const bootFiles = (b: BootFile): { path: string; data: Uint8Array }[] => [...(b.fragments ?? []), { path: b.path, data: b.data }];

/** A kernel booted from a file, and what the boot said. */
export interface Booted {
  kernel: Kernel;
  diagnostics: Diagnostic[];
}

export class BootState {
  /** What the next ::reboot reads (--etc-system, ::etcsystem FILE); undefined: the release defaults. */
  next: BootFile | undefined;
  /** What the running kernel booted from; undefined: the release defaults. */
  running: BootFile | undefined;
  /** The kernel each file boots, made once per file (::etcsystem and ::system show them). */
  readonly booted = new WeakMap<BootFile, Booted>();

  /** Makes `file` the file of the next boot; the running kernel keeps its own. */
  setNext(file: BootFile): void {
    this.next = file;
  }

  /** The kernel was booted from the next boot's file. */
  rebooted(): void {
    this.running = this.next;
  }

  /** The next boot reads another file (or other bytes) than the running kernel did. */
  get pending(): boolean {
    return this.running !== this.next;
  }
}
