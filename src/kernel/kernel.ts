import { ARCHES } from './arch';
import { recipeFor, type BootEvent, type BootVars } from './derive';
import { defaultMachine, machinePages, type Machine, type MachinePages } from './machine';
import { RELEASES } from './releases';
import { DATA_BASE, layoutSymbols, type KernelSymbol } from './symbols';
import type { Arch, ArchId, NddErrno, NddParam, Provenance, ReleaseCatalogue, ReleaseId, SymbolSize } from './types';

export type KernelFault = 'no mapping for address';

export interface NddValue {
  param: NddParam;
  value: number;
  provenance: Provenance;
}

const MASKS: Record<SymbolSize, bigint> = { 1: 0xffn, 2: 0xffffn, 4: 0xffffffffn, 8: 0xffffffffffffffffn };

/** Truncates a value to `size` bytes, as a store of that width does. */
export function truncate(value: bigint, size: SymbolSize): bigint {
  return value & MASKS[size];
}

/** Reads an unsigned value as the signed C integer of `size` bytes. */
export function toSigned(value: bigint, size: SymbolSize): bigint {
  return BigInt.asIntN(size * 8, value);
}

/** One run of the boot's derivations as it goes: the symbols it read before writing them, those it wrote, and what it said. */
interface DeriveTrace {
  reads: KernelSymbol[];
  writes: Set<KernelSymbol>;
  events: BootEvent[];
}

/**
 * A run of the derivations as bytes, to replay it: the data segment's bytes it
 * read (before writing them) as they were, and the bytes it left where it wrote.
 */
interface DeriveReplay {
  readAt: Int32Array;
  readByte: Uint8Array;
  writeAt: Int32Array;
  writeByte: Uint8Array;
  events: BootEvent[];
}

/** The offsets of every byte of `syms` in the data segment, and those bytes now. */
function bytesOf(syms: Iterable<KernelSymbol>, data: Uint8Array): { at: Int32Array; byte: Uint8Array } {
  const at: number[] = [];
  for (const sym of syms) for (let b = 0; b < sym.size; b++) at.push(sym.offset + b);
  return { at: Int32Array.from(at), byte: Uint8Array.from(at, (i) => data[i] as number) };
}

/** Every byte the last run read holds what it held then. */
function replays(last: DeriveReplay, bytes: Uint8Array): boolean {
  for (let i = 0; i < last.readAt.length; i++) if (bytes[last.readAt[i] as number] !== last.readByte[i]) return false;
  return true;
}

/**
 * The model kernel: a byte-addressed data segment holding the release's
 * variables at the arch's endianness, with where each live value came from.
 */
export class Kernel {
  readonly release: ReleaseCatalogue;
  readonly arch: Arch;
  readonly symbols: readonly KernelSymbol[];
  /** Where each symbol ends, in address order: the lookup by address compares without making a BigInt. */
  private readonly ends: readonly bigint[];
  private readonly byName = new Map<string, KernelSymbol>();
  private readonly byModule = new Map<string, KernelSymbol>();
  private readonly data: DataView;

  private readonly end: bigint;
  /**
   * Where each name's live value came from, for those changed since loadDefaults()
   * (the rest are 'default'), at the layout index of the first symbol of that name.
   */
  private readonly provenanceOf: (Provenance | undefined)[];
  /** For each symbol, the layout index of the first symbol of its name (apix's apic_panic_on_nmi shares pcplusmp's). */
  private readonly nameIndex: readonly number[];
  /** The data segment's bytes as loadDefaults() first made them: later reboots copy them back in one go. */
  private defaults: Uint8Array | undefined;
  /** The ndd parameters' live values, made from the release's table when first asked for (a piped `/D` never does). */
  private nddTable: Map<string, NddValue> | undefined;
  readonly machine: Machine;
  readonly pages: MachinePages;
  /** What the last deriveAtBoot() read and did, to do it again without the work when it would read the same. */
  private lastDerive: DeriveReplay | undefined;
  /** How the last boot worked out each derived value, for ::tunables. */
  readonly derivation = new Map<string, string>();
  /** The ARC sizes arc_init set (bytes), for ::arc. */
  readonly arcstats = new Map<string, bigint>();

  constructor(releaseId: ReleaseId = 's10', archId: ArchId = 'sun4v', machine: Machine = defaultMachine(archId)) {
    this.release = RELEASES[releaseId];
    this.arch = ARCHES[archId];
    this.machine = { ...machine, arch: archId };
    this.pages = machinePages(this.machine);
    const { symbols, end } = layoutSymbols(this.release, archId);
    this.symbols = symbols;
    this.ends = symbols.map((sym) => sym.addr + BigInt(sym.size));
    this.end = end;
    this.data = new DataView(new ArrayBuffer(Number(end - DATA_BASE)));
    // A name several modules define (apic_panic_on_nmi in pcplusmp and apix):
    // mdb's bare name finds the first; /etc/system names the module (lookupIn).
    for (const sym of symbols) {
      if (!this.byName.has(sym.name)) this.byName.set(sym.name, sym);
      this.byModule.set(`${sym.module}:${sym.name}`, sym);
    }
    this.nameIndex = symbols.map((sym) => (this.byName.get(sym.name) as KernelSymbol).index);
    this.provenanceOf = new Array<Provenance | undefined>(symbols.length).fill(undefined);
    this.loadDefaults();
    this.deriveAtBoot();
  }

  /**
   * Puts every variable and ndd parameter back to its compiled value: the
   * release default, or for a value the boot works out, what it holds before
   * (physmem as the platform found it; 0 or -1 for the rest). deriveAtBoot()
   * then works them out, after /etc/system has had its say.
   */
  loadDefaults(): void {
    const bytes = new Uint8Array(this.data.buffer);
    if (this.defaults) {
      bytes.set(this.defaults);
    } else {
      const initial = recipeFor(this.release.id).initial;
      for (const sym of this.symbols) {
        const compiled = sym.name === 'physmem' ? this.pages.physmem : initial[sym.name];
        this.store(sym.addr, sym.size, compiled ?? BigInt(sym.entry.default));
      }
      this.defaults = bytes.slice();
    }
    // Every symbol's provenance is 'default' until written (provenance()).
    this.provenanceOf.fill(undefined);
    this.nddTable = undefined;
  }

  private get nddValues(): Map<string, NddValue> {
    if (this.nddTable === undefined) {
      this.nddTable = new Map();
      for (const param of this.release.ndd) {
        this.nddTable.set(`${param.device} ${param.name}`, { param, value: param.default, provenance: 'default' });
      }
    }
    return this.nddTable;
  }

  /**
   * The boot's derivations in the kernel's order (param_calc, dnlc_init, the
   * module loads, setupclock), each only where the value is still compiled-in.
   * Returns what the kernel printed and what fusion-mdb noticed.
   */
  deriveAtBoot(): BootEvent[] {
    const bytes = new Uint8Array(this.data.buffer);
    // The derivations read the variables and the machine only: when every byte they read
    // holds what it held last time, they would do just what they did then.
    const last = this.lastDerive;
    if (last && replays(last, bytes)) {
      for (let i = 0; i < last.writeAt.length; i++) bytes[last.writeAt[i] as number] = last.writeByte[i] as number;
      // derivation and arcstats still hold what that run worked out: only a run of the derivations writes them.
      return [...last.events];
    }
    // What the run reads is known only as it reads it: each variable's bytes are kept the first time.
    const before = bytes.slice();
    this.derivation.clear();
    this.arcstats.clear();
    const events: BootEvent[] = [];
    const trace: DeriveTrace = { reads: [], writes: new Set(), events };
    const ctx = { vars: this.bootVars(trace), machine: this.machine, pages: this.pages, events, explain: this.derivation, arcstats: this.arcstats };
    for (const step of recipeFor(this.release.id).steps) step(ctx);
    const read = bytesOf(trace.reads, before);
    const wrote = bytesOf(trace.writes, bytes);
    this.lastDerive = { readAt: read.at, readByte: read.byte, writeAt: wrote.at, writeByte: wrote.byte, events: [...events] };
    return events;
  }

  /**
   * The variables by name, as the derivations read and write them (without changing
   * provenance); `trace` keeps the values read before any write, and the writes.
   */
  private bootVars(trace: DeriveTrace): BootVars {
    const seen = new Set<KernelSymbol>();
    return {
      has: (name) => this.byName.has(name),
      get: (name) => {
        const sym = this.byName.get(name);
        if (!sym) return 0n;
        if (!seen.has(sym)) { seen.add(sym); if (!trace.writes.has(sym)) trace.reads.push(sym); }
        const raw = this.value(sym);
        return sym.signed ? toSigned(raw, sym.size) : raw;
      },
      set: (name, value) => {
        const sym = this.byName.get(name);
        if (!sym) return;
        this.store(sym.addr, sym.size, value);
        trace.writes.add(sym);
      },
    };
  }

  lookup(name: string): KernelSymbol | undefined {
    return this.byName.get(name);
  }

  /** The variable `name` of one module (`unix` and `genunix` are the kernel proper). */
  lookupIn(module: string, name: string): KernelSymbol | undefined {
    return this.byModule.get(`${module}:${name}`);
  }

  /** The symbol containing `addr`, with the offset into it. */
  symbolAt(addr: bigint): { sym: KernelSymbol; offset: bigint } | undefined {
    const i = this.firstEndingAfter(addr);
    const sym = this.symbols[i];
    return sym && sym.addr <= addr ? { sym, offset: addr - sym.addr } : undefined;
  }

  /** Index of the first symbol (in address order) that ends after `addr`. */
  private firstEndingAfter(addr: bigint): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ends[mid] as bigint) <= addr) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first address past the data segment (the linker's `_edata` and `_end` in unix). */
  get dataEnd(): bigint {
    return this.end;
  }

  isMapped(addr: bigint, size: number): boolean {
    return addr >= DATA_BASE && addr + BigInt(size) <= this.end;
  }

  /** Reads `size` bytes at `addr` as an unsigned integer. */
  read(addr: bigint, size: SymbolSize): bigint | KernelFault {
    if (!this.isMapped(addr, size)) return 'no mapping for address';
    const off = Number(addr - DATA_BASE);
    const le = this.arch.littleEndian;
    switch (size) {
      case 1: return BigInt(this.data.getUint8(off));
      case 2: return BigInt(this.data.getUint16(off, le));
      case 4: return BigInt(this.data.getUint32(off, le));
      case 8: return this.data.getBigUint64(off, le);
    }
  }

  /** Stores `value` truncated to `size` bytes and records who changed the symbols it touches. */
  write(addr: bigint, size: SymbolSize, value: bigint, provenance: Provenance): KernelFault | undefined {
    if (!this.isMapped(addr, size)) return 'no mapping for address';
    this.store(addr, size, value);
    const last = addr + BigInt(size);
    for (let i = this.firstEndingAfter(addr); i < this.symbols.length; i++) {
      const sym = this.symbols[i] as KernelSymbol;
      if (sym.addr >= last) break;
      this.provenanceOf[this.nameIndex[sym.index] as number] = provenance;
    }
    return undefined;
  }

  /** Stores a whole symbol's value (truncated to its size), as write() at its address does. */
  writeSymbol(sym: KernelSymbol, value: bigint, provenance: Provenance): void {
    if (!this.owns(sym)) {
      this.write(sym.addr, sym.size, value, provenance);
      return;
    }
    this.storeAt(sym.offset, sym.size, value);
    this.provenanceOf[this.nameIndex[sym.index] as number] = provenance;
  }

  /** `sym` is this kernel's (its offset and index hold here). */
  private owns(sym: KernelSymbol): boolean {
    return this.symbols[sym.index] === sym;
  }

  /** The live value of a symbol, unsigned. */
  value(sym: KernelSymbol): bigint {
    if (!this.owns(sym)) return this.read(sym.addr, sym.size) as bigint;
    const off = sym.offset;
    const le = this.arch.littleEndian;
    switch (sym.size) {
      case 1: return BigInt(this.data.getUint8(off));
      case 2: return BigInt(this.data.getUint16(off, le));
      case 4: return BigInt(this.data.getUint32(off, le));
      case 8: return this.data.getBigUint64(off, le);
    }
  }

  provenance(name: string): Provenance | undefined {
    const sym = this.byName.get(name);
    return sym === undefined ? undefined : this.provenanceOf[sym.index] ?? 'default';
  }

  ndd(device: string, name: string): NddValue | undefined {
    return this.nddValues.get(`${device} ${name}`);
  }

  nddParams(): NddValue[] {
    return [...this.nddValues.values()];
  }

  /**
   * Sets an ndd parameter; null when it took the value, else the errno the kernel
   * answers: EINVAL out of the parameter's range (ndd: "operation failed: Invalid
   * argument"), ERANGE for a send_buf or recv_buf above the protocol's current
   * max_buf on the releases tuned with ipadm (tunables.c, mod_set_buf_prop()).
   */
  setNdd(device: string, name: string, value: number, provenance: Provenance = 'ndd'): NddErrno | null {
    const cur = this.nddValues.get(`${device} ${name}`);
    if (!cur || value < cur.param.min || value > cur.param.max) return 'EINVAL';
    const maxBuf = this.bufferBound(cur.param);
    if (maxBuf !== undefined && value > maxBuf) return 'ERANGE';
    this.nddValues.set(`${device} ${name}`, { param: cur.param, value, provenance });
    return null;
  }

  /** mod_get_buf_prop_range(): a send_buf or recv_buf is bounded by max_buf's current value. */
  private bufferBound(param: NddParam): number | undefined {
    if (param.ipadm !== 'send_buf' && param.ipadm !== 'recv_buf') return undefined;
    const max = this.nddParams().find((v) => v.param.device === param.device && v.param.ipadm === 'max_buf');
    return max?.value;
  }

  private store(addr: bigint, size: SymbolSize, value: bigint): void {
    this.storeAt(Number(addr - DATA_BASE), size, value);
  }

  private storeAt(off: number, size: SymbolSize, value: bigint): void {
    const le = this.arch.littleEndian;
    // A value that fits is stored as it is: no BigInt made.
    const v = value >= 0n && value <= MASKS[size] ? value : truncate(value, size);
    switch (size) {
      case 1: this.data.setUint8(off, Number(v)); break;
      case 2: this.data.setUint16(off, Number(v), le); break;
      case 4: this.data.setUint32(off, Number(v), le); break;
      case 8: this.data.setBigUint64(off, v, le); break;
    }
  }
}
