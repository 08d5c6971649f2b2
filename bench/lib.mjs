// Shared helpers for the benchmarks: whole-process timings compared against a
// baseline measured in the same run, because these machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin/fusion-mdb.cjs');
export const RSS_HOOK = join(ROOT, 'bench/rss-hook.cjs');

/**
 * Runs a command once and returns wall milliseconds (and stderr for hooks); `ok`: the exit statuses expected.
 * The output is taken as bytes: decoding it into a string (spawnSync does that after the child
 * has exited) timed this process, not the command (28 ms of the 9 MB a --check of 40,000 findings prints).
 */
export function timeRun(args, input = '', ok = [0]) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const stderr = r.stderr.toString('utf8');
  if (!ok.includes(r.status)) throw new Error(`${args.join(' ')} exited ${r.status}: ${stderr}`);
  return { ms, stderr };
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
