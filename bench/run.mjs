// `npm run bench`: every benchmark, one after the other (they time whole
// processes or tight loops, so never in parallel). Each prints its own line.
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib.mjs';

const steps = [
  ['node', ['bench/startup.mjs']],
  ['node', ['bench/startup-installed.mjs']],
  ['node', ['bench/pipe.mjs']],
  ['node', ['bench/check.mjs']],
  ['node', ['bench/coverage.mjs']],
  ['npx', ['vitest', 'bench', '--run', 'bench/engine.bench.ts', 'bench/etc-system.bench.ts', 'bench/check-output.bench.ts']],
];
let failed = false;
for (const [cmd, args] of steps) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
