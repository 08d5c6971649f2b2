// fusion-mdb's note when a read or write is not the size of the symbol at its
// address: mdb prints the bytes and says nothing, but `physmem/D` on sun4v
// shows the high half of an 8-byte pgcnt_t (0), and `/W` into an 8-byte
// variable changes half of it. Also a write value wider than the write.

import type { Kernel } from '../kernel/kernel';

const fmtChar = (size: number, write: boolean): string =>
  write ? ({ 1: 'v', 2: 'w', 4: 'W', 8: 'Z' } as Record<number, string>)[size] as string
    : ({ 1: 'B', 2: 'd', 4: 'D', 8: 'E' } as Record<number, string>)[size] as string;

/**
 * The note for one access of `size` bytes at `addr` (the first of a `/fmt`
 * or a `/W`), or undefined when it matches the symbol there (or no symbol
 * starts there). `value` is the value a write was given.
 */
export function sizeNote(k: Kernel, addr: bigint, size: number, access: 'read' | 'write', value?: bigint): string | undefined {
  const wide = value !== undefined && size < 8 && value >= 1n << BigInt(size * 8) && value < 1n << 64n
    && BigInt.asIntN(64, value) >= 0n;
  const truncated = wide ? `note: 0x${value.toString(16)} does not fit in ${size} bytes: /${fmtChar(size, true)} stored 0x${BigInt.asUintN(size * 8, value).toString(16)}` : undefined;
  const at = k.symbolAt(addr);
  if (!at || at.offset !== 0n || at.sym.size === size) return truncated;
  const { sym } = at;
  const what = `${sym.name} is ${sym.size} bytes (${sym.entry.type})`;
  const verb = access === 'read' ? 'read' : 'wrote';
  let text: string;
  if (size < sym.size) {
    const half = k.arch.littleEndian ? 'low-order' : 'high-order';
    const first = size === 1 ? 'first byte, the high-order one' : `first ${size} bytes, the ${half} ones`;
    text = `note: ${what}; /${fmtChar(size, access === 'write')} ${verb} only its ${size === 1 && k.arch.littleEndian ? 'first byte, the low-order one' : first} on ${k.arch.id}: use /${fmtChar(sym.size, access === 'write')}`;
  } else {
    const next = k.symbolAt(addr + BigInt(sym.size));
    const into = next ? `, into ${next.sym.name}` : ', past its end';
    text = `note: ${what}; /${fmtChar(size, access === 'write')} ${verb} ${size} bytes${into}: use /${fmtChar(sym.size, access === 'write')}`;
  }
  return truncated ? `${text}\n${truncated}` : text;
}
