// Start-up as a user gets it: the packed tarball installed with `npm install -g
// --prefix DIR`, run through its bin from another directory, on a Node whose
// flags (NODE_OPTIONS=--max-old-space-size=4096) make V8 refuse the code cache
// shipped in the package. The first run writes a cache for this Node in
// $XDG_CACHE_HOME/fusion-mdb; the runs timed are the second onward, against
// `node -e ''` under the same flags, in the same script.
// Target: within 1.3x. Build first (npm run build); the tarball packs dist/ as it is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, ROOT } from './lib.mjs';

const runs = Number(process.env.RUNS ?? 21);
const FLAGS = process.env.BENCH_NODE_OPTIONS ?? '--max-old-space-size=4096';
const work = mkdtempSync(join(tmpdir(), 'fusion-mdb-bench-'));
const env = { ...process.env, NODE_OPTIONS: FLAGS, XDG_CACHE_HOME: join(work, 'cache') };
for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];

function must(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function time(cmd, args, input) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', env, cwd: tmpdir() });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 || r.stderr !== '') throw new Error(`${cmd} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const tarball = join(work, must('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT }).trim().split('\n').pop());
must('npm', ['install', '-g', '--prefix', join(work, 'prefix'), tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: work });
const bin = join(work, 'prefix', 'bin', 'fusion-mdb');
const probe = 'tcp_fusion_rcv_unread_min/D\n';

time(bin, ['-k'], probe); // the first run: the shipped cache refused, one for this Node written
const written = readdirSync(join(work, 'cache', 'fusion-mdb'));
const floor = [];
const piped = [];
for (let i = 0; i < runs; i++) {
  floor.push(time(process.execPath, ['-e', '']));
  piped.push(time(bin, ['-k'], probe));
}
const b = median(floor);
const s = median(piped);
console.log(`startup (installed, NODE_OPTIONS=${FLAGS}, cache ${written.join(',')}): node -e '' ${b.toFixed(1)} ms, ` +
  `piped /D ${s.toFixed(1)} ms, ratio ${(s / b).toFixed(2)}x (median of ${runs}, second run onward; target <= 1.30x)`);
rmSync(work, { recursive: true, force: true });
