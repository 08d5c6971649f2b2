import { editDistance } from '../kernel/explain';

export type Peer = 'local' | 'remote';
export type WriteMode = 'nonblocking' | 'blocking';
/** yield: R runs when S yields; every N: R reads after every N writes; never: R sleeps. */
export type ReaderPolicy = 'yield' | 'never' | { every: number };
/** socket: a plain socket reader (synchronous streams); tli or a pushed module: bytes only. */
export type Receiver = 'socket' | 'tli' | 'module';

/** One sender -> receiver pair and what the sender writes. */
export interface Flow {
  name: string;
  peer: Peer;
  /** Write sizes, repeated: write k has size pattern[(k-1) mod length]. */
  pattern: number[];
  bursts: number;
  burstWrites: number;
  /**
   * A literal sequence of write sizes, as a trace saw them: write k has size sizes[k-1]. In a
   * workload file it stands instead of pattern, bursts and burstWrites, which it implies: one
   * burst of exactly these writes (pattern = sizes, bursts = 1, burstWrites = sizes.length).
   */
  sizes?: number[];
  /** With sizes: the writes after which the sender gives up the CPU (a `yield` reader runs then). */
  yieldAfter?: number[];
  mode: WriteMode;
  reader?: ReaderPolicy;
  /** S's SO_SNDBUF. */
  sndbuf?: number;
  /** R's SO_RCVBUF. */
  rcvbuf?: number;
  receiver?: Receiver;
  ipsec?: boolean;
  ipqos?: boolean;
  kssl?: boolean;
  ipOptions?: boolean;
  differentSqueue?: boolean;
  /** An IP Filter rule drops a packet of write K: the pair is unfused from then on. */
  ipfilterDropAt?: number;
}

export interface Workload {
  name: string;
  flows: Flow[];
}

/** One line: the file, the field path and what is wrong with it. */
export interface WorkloadError {
  error: string;
}

export function isWorkloadError(w: Workload | WorkloadError): w is WorkloadError {
  return 'error' in w;
}

// fusion.md "The built-in workload": pairs of 12- and 696-byte writes, non-blocking, in
// 1000 bursts of 24, to one local and one remote receiver that read when the sender yields.
export const CUSTOMER_CASE: Workload = {
  name: 'customer-case',
  flows: [
    { name: 'local', peer: 'local', pattern: [12, 696], bursts: 1000, burstWrites: 24, mode: 'nonblocking', reader: 'yield' },
    { name: 'remote', peer: 'remote', pattern: [12, 696], bursts: 1000, burstWrites: 24, mode: 'nonblocking', reader: 'yield' },
  ],
};

/** A validation failure: the path of the bad field and what was wrong. */
class Bad {
  constructor(readonly path: string, readonly message: string) {}
}

type Check<T> = (v: unknown, path: string) => T;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}

const positiveInteger: Check<number> = (v, path) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) {
    throw new Bad(path, `expected a positive integer, got ${describe(v)}`);
  }
  return v;
};

const boolean: Check<boolean> = (v, path) => {
  if (typeof v !== 'boolean') throw new Bad(path, `expected true or false, got ${describe(v)}`);
  return v;
};

const nonEmptyString: Check<string> = (v, path) => {
  if (typeof v !== 'string' || v === '') throw new Bad(path, `expected a non-empty string, got ${describe(v)}`);
  return v;
};

function oneOf<T extends string>(...choices: T[]): Check<T> {
  return (v, path) => {
    if (typeof v !== 'string' || !(choices as string[]).includes(v)) {
      throw new Bad(path, `expected ${choices.map((c) => JSON.stringify(c)).join(' or ')}, got ${describe(v)}`);
    }
    return v as T;
  };
}

function arrayOf<T>(item: Check<T>): Check<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) throw new Bad(path, `expected an array, got ${describe(v)}`);
    if (v.length === 0) throw new Bad(path, 'expected at least one element, got an empty array');
    return v.map((x, i) => item(x, `${path}[${i}]`));
  };
}

/** A field table: its checker, and whether the field may be left out. */
type Fields<T> = { [K in keyof T]-?: { check: Check<T[K]>; optional: undefined extends T[K] ? true : false } };

function objectOf<T>(fields: Fields<T>): Check<T> {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw new Bad(path, `expected an object, got ${describe(v)}`);
    }
    const known = Object.keys(fields);
    const at = (key: string): string => (path === '' ? key : `${path}.${key}`);
    for (const key of Object.keys(v)) {
      if (known.includes(key)) continue;
      const near = known.find((k) => editDistance(key, k, 2) <= 2);
      throw new Bad(path, `unknown field ${JSON.stringify(key)}${near ? ` (did you mean ${JSON.stringify(near)}?)` : ''}`);
    }
    const out: Record<string, unknown> = {};
    const record = v as Record<string, unknown>;
    for (const key of known) {
      const field = fields[key as keyof T];
      if (record[key] === undefined) {
        if (!field.optional) throw new Bad(at(key), 'missing');
        continue;
      }
      out[key] = field.check(record[key], at(key));
    }
    return out as T;
  };
}

const required = <T>(check: Check<T>) => ({ check, optional: false as const });
const optional = <T>(check: Check<T>) => ({ check, optional: true as const });

const reader: Check<ReaderPolicy> = (v, path) =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? objectOf<{ every: number }>({ every: required(positiveInteger) })(v, path)
    : oneOf('yield', 'never')(v, path);

/** Writes numbered 1..n in increasing order (an empty list is allowed). */
function writeNumbers(n: number): Check<number[]> {
  return (v, path) => {
    if (!Array.isArray(v)) throw new Bad(path, `expected an array, got ${describe(v)}`);
    return v.map((x, i) => {
      const k = positiveInteger(x, `${path}[${i}]`);
      if (k > n) throw new Bad(`${path}[${i}]`, `write ${k} is past the last write (${n})`);
      if (i > 0 && k <= (v[i - 1] as number)) throw new Bad(`${path}[${i}]`, `expected write numbers in increasing order, got ${k} after ${String(v[i - 1])}`);
      return k;
    });
  };
}

type FlowFile = Omit<Flow, 'pattern' | 'bursts' | 'burstWrites' | 'yieldAfter'> &
  Partial<Pick<Flow, 'pattern' | 'bursts' | 'burstWrites'>> & { yieldAfter?: unknown };

const flowFields = objectOf<FlowFile>({
  name: required(nonEmptyString),
  peer: required(oneOf('local', 'remote')),
  pattern: optional(arrayOf(positiveInteger)),
  bursts: optional(positiveInteger),
  burstWrites: optional(positiveInteger),
  sizes: optional(arrayOf(positiveInteger)),
  yieldAfter: optional((v) => v),
  mode: required(oneOf('nonblocking', 'blocking')),
  reader: optional(reader),
  sndbuf: optional(positiveInteger),
  rcvbuf: optional(positiveInteger),
  receiver: optional(oneOf('socket', 'tli', 'module')),
  ipsec: optional(boolean),
  ipqos: optional(boolean),
  kssl: optional(boolean),
  ipOptions: optional(boolean),
  differentSqueue: optional(boolean),
  ipfilterDropAt: optional(positiveInteger),
});

/** A literal sequence is one burst of exactly its writes; yieldAfter goes only with it. */
function writesOf(f: FlowFile, path: string): Pick<Flow, 'pattern' | 'bursts' | 'burstWrites' | 'sizes' | 'yieldAfter'> {
  if (f.sizes !== undefined) {
    // The implied values may be written out (a flow saved as the engine holds it); nothing else.
    const implied = { pattern: f.sizes, bursts: 1, burstWrites: f.sizes.length };
    const same = (k: keyof typeof implied): boolean => JSON.stringify(f[k]) === JSON.stringify(implied[k]);
    const extra = (['pattern', 'bursts', 'burstWrites'] as const).find((k) => f[k] !== undefined && !same(k));
    if (extra) throw new Bad(`${path}.${extra}`, 'not with "sizes": a literal sequence is one burst of exactly its writes');
    const yieldAfter = f.yieldAfter === undefined ? undefined : writeNumbers(f.sizes.length)(f.yieldAfter, `${path}.yieldAfter`);
    return { pattern: f.sizes, bursts: 1, burstWrites: f.sizes.length, sizes: f.sizes, ...(yieldAfter ? { yieldAfter } : {}) };
  }
  if (f.yieldAfter !== undefined) throw new Bad(`${path}.yieldAfter`, 'only with "sizes" (a literal sequence)');
  const missing = (['pattern', 'bursts', 'burstWrites'] as const).find((k) => f[k] === undefined);
  if (missing) throw new Bad(`${path}.${missing}`, 'missing (or give "sizes", a literal sequence)');
  return { pattern: f.pattern as number[], bursts: f.bursts as number, burstWrites: f.burstWrites as number };
}

const flow: Check<Flow> = (v, path) => {
  const f = flowFields(v, path);
  const { pattern: _p, bursts: _b, burstWrites: _w, sizes: _s, yieldAfter: _y, ...rest } = f;
  const w = { ...rest, ...writesOf(f, path) } as Flow;
  if (!Number.isSafeInteger(w.bursts * w.burstWrites)) {
    throw new Bad(`${path}.bursts`, `bursts × burstWrites is past 2^53, got ${w.bursts} × ${w.burstWrites}`);
  }
  return w;
};


const workload: Check<Workload> = (v, path) => {
  const w = objectOf<Workload>({ name: required(nonEmptyString), flows: required(arrayOf(flow)) })(v, path);
  const seen = new Set<string>();
  w.flows.forEach((f, i) => {
    if (seen.has(f.name)) throw new Bad(`flows[${i}].name`, `duplicate flow name ${JSON.stringify(f.name)}`);
    seen.add(f.name);
  });
  return w;
};

/** Parses and checks a workload file; never throws. */
export function parseWorkload(text: string, file: string): Workload | WorkloadError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    // JSON.parse quotes the text near the fault: keep it one line, control bytes as \uXXXX.
    const line = why.replace(/\s*\n\s*/g, ' ').replace(/[\x00-\x1f\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return { error: `${file}: not JSON: ${line}` };
  }
  try {
    return workload(json, '');
  } catch (e) {
    if (!(e instanceof Bad)) throw e;
    return { error: e.path === '' ? `${file}: ${e.message}` : `${file}: ${e.path}: ${e.message}` };
  }
}
