// A truss trace becomes a workload: one flow per TCP socket descriptor that receives writes,
// with the exact sizes as traced, where the sender gave up the CPU, and where truss saw EAGAIN.
// Pure: text in, an import (or an error) out.

import type { Flow, Peer, Workload } from '../fusion/workload';
import { lexTruss, type CallRecord, type TrussRecord } from './truss-lexer';

/** A line (or a piece of one) the importer could not use, and why. */
export interface SkippedLine {
  line: number;
  text: string;
  why: string;
}

/** One socket descriptor that received writes, as the trace shows it. */
export interface TracedFlow {
  name: string;
  pid: number | null;
  fd: number;
  /** From a -v sockaddr line; null when the trace does not show the peer. */
  peer: Peer | null;
  address: string | null;
  /** What shows it is a socket: the call that made it or used it. */
  socketBy: string;
  nonblocking: boolean;
  /** Requested size (argument 3) of each write that went in, in trace order. */
  sizes: number[];
  /** Write numbers (1-based, in sizes) whose attempt failed with Err#11 EAGAIN, once per attempt. */
  eagainAt: number[];
  /** Write numbers truss saw sleeping (a blocking writer waiting). */
  blockedAt: number[];
  /** Writes after which the process gave up the CPU in another call (pollsys, nanosleep, ...). */
  yieldAfter: number[];
  /** Writes that failed with another error (EPIPE, ECONNRESET, ...). */
  failed: number;
}

/** Writes on descriptors that are no TCP socket as far as the trace shows. */
export interface OtherWrites {
  pid: number | null;
  fd: number;
  writes: number;
  why: string;
}

export interface TrussImport {
  file: string;
  lines: number;
  /** System call lines read (a sleeping line and its completion count twice). */
  calls: number;
  /** Every write, send, sendto, writev and sendmsg line that completed or failed. */
  writes: number;
  flows: TracedFlow[];
  other: OtherWrites[];
  /** Lines (or pieces of lines) it could not use, and the first of them named. */
  skippedCount: number;
  skipped: SkippedLine[];
}

export interface ImportError {
  error: string;
}

export function isImportError<T extends object>(x: T | ImportError): x is ImportError {
  return 'error' in x;
}

const WRITES = new Set(['write', 'send', 'sendto', 'writev', 'sendmsg']);
// Calls only a socket takes (truss prints the kernel's names: so_socket, not socket).
const SOCKET_CALLS = new Set(['send', 'sendto', 'sendmsg', 'recv', 'recvfrom', 'recvmsg', 'connect', 'bind', 'listen',
  'getsockopt', 'setsockopt', 'getpeername', 'getsockname', 'shutdown']);
// Where a process gives up the CPU between two writes: R runs then (reader `yield`).
const YIELDS = new Set(['pollsys', 'poll', 'pselect', 'select', 'nanosleep', 'lwp_park', 'yield', 'port_getn', 'port_get',
  'sigtimedwait', 'sigsuspend', 'pause', 'lwp_wait', 'waitid', 'semtimedop', 'semop']);
const OPENS = new Set(['open', 'open64', 'openat', 'openat64', 'creat', 'creat64']);
// errno.h: only a socket gives these.
const SOCKET_ERRNOS = new Set([131, 134, 146]); // ECONNRESET, ENOTCONN, ECONNREFUSED
const EAGAIN = 11; // EAGAIN == EWOULDBLOCK on Solaris
// fcntl.h / file.h: O_NONBLOCK = FNONBLOCK 0x80, O_NDELAY = FNDELAY 0x04; F_SETFL is 4.
const NONBLOCK_BITS = 0x84;
const F_SETFL = '4';
const MAX_SKIPPED = 1000;

/** What the trace knows of one descriptor of one process, until it is closed. */
interface Descriptor {
  pid: number | null;
  fd: number;
  kind: 'tcp' | 'other-socket' | 'file' | 'unknown';
  socketBy: string;
  otherWhy: string;
  flow: TracedFlow | null;
  nonblocking: boolean;
  address: string | null;
  /** The last attempt failed with EAGAIN and no write went in since. */
  eagainPending: boolean;
  writes: number;
}

const key = (pid: number | null, fd: number): string => `${pid ?? ''}:${fd}`;
const decimal = (s: string | undefined): number | null => (s !== undefined && /^\d+$/.test(s) ? Number(s) : null);
const fdArg = (c: CallRecord): number | null => decimal(c.args[0]);

function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1' || /^::ffff:127\./i.test(address);
}

class Importer {
  readonly fds = new Map<string, Descriptor>();
  readonly all: Descriptor[] = [];
  readonly flows: TracedFlow[] = [];
  readonly skipped: SkippedLine[] = [];
  skippedCount = 0;
  calls = 0;
  writes = 0;
  /** The call the next -v line explains. */
  lastCall: CallRecord | null = null;
  /** writev/sendmsg waiting for their -v iovec lines. */
  iovFor: { c: CallRecord; total: number; seen: boolean } | null = null;
  readonly ownAddresses = new Set<string>();
  readonly pids = new Set<number | null>();

  skip(line: number, text: string, why: string): void {
    this.skippedCount++;
    if (this.skipped.length < MAX_SKIPPED) this.skipped.push({ line, text: text.length > 120 ? `${text.slice(0, 117)}...` : text, why });
  }

  get(pid: number | null, fd: number): Descriptor {
    let d = this.fds.get(key(pid, fd));
    if (!d) {
      d = { pid, fd, kind: 'unknown', socketBy: '', otherWhy: '', flow: null, nonblocking: false, address: null, eagainPending: false, writes: 0 };
      this.fds.set(key(pid, fd), d);
      this.all.push(d);
    }
    return d;
  }

  fresh(pid: number | null, fd: number): Descriptor {
    this.fds.delete(key(pid, fd));
    return this.get(pid, fd);
  }

  socket(d: Descriptor, by: string): void {
    if (d.kind === 'unknown' || d.kind === 'file') {
      d.kind = 'tcp';
      d.socketBy = by;
    }
  }

  call(c: CallRecord): void {
    this.calls++;
    this.pids.add(c.pid);
    this.finishIov();
    this.lastCall = c;
    const fd = fdArg(c);
    const result = decimal(c.value ?? undefined);
    if (c.sleeping) {
      if (WRITES.has(c.name) && fd !== null) this.blocked(this.get(c.pid, fd));
      this.yielded(c.pid);
      return;
    }
    if (YIELDS.has(c.name)) this.yielded(c.pid);
    switch (c.name) {
      case 'so_socket': {
        if (result === null) return;
        const d = this.fresh(c.pid, result);
        const tcp = /^PF_INET6?$|^AF_INET6?$|^2$|^26$/.test(c.args[0] ?? '') && /SOCK_STREAM|^2$/.test(c.args[1] ?? '');
        d.kind = tcp ? 'tcp' : 'other-socket';
        d.socketBy = 'so_socket';
        d.otherWhy = tcp ? '' : `a ${c.args[0]} ${c.args[1]} socket, not TCP`;
        return;
      }
      case 'accept': {
        if (result === null) return;
        const listener = fd === null ? undefined : this.fds.get(key(c.pid, fd));
        const d = this.fresh(c.pid, result);
        d.kind = listener?.kind === 'other-socket' ? 'other-socket' : 'tcp';
        d.otherWhy = listener?.otherWhy ?? '';
        d.socketBy = 'accept';
        return;
      }
      case 'close':
        if (fd !== null && c.errno === null) this.fds.delete(key(c.pid, fd));
        return;
      case 'dup':
        if (fd !== null && result !== null) this.alias(c.pid, fd, result);
        return;
      case 'dup2':
        if (fd !== null && result !== null) this.alias(c.pid, fd, result);
        return;
      case 'pipe':
        if (result !== null) this.fresh(c.pid, result).kind = 'file';
        return;
      case 'fcntl':
        this.fcntl(c, fd, result);
        return;
      case 'ioctl':
        if (fd !== null && /FIONBIO/.test(c.args[1] ?? '')) this.get(c.pid, fd).nonblocking = true;
        return;
      default:
    }
    if (OPENS.has(c.name) && result !== null) {
      const d = this.fresh(c.pid, result);
      d.kind = 'file';
      d.otherWhy = `opened by ${c.name}`;
      return;
    }
    if (fd === null) return;
    if (SOCKET_CALLS.has(c.name)) this.socket(this.get(c.pid, fd), c.name);
    if (c.errno !== null && SOCKET_ERRNOS.has(c.errno)) this.socket(this.get(c.pid, fd), `Err#${c.errno}`);
    if (WRITES.has(c.name)) this.write(c, this.get(c.pid, fd));
  }

  alias(pid: number | null, from: number, to: number): void {
    const d = this.fds.get(key(pid, from));
    if (d) this.fds.set(key(pid, to), d);
  }

  fcntl(c: CallRecord, fd: number | null, result: number | null): void {
    if (fd === null) return;
    const cmd = c.args[1] ?? '';
    if ((cmd === 'F_DUPFD' || cmd === '0') && result !== null) {
      this.alias(c.pid, fd, result);
      return;
    }
    if (cmd !== 'F_SETFL' && cmd !== F_SETFL) return;
    const flags = c.args[2] ?? '';
    const raw = /^0x[0-9A-Fa-f]+$/.test(flags) ? Number(flags) : null;
    this.get(c.pid, fd).nonblocking = raw !== null ? (raw & NONBLOCK_BITS) !== 0 : /FNONBLOCK|FNDELAY|O_NONBLOCK|O_NDELAY/.test(flags);
  }

  write(c: CallRecord, d: Descriptor): void {
    this.writes++;
    d.writes++;
    // An fd of unknown kind may still show itself a socket later (recv, ECONNRESET): keep its writes.
    if (d.kind === 'file' || d.kind === 'other-socket') return;
    const flow = this.flowOf(d);
    if (c.errno === EAGAIN) {
      flow.eagainAt.push(flow.sizes.length + 1);
      d.nonblocking = true;
      d.eagainPending = true;
      return;
    }
    if (c.errno !== null) {
      flow.failed++;
      return;
    }
    if (c.value === null) return;
    const size = this.sizeOf(c);
    if (size === null) {
      this.iovFor = { c, total: 0, seen: false };
      return;
    }
    this.wrote(flow, d, size, c);
  }

  wrote(flow: TracedFlow, d: Descriptor, size: number, c: CallRecord): void {
    if (size === 0) {
      this.skip(c.line, `${c.name}(${c.args.join(', ')})`, 'a write of 0 bytes moves nothing');
      return;
    }
    flow.sizes.push(size);
    d.eagainPending = false;
  }

  /** write/send/sendto: argument 3; writev/sendmsg: the -v iovec lengths, which come next. */
  sizeOf(c: CallRecord): number | null {
    if (c.name === 'writev' || c.name === 'sendmsg') return null;
    return decimal(c.args[2]);
  }

  finishIov(): void {
    const iov = this.iovFor;
    if (!iov) return;
    this.iovFor = null;
    const fd = fdArg(iov.c) as number;
    const d = this.get(iov.c.pid, fd);
    if (iov.seen) {
      this.wrote(this.flowOf(d), d, iov.total, iov.c);
      return;
    }
    // Without -v the iovec lengths are not shown; the returned count is what went in.
    const n = decimal(iov.c.value ?? undefined);
    if (n !== null) this.wrote(this.flowOf(d), d, n, iov.c);
    else this.skip(iov.c.line, `${iov.c.name}(${iov.c.args.join(', ')})`, 'its size is not shown (trace it with -v)');
  }

  blocked(d: Descriptor): void {
    if (d.kind === 'file' || d.kind === 'other-socket') return;
    const flow = this.flowOf(d);
    flow.blockedAt.push(flow.sizes.length + 1);
  }

  /** The process gave up the CPU: every flow of it whose writer is not waiting on EAGAIN yields. */
  yielded(pid: number | null): void {
    for (const d of new Set(this.fds.values())) {
      if (d.pid !== pid || d.flow === null || d.eagainPending) continue;
      const f = d.flow;
      const k = f.sizes.length;
      if (k > 0 && f.yieldAfter[f.yieldAfter.length - 1] !== k) f.yieldAfter.push(k);
    }
  }

  flowOf(d: Descriptor): TracedFlow {
    if (d.flow) return d.flow;
    d.flow = {
      name: '', pid: d.pid, fd: d.fd, peer: null, address: d.address, socketBy: d.socketBy, nonblocking: d.nonblocking,
      sizes: [], eagainAt: [], blockedAt: [], yieldAfter: [], failed: 0,
    };
    this.flows.push(d.flow);
    return d.flow;
  }

  /** -v lines: sockaddrs of connect/accept/getsockname, iovec lengths of writev/sendmsg. */
  detail(text: string): void {
    const c = this.lastCall;
    const sa = /^AF_INET6?\s+(name|to|msg_name)\s*=\s*(\S+)\s+port\s*=\s*\d+/.exec(text);
    if (sa && c) {
      const fd = c.name === 'accept' ? decimal(c.value ?? undefined) : fdArg(c);
      if (fd === null) return;
      if (c.name === 'getsockname' || c.name === 'bind') this.ownAddresses.add(sa[2] as string);
      else if (c.name === 'connect' || c.name === 'accept' || c.name === 'getpeername') this.get(c.pid, fd).address = sa[2] as string;
      return;
    }
    const iov = /iov_len\s*=\s*(\d+)/.exec(text);
    if (iov && this.iovFor) {
      this.iovFor.total += Number(iov[1]);
      this.iovFor.seen = true;
    }
  }

  result(file: string, lines: number): TrussImport {
    this.finishIov();
    const many = this.pids.size > 1;
    const names = new Map<string, number>();
    const owner = new Map(this.all.filter((d) => d.flow !== null).map((d) => [d.flow as TracedFlow, d]));
    const flows = this.flows.filter((f) => owner.get(f)?.kind === 'tcp' && f.sizes.length + f.eagainAt.length + f.failed > 0);
    for (const f of flows) {
      const d = owner.get(f) as Descriptor;
      f.nonblocking = d.nonblocking;
      f.address = d.address;
      f.socketBy = d.socketBy;
      f.peer = d.address === null ? null : isLoopback(d.address) || this.ownAddresses.has(d.address) ? 'local' : 'remote';
      const base = `${many && f.pid !== null ? `${f.pid}/` : ''}fd${f.fd}`;
      const n = (names.get(base) ?? 0) + 1;
      names.set(base, n);
      f.name = n === 1 ? base : `${base}#${n}`;
    }
    const other = this.all.filter((d) => d.kind !== 'tcp' && d.writes > 0).map((d) => ({
      pid: d.pid, fd: d.fd, writes: d.writes,
      why: d.otherWhy || (d.kind === 'file' ? 'not a socket' : 'not seen to be a socket (no so_socket, accept, connect or send on it)'),
    }));
    return {
      file, lines, calls: this.calls, writes: this.writes, flows,
      other, skippedCount: this.skippedCount, skipped: this.skipped,
    };
  }
}

const LIKE = `truss prints lines like 'write(5, "...", 12)  = 12'`;

/**
 * Lines holding a `name(args)` call, and those where a call has truss's result column
 * (sysexit's `= VALUE` or `Err#N`, or "(sleeping...)"). Source code and scripts have calls
 * but no result: C's `write(fd, buf, 12);`. A real trace has a result on nearly every call
 * line (`_exit` and a call cut off at the end of the trace have none).
 */
function callShape(records: readonly TrussRecord[]): { lines: number; withResult: number } {
  const lines = new Set<number>();
  const withResult = new Set<number>();
  for (const r of records) {
    if (r.kind !== 'call') continue;
    lines.add(r.line);
    if (r.value !== null || r.errno !== null || r.sleeping) withResult.add(r.line);
  }
  return { lines: lines.size, withResult: withResult.size };
}

/**
 * Reads truss output. Not a trace: a text with no call line, or whose call lines mostly lack
 * truss's result column (fewer than half have one, or none does).
 */
export function importTruss(text: string, file: string): TrussImport | ImportError {
  const imp = new Importer();
  const records = lexTruss(text);
  for (const r of records) {
    if (r.kind === 'call') imp.call(r);
    else if (r.kind === 'detail') imp.detail(r.text);
    else imp.skip(r.line, r.text, 'not truss output');
  }
  const lines = text === '' ? 0 : text.split(/\r\n|\n|\r/).length - (/[\r\n]$/.test(text) ? 1 : 0);
  if (imp.calls === 0) {
    return { error: `${file}: not a truss trace: no system call line in ${lines} line${lines === 1 ? '' : 's'} (${LIKE})` };
  }
  const shape = callShape(records);
  if (shape.withResult === 0 || shape.withResult * 2 < shape.lines) {
    const n = shape.lines - shape.withResult;
    return {
      error: `${file}: not a truss trace: ${n} of ${shape.lines} line${shape.lines === 1 ? '' : 's'} with a call ha${n === 1 ? 's' : 've'} no result ` +
        `('= 12', 'Err#11 EAGAIN', '(sleeping...)') after it (${LIKE})`,
    };
  }
  return imp.result(file, lines);
}

/** The workload of an import: one flow per socket with writes; null when there is none. */
export function traceWorkload(imp: TrussImport, name: string): Workload | null {
  const flows: Flow[] = imp.flows.filter((f) => f.sizes.length > 0).map((f) => ({
    name: f.name,
    // No -v sockaddr line: the peer is not known; model it as local, where fusion can bite.
    peer: f.peer ?? 'local',
    pattern: f.sizes, bursts: 1, burstWrites: f.sizes.length, sizes: f.sizes,
    mode: f.nonblocking ? 'nonblocking' : 'blocking',
    reader: 'yield',
    ...(f.yieldAfter.length > 0 ? { yieldAfter: f.yieldAfter.filter((k) => k < f.sizes.length) } : {}),
  }));
  return flows.length === 0 ? null : { name, flows };
}
