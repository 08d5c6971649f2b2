// fusion-mdb's DTrace script, and the import of what it prints (and of the blog script's
// `pid: N tcp_fuse_rcv_unread_hiwater: N` lines). Pure: text in, an import out.

import type { Flow, Workload } from '../fusion/workload';
import type { Evidence } from './replay';
import type { ImportError, SkippedLine } from './truss';

/**
 * Per socket write of one process: the size asked for, the errno, and the
 * tcp_fuse_rcv_unread_hiwater the receiving end of a fused pair latched (tcp_fuse_output
 * reads it as the sender's max_unread); plus the calls where the process gives up the CPU.
 * Run it as: dtrace -qs fusion.d -p PID > fusion.out   (or -c 'COMMAND')
 */
export const DTRACE_SCRIPT = `#!/usr/sbin/dtrace -qs
/*
 * fusion-mdb: what a process writes to its sockets, for "fusion-mdb --dtrace FILE".
 * Run: dtrace -qs fusion.d -p PID > fusion.out      (or -c 'COMMAND' instead of -p)
 * Lines: "fusion-mdb: pid P fd F write N errno E unread_hiwater H" per write, send or sendto
 * (H is -1 when the write did not go through tcp_fuse_output: not fused), and
 * "fusion-mdb: pid P yield CALL" where the process waits in poll, sleep or a lock.
 */

syscall::write:entry, syscall::send:entry, syscall::sendto:entry
/pid == $target/
{
	self->fd = arg0;
	self->size = arg2;
	self->hiwat = -1;
	self->in = 1;
}

/* tcp_fuse_output(tcp_t *tcp, ...): the peer keeps the limit it latched at tcp_fuse(). */
fbt::tcp_fuse_output:entry
/self->in/
{
	self->hiwat = args[0]->tcp_loopback_peer->tcp_fuse_rcv_unread_hiwater;
}

syscall::write:return, syscall::send:return, syscall::sendto:return
/self->in/
{
	printf("fusion-mdb: pid %d fd %d write %d errno %d unread_hiwater %d\\n",
	    pid, self->fd, self->size, errno, self->hiwat);
	self->in = 0;
}

syscall::pollsys:entry, syscall::nanosleep:entry, syscall::lwp_park:entry, syscall::yield:entry
/pid == $target/
{
	printf("fusion-mdb: pid %d yield %s\\n", pid, probefunc);
}
`;

const WRITE = /^fusion-mdb: pid (\d+) fd (\d+) write (\d+) errno (\d+) unread_hiwater (-?\d+)\s*$/;
const YIELD = /^fusion-mdb: pid (\d+) yield (\w+)\s*$/;
// The blog's script: what a live connection latched.
const LATCHED = /^pid: (\d+) tcp_fuse_rcv_unread_hiwater: (\d+)\s*$/;
const EAGAIN = 11;

export interface DtraceFlow {
  name: string;
  pid: number;
  fd: number;
  sizes: number[];
  eagainAt: number[];
  yieldAfter: number[];
  /** tcp_fuse_rcv_unread_hiwater values seen on its writes; empty when none went through fusion. */
  latched: number[];
  failed: number;
}

export interface DtraceImport {
  file: string;
  writes: number;
  flows: DtraceFlow[];
  /** `pid: N tcp_fuse_rcv_unread_hiwater: N` lines of the blog's script. */
  latched: { pid: number; unreadHiwater: number }[];
  skippedCount: number;
  skipped: SkippedLine[];
}

export function importDtrace(text: string, file: string): DtraceImport | ImportError {
  const flows = new Map<string, DtraceFlow>();
  // A wait after EAGAIN is the writer polling for POLLOUT on that socket, not a yield of its own.
  const eagainPending = new Set<DtraceFlow>();
  const out: DtraceImport = { file, writes: 0, flows: [], latched: [], skippedCount: 0, skipped: [] };
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const w = WRITE.exec(line);
    const y = YIELD.exec(line);
    const l = LATCHED.exec(line);
    if (w) {
      out.writes++;
      const [pid, fd, size, errno, hiwat] = w.slice(1).map(Number) as [number, number, number, number, number];
      const key = `${pid}:${fd}`;
      let f = flows.get(key);
      if (!f) {
        f = { name: `fd${fd}`, pid, fd, sizes: [], eagainAt: [], yieldAfter: [], latched: [], failed: 0 };
        flows.set(key, f);
      }
      if (hiwat >= 0 && !f.latched.includes(hiwat)) f.latched.push(hiwat);
      if (errno === EAGAIN) {
        f.eagainAt.push(f.sizes.length + 1);
        eagainPending.add(f);
      } else if (errno !== 0) f.failed++;
      else if (size > 0) {
        f.sizes.push(size);
        eagainPending.delete(f);
      }
    } else if (y) {
      for (const f of flows.values()) {
        const k = f.sizes.length;
        if (f.pid === Number(y[1]) && !eagainPending.has(f) && k > 0 && f.yieldAfter[f.yieldAfter.length - 1] !== k) f.yieldAfter.push(k);
      }
    } else if (l) {
      out.latched.push({ pid: Number(l[1]), unreadHiwater: Number(l[2]) });
    } else {
      out.skippedCount++;
      if (out.skipped.length < 1000) out.skipped.push({ line: i + 1, text: line.slice(0, 120), why: 'not a line of the fusion-mdb script or the blog script' });
    }
  });
  out.flows = [...flows.values()];
  if (out.writes === 0 && out.latched.length === 0) {
    return { error: `${file}: not output of the fusion-mdb DTrace script: no "fusion-mdb: pid P fd F write N ..." or "pid: N tcp_fuse_rcv_unread_hiwater: N" line (fusion-mdb --dtrace-script prints the script)` };
  }
  const pids = new Set(out.flows.map((f) => f.pid));
  if (pids.size > 1) for (const f of out.flows) f.name = `${f.pid}/fd${f.fd}`;
  return out;
}

/** The workload of a DTrace import: fused sockets (a latched limit seen) are local, others remote. */
export function dtraceWorkload(imp: DtraceImport, name: string): Workload | null {
  const anyFused = imp.flows.some((f) => f.latched.length > 0);
  const flows: Flow[] = imp.flows.filter((f) => f.sizes.length > 0).map((f) => ({
    name: f.name,
    // No flow went through tcp_fuse_output at all: fusion may simply be off; model them local.
    peer: f.latched.length > 0 || !anyFused ? 'local' : 'remote',
    pattern: f.sizes, bursts: 1, burstWrites: f.sizes.length, sizes: f.sizes,
    mode: f.eagainAt.length > 0 ? 'nonblocking' : 'blocking',
    reader: 'yield',
    ...(f.yieldAfter.length > 0 ? { yieldAfter: f.yieldAfter.filter((k) => k < f.sizes.length) } : {}),
  }));
  return flows.length === 0 ? null : { name, flows };
}

export function dtraceEvidence(imp: DtraceImport): Evidence {
  const summary = [
    `${imp.file}: ${imp.writes} write${imp.writes === 1 ? '' : 's'} on ${imp.flows.length} socket${imp.flows.length === 1 ? '' : 's'}`,
    ...imp.flows.map((f) => `  ${f.name}: ${f.sizes.length} writes went in, ${f.eagainAt.length} EAGAIN, ${f.latched.length ? `tcp_fuse_rcv_unread_hiwater ${f.latched.join(', ')} (fused)` : 'not fused (no tcp_fuse_output)'}`),
    ...imp.latched.map((l) => `  pid ${l.pid}: a live connection latched tcp_fuse_rcv_unread_hiwater ${l.unreadHiwater}`),
    ...(imp.skippedCount ? [`${imp.skippedCount} line${imp.skippedCount === 1 ? '' : 's'} not used, the first: line ${imp.skipped[0]?.line}: ${imp.skipped[0]?.text}`] : []),
  ];
  const latched = [
    ...imp.flows.flatMap((f) => f.latched.map((h) => ({ who: f.name, flow: f.name, unreadHiwater: h }))),
    ...imp.latched.map((l) => ({ who: `pid ${l.pid}`, flow: null, unreadHiwater: l.unreadHiwater })),
  ];
  return { kind: 'dtrace', file: imp.file, summary, flows: imp.flows.map((f) => ({ flow: f.name, eagainAt: f.eagainAt })), latched };
}
