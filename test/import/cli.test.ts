import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DTRACE_SCRIPT, importDtrace } from '../../src/import/dtrace';
import { pipe, run } from '../helpers/io';

const TRACE = 'fixtures/traces/customer-case.truss';

async function scratch(name: string, text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'fusion-trace-')), name);
  await writeFile(file, text);
  return file;
}

describe('fusion-mdb --truss FILE', () => {
  it('prints what the trace holds, the report, and where model and trace agree, then with the advice', async () => {
    const r = await run(['--truss', TRACE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith([
      `${TRACE}: 1359 lines, 1356 system calls, 1250 write calls: 1250 on 2 TCP sockets, 0 on other descriptors`,
      '  fd5: local (127.0.0.1), non-blocking, 600 writes went in, 50 EAGAIN (the first at write 9)',
      '  fd6: remote (192.168.10.20), non-blocking, 600 writes went in, no EAGAIN',
      '',
      'flow fused   rcv maxpsz unread writes EAGAIN first short blocks limit outcome',
    ].join('\n'))).toBe(true);
    expect(r.stdout.endsWith([
      `Replay of ${TRACE} on the model (s10, the tunables booted now):`,
      '  fd5: EAGAIN at the same 50 writes in the trace and the model: 9, 17, 33, 41, 57, 65, 81, 89, ... (50 writes)',
      '  fd6: no EAGAIN in the trace, none in the model',
      'With the advice taken (tcp_fusion_rcv_unread_min 0t24): fd5 0 EAGAIN, fd6 0 EAGAIN.',
      '',
    ].join('\n'))).toBe(true);
  });

  it('--json: boot diagnostics, per-flow figures, verdict, advice and the replay', async () => {
    const system = await scratch('system', 'set ip:tcp_xmit_hiwat=65536\n');
    const r = await run(['--truss', TRACE, '--etc-system', system, '--json']);
    const j = JSON.parse(r.stdout) as Record<string, unknown> & { diagnostics: { code: string; hint?: string }[] };
    expect(Object.keys(j)).toEqual(['release', 'arch', 'tunables', 'flows', 'diagnostics', 'verdict', 'advice', 'trace']);
    expect(j.diagnostics.map((d) => d.code)).toEqual(['ndd-parameter']);
    expect(j.diagnostics[0]!.hint).toContain('ndd -set /dev/tcp tcp_xmit_hiwat 65536');
    expect(j.verdict).toMatchObject({ status: 'eagain' });
    expect(j.advice).toMatchObject({ unreadMin: 24, flows: [{ flow: 'fd5', sndbuf: 393216, rcvbuf: null }] });
    expect(j.trace).toMatchObject({ kind: 'truss', file: TRACE, replay: [
      { flow: 'fd5', both: 50, modelOnly: [], traceOnly: [], withAdvice: 0 },
      { flow: 'fd6', both: 0, modelOnly: [], traceOnly: [], withAdvice: 0 },
    ] });
  });

  it('a file that is not truss output: one line saying so, exit 2; a missing file: cannot open', async () => {
    const notes = await scratch('notes.txt', 'hello\n');
    expect(await run(['--truss', notes])).toEqual({
      code: 2, stdout: '',
      stderr: `fusion-mdb: ${notes}: not a truss trace: no system call line in 1 line (truss prints lines like 'write(5, "...", 12)  = 12')\n`,
    });
    expect((await run(['--truss', '/nonexistent/trace'])).stderr).toBe('fusion-mdb: cannot open truss file: /nonexistent/trace\n');
  });

  it('source code that calls write() is not a trace: its calls have no result column', async () => {
    const prog = await scratch('prog.c', '#include <unistd.h>\nint main(void) {\n  char buf[12] = "hello world";\n  int fd = 1;\n  write(fd, buf, 12);\n  return 0;\n}\n');
    expect(await run(['--truss', prog])).toEqual({
      code: 2, stdout: '',
      stderr: `fusion-mdb: ${prog}: not a truss trace: 2 of 2 lines with a call have no result ('= 12', 'Err#11 EAGAIN', '(sleeping...)') after it (truss prints lines like 'write(5, "...", 12)  = 12')\n`,
    });
    const r = await run(['--truss', 'build/start.cjs']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^fusion-mdb: build\/start\.cjs: not a truss trace: \d+ of \d+ lines with a call have no result /);
    expect(r.stdout).toBe('');
  });

  it('::import truss of source code: the same words, the workload unchanged', async () => {
    const prog = await scratch('prog.c', 'int main(void) {\n  write(fd, buf, 12);\n}\n');
    const r = await pipe([`::import truss ${prog}`]);
    expect(r.stderr).toBe(`mdb: ${prog}: not a truss trace: 2 of 2 lines with a call have no result ('= 12', 'Err#11 EAGAIN', '(sleeping...)') after it (truss prints lines like 'write(5, "...", 12)  = 12')\n`);
    expect(r.stdout).toBe('');
  });

  it('every real trace under fixtures/traces imports', async () => {
    for (const f of (await readdir('fixtures/traces')).filter((n) => n.endsWith('.truss'))) {
      const r = await run(['--truss', join('fixtures/traces', f), '-e', '::status']);
      expect(r.stderr, f).toBe('');
      expect(r.code, f).toBe(0);
    }
  });

  it('a trace without a TCP socket: what it holds, nothing to replay', async () => {
    const r = await run(['--truss', 'fixtures/traces/omni-parser-ls-tail.truss']);
    expect(r.stdout).toBe([
      'fixtures/traces/omni-parser-ls-tail.truss: 212 lines, 79 system calls, 45 write calls: 0 on 0 TCP sockets, 45 on other descriptors',
      '  1869/fd1: 45 writes, not modelled: not seen to be a socket (no so_socket, accept, connect or send on it)',
      '',
      'no TCP socket took a write in this trace: nothing to replay',
      '',
    ].join('\n'));
  });
});

describe('::import', () => {
  it('::import truss FILE makes the trace the session workload; ::run replays it', async () => {
    const r = await pipe([`::import truss ${TRACE}`, '::run'], ['-k']);
    expect(r.stdout).toContain('the session workload is now customer-case (fd5, fd6): ::run replays it\n');
    expect(r.stdout).toContain('  fd5: EAGAIN at the same 50 writes in the trace and the model');
    const after = await pipe([`::import truss ${TRACE}`, 'tcp_fusion_rcv_unread_min/W 0t24', '::run'], ['-kw']);
    expect(after.stdout).toContain('  fd5: the trace saw EAGAIN at 50 writes, the model predicts 0; 0 agree; the trace only at 9, 17, 33, 41, 57, 65, 81, 89, ... (50 writes)');
  });

  it('wrong kinds and files are errors, the session goes on', async () => {
    const r = await pipe(['::import strace x', '::import truss /nonexistent', '::import truss'], ['-k']);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual(['mdb: cannot import "strace": the kinds are truss or dtrace', 'mdb: cannot open truss file: /nonexistent']);
  });
});

describe('DTrace', () => {
  it('--dtrace-script prints the script: per write size and errno, the latched limit from tcp_fuse_output, the yields', async () => {
    const r = await run(['--dtrace-script']);
    expect(r).toEqual({ code: 0, stdout: DTRACE_SCRIPT, stderr: '' });
    expect(r.stdout).toMatch(/^#!\/usr\/sbin\/dtrace -qs\n/);
    expect(r.stdout).toContain('fbt::tcp_fuse_output:entry');
    expect(r.stdout).toContain('args[0]->tcp_loopback_peer->tcp_fuse_rcv_unread_hiwater');
  });

  it('--dtrace FILE reads the script\'s lines and the blog\'s, and replays them', async () => {
    const lines: string[] = [];
    for (let b = 0; b < 3; b++) {
      for (let k = 1; k <= 24; k++) {
        const size = k % 2 === 1 ? 12 : 696;
        if (k === 9 || k === 17) lines.push('fusion-mdb: pid 2624 fd 5 write 12 errno 11 unread_hiwater 8', 'fusion-mdb: pid 2624 yield pollsys');
        lines.push(`fusion-mdb: pid 2624 fd 5 write ${size} errno 0 unread_hiwater 8`, `fusion-mdb: pid 2624 fd 6 write ${size} errno 0 unread_hiwater -1`);
      }
      lines.push('fusion-mdb: pid 2624 yield pollsys');
    }
    lines.push('pid: 2625 tcp_fuse_rcv_unread_hiwater: 8', 'dtrace: pid 2624 has exited');
    const text = `${lines.join('\n')}\n`;
    const imp = importDtrace(text, 'fusion.out');
    if ('error' in imp) throw new Error(imp.error);
    expect(imp.flows.map((f) => [f.name, f.sizes.length, f.eagainAt, f.latched])).toEqual([
      ['fd5', 72, [9, 17, 33, 41, 57, 65], [8]], ['fd6', 72, [], []],
    ]);
    expect(imp.latched).toEqual([{ pid: 2625, unreadHiwater: 8 }]);
    expect(imp.skipped).toEqual([{ line: lines.length, text: 'dtrace: pid 2624 has exited', why: 'not a line of the fusion-mdb script or the blog script' }]);
    const r = await run(['--dtrace', await scratch('fusion.out', text)]);
    expect(r.stdout).toContain('  pid 2625: a live connection latched tcp_fuse_rcv_unread_hiwater 8');
    expect(r.stdout).toContain('  fd5: EAGAIN at the same 6 writes in the trace and the model: 9, 17, 33, 41, 57, 65');
    expect(r.stdout).toContain('  fd6: no EAGAIN in the trace, none in the model');
    expect(r.stdout.endsWith([
      'Latched limits, trace and model:',
      '  fd5: tcp_fuse_rcv_unread_hiwater 8 in the trace; the model latches 8: the same',
      '  pid 2625: tcp_fuse_rcv_unread_hiwater 8 in the trace; the model latches 8: the same',
      '',
    ].join('\n'))).toBe(true);
    // Only the blog's lines: what those live connections latched, against a connection made now.
    const blog = await run(['-kw', '--dtrace', await scratch('blog.out', 'pid: 2625 tcp_fuse_rcv_unread_hiwater: 8\n'), '-e', 'tcp_fusion_rcv_unread_min/W 0t32', '--report']);
    expect(blog.stdout).toContain('  pid 2625: tcp_fuse_rcv_unread_hiwater 8 in the trace; the model latches 32: different: it was made before the tunables changed, or with another SO_SNDBUF\n');
    expect(importDtrace('nothing here\n', 'x')).toEqual({ error: 'x: not output of the fusion-mdb DTrace script: no "fusion-mdb: pid P fd F write N ..." or "pid: N tcp_fuse_rcv_unread_hiwater: N" line (fusion-mdb --dtrace-script prints the script)' });
  });
});

describe('::advise where no one change is enough', () => {
  it('bursts of 97 writes of 12 and 1400 bytes: the count and SO_RCVBUF together, each exact', async () => {
    const w = await scratch('w97.json', JSON.stringify({ name: 'w97', flows: [{ name: 'local', peer: 'local', pattern: [12, 1400], bursts: 1000, burstWrites: 97, mode: 'nonblocking' }] }));
    const r = await pipe([`::run -w ${w}`, '::advise'], ['-k']);
    const advice = r.stdout.slice(r.stdout.indexOf('12000 EAGAIN in the workload'));
    expect(advice).toBe([
      '12000 EAGAIN in the workload; local is stopped by the unread-write count.',
      'no tcp_fusion_rcv_unread_min alone removes them: the byte limit stops a sender too',
      'each alone, everything else as it is:',
      '  local SO_SNDBUF:     none up to tcp_max_buf is enough',
      '  local SO_RCVBUF:     none up to tcp_max_buf is enough',
      'together: tcp_fusion_rcv_unread_min 0t97 (0x61) and SO_RCVBUF 65537 on the',
      'receiver of local',
      '  try now:             tcp_fusion_rcv_unread_min/W 0t97',
      '  keep in /etc/system: set ip:tcp_fusion_rcv_unread_min=97',
      'tcp_fusion_rcv_unread_min 0 turns the count check off: no EAGAIN from the count',
      'at all, but then only bytes hold back a writer, and a reader that falls behind',
      'may find rcv_hiwater bytes of small writes waiting.',
      'Connections open now keep the limit they latched; only new ones (or a new',
      'SO_SNDBUF) get the new value.',
      '',
    ].join('\n'));
  });
});

describe('the verdict', () => {
  it('never says nothing to change while a flow is stuck (a blocking writer whose reader never reads)', async () => {
    const w = await scratch('w.json', JSON.stringify({ name: 'w', flows: [{ name: 'stuck', peer: 'local', pattern: [100000], bursts: 1, burstWrites: 3, mode: 'blocking', reader: 'never' }] }));
    const r = await run(['--workload', w]);
    expect(r.stdout).not.toContain('Nothing to change');
    expect(r.stdout.replace(/\n/g, ' ')).toContain('Something to change all the same: stuck cannot go on, because the reader never reads');
    const j = JSON.parse((await run(['--workload', w, '--json'])).stdout) as { verdict: { status: string; text: string } };
    expect(j.verdict.status).toBe('stuck');
    expect(j.verdict.text).not.toContain('Nothing to change');
  });
});
