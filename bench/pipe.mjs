// 100,000 piped commands (mixed /D and /W) in one process, against `node -e ''`.
// Target (issue 2): under 1 s, memory flat (peak RSS at 100k vs 400k commands).
import { spawnSync } from 'node:child_process';
import { BIN, RSS_HOOK, compare, median, rssOf, timeRun } from './lib.mjs';

function commands(n) {
  const lines = [];
  for (let i = 0; i < n; i++) {
    lines.push(i % 2 ? 'tcp_fusion_rcv_unread_min/D' : `tcp_fusion_rcv_unread_min/W 0t${i % 64}`);
  }
  return `${lines.join('\n')}\n`;
}

const n = Number(process.env.COMMANDS ?? 100_000);
const input = commands(n);
const runs = Number(process.env.RUNS ?? 5);
const r = compare(runs, () => timeRun(['-e', '']), () => timeRun(['--require', RSS_HOOK, BIN, '-kwq'], input));
const small = rssOf(timeRun(['--require', RSS_HOOK, BIN, '-kwq'], input).stderr);
const big = rssOf(timeRun(['--require', RSS_HOOK, BIN, '-kwq'], commands(n * 4)).stderr);
console.log(`pipe: ${n} commands in ${r.subject.toFixed(0)} ms (${(r.subject - r.baseline).toFixed(0)} ms above ` +
  `node -e '' at ${r.baseline.toFixed(0)} ms; target < 1000 ms); peak RSS ${small.toFixed(0)} MiB at ${n}, ` +
  `${big.toFixed(0)} MiB at ${n * 4} commands`);

// 1,000,000 `;`-separated commands on one 16 MB line, read by another process through a
// shell pipe (a pipe's 64 KB fills, so output waits in the stream's queue while the line runs).
const oneLine = `${'do_tcp_fusion/D;'.repeat(1_000_000)}\n`;
const piped = ['-c', '"$0" --require "$1" "$2" -k | cat > /dev/null', process.execPath, RSS_HOOK, BIN];
const lineRuns = [];
for (let i = 0; i < Number(process.env.LINE_RUNS ?? 3); i++) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('sh', piped, { input: oneLine, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`one line exited ${r.status}: ${r.stderr}`);
  lineRuns.push({ ms: Number(process.hrtime.bigint() - t0) / 1e6, rss: rssOf(r.stderr) });
}
console.log(`one line: 1,000,000 ';'-separated commands | cat in ${median(lineRuns.map((r) => r.ms)).toFixed(0)} ms, ` +
  `peak RSS ${median(lineRuns.map((r) => r.rss)).toFixed(0)} MiB (median of ${lineRuns.length})`);
