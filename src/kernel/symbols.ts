import { C_TYPES, type ArchId, type ReleaseCatalogue, type SymbolSize, type VariableEntry } from './types';

/** A kernel symbol: a catalogued variable placed in the model's data segment. */
export interface KernelSymbol {
  name: string;
  module: string;
  /** Its place in the layout (0, 1, ...) and its byte offset into the data segment. */
  index: number;
  offset: number;
  addr: bigint;
  size: SymbolSize;
  signed: boolean;
  entry: VariableEntry;
}

/** Start of the model data segment; symbols follow in catalogue order. */
export const DATA_BASE = 0xfffffffffbc2f0a0n;

/** A catalogue row that is a symbol of the kernel of this release on this machine. */
export const isSymbolOn = (entry: VariableEntry, arch: ArchId): boolean =>
  entry.status !== 'removed' && (entry.arch === undefined || entry.arch === arch);

/** Lays out every non-removed variable of a release on an arch, each aligned to its size. */
export function layoutSymbols(release: ReleaseCatalogue, arch: ArchId): { symbols: KernelSymbol[]; end: bigint } {
  const symbols: KernelSymbol[] = [];
  let addr = DATA_BASE;
  for (const entry of release.variables) {
    if (!isSymbolOn(entry, arch)) continue;
    const { size, signed } = C_TYPES[entry.type];
    const align = BigInt(size);
    addr = (addr + align - 1n) / align * align;
    symbols.push({ name: entry.name, module: entry.module, index: symbols.length, offset: Number(addr - DATA_BASE), addr, size, signed, entry });
    addr += align;
  }
  return { symbols, end: addr };
}
