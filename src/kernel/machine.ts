// The machine the model kernel boots on: installed memory, CPUs and the arch.
// From it, as the platform's startup_memlist() does, come physmem (pages the
// kernel believes it has) and total_pages (pages the VM actually manages).
// The overheads assumed are written down in docs/machine.md.

import type { ArchId } from './types';

export interface Machine {
  arch: ArchId;
  /** Installed memory in bytes (physinstalled). */
  memory: bigint;
  ncpus: number;
}

export const DEFAULT_MEMORY = 8n << 30n;
export const DEFAULT_NCPUS = 8;
export const MIN_MEMORY = 64n << 20n;
export const MAX_MEMORY = 64n << 40n;
export const MAX_NCPUS = 4096;

export function defaultMachine(arch: ArchId): Machine {
  return { arch, memory: DEFAULT_MEMORY, ncpus: DEFAULT_NCPUS };
}

const PAGE_SIZE: Record<ArchId, bigint> = { sun4v: 8192n, i86pc: 4096n };

/**
 * Bytes of page_t (and its share of the memseg and kmem64 tables) per page
 * the VM manages: fitted to a Solaris 10 sun4u kstat (physmem 522272,
 * pagestotal 512136, ~159 bytes a page); i86pc's smaller page_t assumed.
 */
const PAGE_T_BYTES: Record<ArchId, bigint> = { sun4v: 160n, i86pc: 120n };

export interface MachinePages {
  pageSize: bigint;
  physinstalled: bigint;
  physmem: bigint;
  totalPages: bigint;
}

/** sun4 startup_memlist: npages = physinstalled - btop(4 MB); i86pc: physinstalled - 1. */
export function bootPhysmem(m: Machine): bigint {
  const pg = PAGE_SIZE[m.arch];
  const installed = m.memory / pg;
  return m.arch === 'sun4v' ? installed - (4n << 20n) / pg : installed - 1n;
}

/** Pages add_physmem() hands the VM out of `physmem`: less the page_t array that describes them. */
export function managedPages(arch: ArchId, physmem: bigint): bigint {
  const pg = PAGE_SIZE[arch];
  const overhead = (physmem * PAGE_T_BYTES[arch] + pg - 1n) / pg;
  return physmem - overhead;
}

export function machinePages(m: Machine): MachinePages {
  const physmem = bootPhysmem(m);
  return { pageSize: PAGE_SIZE[m.arch], physinstalled: m.memory / PAGE_SIZE[m.arch], physmem, totalPages: managedPages(m.arch, physmem) };
}

const UNITS: Record<string, bigint> = { k: 10n, m: 20n, g: 30n, t: 40n };

/** `8g`, `512m`, `1t`, `1536M`, `65536k`: bytes, or why not. */
export function parseMemory(text: string, arch: ArchId): bigint | { error: string } {
  const m = /^(\d{1,9})([kmgt])?$/i.exec(text.trim());
  if (!m) return { error: `--memory: expected a size such as 8g, 512m or 1t, not '${text}'` };
  const bytes = BigInt(m[1] as string) << (m[2] ? (UNITS[(m[2] as string).toLowerCase()] as bigint) : 0n);
  if (bytes < MIN_MEMORY || bytes > MAX_MEMORY) return { error: `--memory: ${text} is outside what the model boots (64m to 64t)` };
  if (bytes % PAGE_SIZE[arch] !== 0n) return { error: `--memory: ${text} is not a whole number of ${PAGE_SIZE[arch]}-byte pages on ${arch}` };
  return bytes;
}

/** `8g` for 8 GiB, `1536m`, `1t`: the shortest exact spelling. */
export function memoryText(bytes: bigint): string {
  for (const [u, shift] of [['t', 40n], ['g', 30n], ['m', 20n], ['k', 10n]] as const) {
    if (bytes % (1n << shift) === 0n) return `${bytes >> shift}${u}`;
  }
  return `${bytes}`;
}
