// The catalogue schema: what the model kernel knows about a variable, an ndd
// parameter, a release and a machine architecture. Data lives in releases/.

/** C types of kernel variables, LP64 (the model is a 64-bit kernel). */
export const C_TYPES = {
  char: { size: 1, signed: true },
  uchar_t: { size: 1, signed: false },
  int8_t: { size: 1, signed: true },
  uint8_t: { size: 1, signed: false },
  short: { size: 2, signed: true },
  ushort_t: { size: 2, signed: false },
  uint16_t: { size: 2, signed: false },
  int: { size: 4, signed: true },
  int32_t: { size: 4, signed: true },
  uint_t: { size: 4, signed: false },
  uint32_t: { size: 4, signed: false },
  boolean_t: { size: 4, signed: false },
  long: { size: 8, signed: true },
  ulong_t: { size: 8, signed: false },
  size_t: { size: 8, signed: false },
  ssize_t: { size: 8, signed: true },
  pgcnt_t: { size: 8, signed: false },
  spgcnt_t: { size: 8, signed: true },
  clock_t: { size: 8, signed: true },
  time_t: { size: 8, signed: true },
  hrtime_t: { size: 8, signed: true },
  int64_t: { size: 8, signed: true },
  uint64_t: { size: 8, signed: false },
  longlong_t: { size: 8, signed: true },
  u_longlong_t: { size: 8, signed: false },
  uintptr_t: { size: 8, signed: false },
  /** dtrace.h: an option value, int64_t. */
  dtrace_optval_t: { size: 8, signed: true },
} as const satisfies Record<string, { size: 1 | 2 | 4 | 8; signed: boolean }>;

export type CType = keyof typeof C_TYPES;
export type SymbolSize = 1 | 2 | 4 | 8;

/** Where a live value came from. */
export type Provenance = 'default' | 'etc-system' | 'mdb' | 'ndd';

/** Kernel proper: `set NAME=...` in /etc/system, no module prefix. */
export const KERNEL_PROPER = ['unix', 'genunix'] as const;

export function isKernelProper(module: string): boolean {
  return (KERNEL_PROPER as readonly string[]).includes(module);
}

export type VariableStatus = 'current' | 'obsolete' | 'removed';

export interface VariableEntry {
  name: string;
  /** Loadable module that defines it, or 'unix'/'genunix' for the kernel proper. */
  module: string;
  type: CType;
  /** Default value on this release (bigint for 64-bit values past 2^53). */
  default: number | bigint;
  /** Documented range, inclusive. */
  range?: readonly [number | bigint, number | bigint];
  units?: string;
  /** One line, in our own words. */
  description: string;
  /** `removed` entries are not symbols of the kernel: they exist only to explain. */
  status: VariableStatus;
  /** What replaces an obsolete or removed variable. */
  replacedBy?: string;
  /** When it became obsolete or was removed, and by which change. */
  since?: string;
  /** Only on this machine architecture (platform code, or a module only built there). */
  arch?: ArchId;
  /** What in this row is not read from source or the release's manual, and why. */
  uncertain?: string;
  /** Where the fact comes from (manual section or source file). */
  source: string;
}

export type NddDevice = '/dev/tcp' | '/dev/ip' | '/dev/udp';

/** What the kernel answers a refused ndd or ipadm set with. */
export type NddErrno = 'EINVAL' | 'ERANGE';

export interface NddParam {
  device: NddDevice;
  name: string;
  /** The ipadm property, on releases where ipadm tunes the protocol (see ndd/ipadm.ts). */
  ipadm?: string;
  default: number;
  min: number;
  max: number;
  description: string;
}

export type ReleaseId = 's10' | 'opensolaris' | 'illumos' | 'solaris11';
export type ArchId = 'sun4v' | 'i86pc';

export interface ReleaseCatalogue {
  id: ReleaseId;
  /** `uname -rv`, as ::status prints it. */
  uname: string;
  variables: readonly VariableEntry[];
  ndd: readonly NddParam[];
  /** The kernel modules of this release on each architecture (see releases/modules). */
  modules: Readonly<Record<ArchId, ReadonlySet<string>>>;
  /** Modules whose every variable is in the catalogue: a name not there is certainly absent. */
  complete: ReadonlySet<string>;
  /** Where the module lists come from, and how sure they are. */
  modulesSource: string;
  /** How an ndd setting is usually made permanent on this release. */
  nddPersistence: string;
  /** TCP/IP tuning goes through ipadm set-prop (public names) rather than ndd on this release. */
  ipadm?: boolean;
}

export interface Arch {
  id: ArchId;
  pageSize: number;
  littleEndian: boolean;
  /** The kernel's `platform` string (uname -i), which mdb's kvm target reads for %p in its paths. */
  platform: string;
  /** The 64-bit instruction set: the kvm target's ISA is mdb_conf_isa, the ISA 64-bit mdb was built for (%i in its paths). */
  isa: string;
}
