// Soak: stream SOAK_BYTES (default 1 GiB) of mdb commands through a pipe into the
// built binary and watch its memory. Not part of `npm test`.
//
//   SOAK_BYTES=1073741824 node bench/soak.mjs
//
// The commands are made on the fly by a Readable (mixed /D reads, /W writes,
// `::nm -h` now and then, unknown symbols, syntax errors, bad format characters),
// so the input never sits in this process's memory either. The child's VmRSS is
// read from /proc/PID/status every second. One line is printed at the end.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { BIN } from './lib.mjs';

const TOTAL = Number(process.env.SOAK_BYTES ?? 1024 ** 3);

// One block of 1000 commands: mostly reads and writes, an ::nm, and a few errors.
function block(seq) {
  const lines = [];
  for (let i = 0; i < 1000; i++) {
    const n = seq * 1000 + i;
    if (i === 0) lines.push('::nm -h');
    else if (i % 97 === 0) lines.push('tcp_fusion_rcv_unread_mn/D'); // unknown symbol (with a hint)
    else if (i % 89 === 0) lines.push('do_tcp_fusion/q'); // invalid format character
    else if (i % 83 === 0) lines.push('do_tcp_fusion/W )'); // bad write operand
    else if (i % 2) lines.push('tcp_fusion_rcv_unread_min/D');
    else lines.push(`tcp_fusion_rcv_unread_min/W 0t${n % 4096};do_tcp_fusion/D`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

let sent = 0;
let commands = 0;
let seq = 0;
const input = new Readable({
  read() {
    while (sent < TOTAL) {
      const b = block(seq++);
      const chunk = sent + b.length > TOTAL ? b.subarray(0, b.lastIndexOf(10, TOTAL - sent - 1) + 1) : b;
      if (chunk.length === 0) break;
      sent += chunk.length;
      for (const c of chunk) if (c === 10 || c === 59) commands++; // one command per newline or ';'
      if (!this.push(chunk)) return;
    }
    this.push(null);
  },
});

const t0 = process.hrtime.bigint();
const child = spawn(process.execPath, [BIN, '-kwq'], { stdio: ['pipe', 'pipe', 'pipe'] });
let outBytes = 0;
let errBytes = 0;
child.stdout.on('data', (c) => { outBytes += c.length; });
child.stderr.on('data', (c) => { errBytes += c.length; });
input.pipe(child.stdin);

const rss = [];
const sample = () => {
  if (outBytes === 0) return; // start-up is not the steady state
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    if (m) rss.push(Number(m[1]) / 1024);
  } catch { /* the child has just exited */ }
};
const timer = setInterval(sample, 1000);

child.on('close', (code, signal) => {
  clearInterval(timer);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const mib = (x) => x.toFixed(1);
  console.log(`soak: ${sent} bytes, ${commands} commands in ${seconds.toFixed(1)} s ` +
    `(${(sent / 1024 / 1024 / seconds).toFixed(1)} MiB/s); child RSS min ${mib(Math.min(...rss))} MiB, ` +
    `max ${mib(Math.max(...rss))} MiB, last ${mib(rss[rss.length - 1] ?? NaN)} MiB over ${rss.length} samples; stdout ${outBytes} bytes, stderr ${errBytes} bytes; ` +
    `exit ${code ?? signal}`);
  process.exitCode = code === 0 ? 0 : 1;
});
