// `fusion-mdb --check` on a 100,000-line /etc/system, whole process, against
// `node -e ''` in the same run. Target (issue 3): under 0.5 s.
// Two files: the mixed one of bench/etc-system.bench.ts (typos, repeats, errors)
// and a realistic one (comments and valid set lines of every catalogued variable).
// Run: node bench/check.mjs   (RUNS=N for more runs; KEEP=DIR keeps the files)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, compare, timeRun } from './lib.mjs';
import { mixedSystemFile } from './system-files.mjs';

const LINES = 100_000;

/** Every catalogued variable of s10 as `set [module:]name = default`, as ::tunables -a lists them. */
function realistic() {
  const table = spawnSync(process.execPath, [BIN, '-k', '-e', '::tunables -a'], { encoding: 'utf8' }).stdout;
  const vars = table.split('\n').slice(2).map((l) => l.split(/\s+/))
    .filter((f) => /^\d+$/.test(f[2] ?? '') && !/^(msg|sem|shm)sys$/.test(f[1] ?? ''))
    .map(([name, module, , def]) => `set ${module === 'unix' || module === 'genunix' ? '' : `${module}:`}${name} = ${def}`);
  const out = [];
  for (let i = 0; out.length < LINES; i++) {
    out.push(i % 4 === 0 ? `* ${i}: raised for the batch window, change 2011-${i % 997}` : vars[i % vars.length]);
  }
  return out.join('\n') + '\n';
}

const dir = process.env.KEEP ?? mkdtempSync(join(tmpdir(), 'fusion-mdb-check-'));
mkdirSync(dir, { recursive: true });
const runs = Number(process.env.RUNS ?? 11);
const figures = [];
try {
  for (const [name, text] of [['mixed', mixedSystemFile(LINES)], ['realistic', realistic()]]) {
    const file = join(dir, `${name}.system`);
    writeFileSync(file, text);
    const r = compare(runs, () => timeRun(['-e', '']), () => timeRun([BIN, '--check', '--etc-system', file], '', [0, 1]));
    figures.push(`${name} ${r.subject.toFixed(0)} ms (${(r.subject - r.baseline).toFixed(0)} above the floor)`);
    if (name === 'realistic') figures.push(`node -e '' ${r.baseline.toFixed(0)} ms`);
  }
} finally {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
}
console.log(`check: ${LINES}-line /etc/system, --check whole process: ${figures.join(', ')}; median of ${runs}; target < 500 ms`);
