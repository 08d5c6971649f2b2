// Shared helpers for the benchmarks: whole-process timings compared against a
// baseline measured in the same run, because these machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin/fusion-mdb.cjs');
export const RSS_HOOK = join(ROOT, 'bench/rss-hook.cjs');

/** Runs a command once and returns wall milliseconds (and stderr for hooks); `ok`: the exit statuses expected. */
export function timeRun(args, input = '', ok = [0]) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!ok.includes(r.status)) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stderr: r.stderr, stdout: r.stdout };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Interleaves baseline and subject runs so drift hits both alike. */
export function compare(runs, baseline, subject) {
  const b = [];
  const s = [];
  for (let i = 0; i < runs; i++) {
    b.push(baseline().ms);
    s.push(subject().ms);
  }
  return { baseline: median(b), subject: median(s), ratio: median(s) / median(b) };
}

/** The peak resident set size a child reported through bench/rss-hook.cjs, in MiB. */
export function rssOf(stderr) {
  const m = /maxrss_kib=(\d+)/.exec(stderr);
  return m ? Number(m[1]) / 1024 : NaN;
}
