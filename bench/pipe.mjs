// 100,000 piped commands (mixed /D and /W) in one process, against `node -e ''`.
// Target (issue 2): under 1 s, memory flat (peak RSS at 100k vs 400k commands).
import { BIN, RSS_HOOK, compare, rssOf, timeRun } from './lib.mjs';

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
