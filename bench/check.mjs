// `fusion-mdb --check`, whole process, as ratios to `node -e ''` measured in the
// same run (the machine is shared and noisy). Targets:
// - a 100,000-line realistic /etc/system: at most 2x; the mixed file where 40% of
//   the lines draw a diagnostic: at most 3x;
// - 1,000 files of 100 lines in one invocation: at most 3x;
// - memory does not grow with the number of files (the live heap after GC, 100 to 5,000 checks).
// For scale it also times a program that only splits the realistic file into words.
// Run: npm run build && node bench/check.mjs   (RUNS=N for more runs; KEEP=DIR keeps the files)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, compare, ROOT, RSS_HOOK, rssOf, timeRun } from './lib.mjs';
import { mixedSystemFile } from './system-files.mjs';

const HEAP_HOOK = join(ROOT, 'bench/heap-hook.cjs');

const LINES = 100_000;

const SPLIT_ONLY = "const m = new Map(); for (const l of require('fs').readFileSync(process.argv[1], 'latin1').split('\\n')) { const w = l.split(/[ \\t:=]+/); if (w[0] === 'set') m.set(w[1] + ':' + w[2], w[3]); }";

/** Every catalogued variable of s10 as `set [module:]name = default`, as ::tunables -a lists them, with comments. */
function realistic(lines) {
  const table = spawnSync(process.execPath, [BIN, '-k', '-e', '::tunables -a'], { encoding: 'utf8' }).stdout;
  const vars = table.split('\n').slice(2).map((l) => l.split(/\s+/))
    // Rows with a plain default only: a derived one (maxusers: ... derived:) has no value to write.
    .filter((f) => /^\w+$/.test(f[0] ?? '') && /^\d+$/.test(f[2] ?? '') && /^(0x[0-9a-f]+|\d+)$/.test(f[3] ?? '') && !/^(msg|sem|shm)sys$/.test(f[1] ?? ''))
    .map(([name, module, , def]) => `set ${module === 'unix' || module === 'genunix' ? '' : `${module}:`}${name} = ${def}`);
  const out = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(i % 4 === 0 ? `* ${i}: raised for the batch window, change 2011-${i % 997}` : vars[i % vars.length]);
  }
  return out.join('\n') + '\n';
}

const dir = process.env.KEEP ?? mkdtempSync(join(tmpdir(), 'fusion-mdb-check-'));
mkdirSync(dir, { recursive: true });
const runs = Number(process.env.RUNS ?? 11);
const figures = [];
const floor = () => timeRun(['-e', '']);
const ratio = (name, args, target) => {
  const r = compare(runs, floor, () => timeRun([BIN, '--check', ...args], '', [0, 1]));
  figures.push(`${name}: ${r.subject.toFixed(0)} ms = ${r.ratio.toFixed(2)}x node -e '' (${r.baseline.toFixed(0)} ms); target ${target}x`);
};
try {
  for (const [name, text, target] of [['realistic', realistic(LINES), 2], ['mixed (40% bad)', mixedSystemFile(LINES), 3]]) {
    const file = join(dir, `${name.split(' ')[0]}.system`);
    writeFileSync(file, text);
    ratio(`${LINES}-line ${name}`, [file], target);
  }
  // For scale: a program that only splits the realistic file into lines and keeps
  // each set line's words in a Map, no checking at all.
  const split = compare(runs, floor, () => timeRun(['-e', SPLIT_ONLY, join(dir, 'realistic.system')]));
  figures.push(`for scale, splitting the ${LINES}-line realistic file into words and a Map, nothing else: ${split.ratio.toFixed(2)}x node -e ''`);
  // Many small files: a realistic 100-line file each, under one directory.
  const many = join(dir, 'many');
  mkdirSync(many, { recursive: true });
  const small = realistic(100);
  const files = Array.from({ length: 1000 }, (_, i) => join(many, `host${String(i).padStart(4, '0')}.system`));
  for (const f of files) writeFileSync(f, small);
  ratio('1,000 files of 100 lines', files, 3);
  // For 100 files, 1,000, and the 1,000 listed five times (5,000 checks): the live
  // heap after a full GC at exit (what a leak would grow) and the peak RSS (which
  // also holds garbage V8 has not yet collected: it grows with the work done).
  const five = [...files, ...files, ...files, ...files, ...files];
  const lists = [['100 files', files.slice(0, 100)], ['1,000 files', files], ['5,000 checks', five]];
  const heap = (list) => Number(/heap_after_gc_kib=(\d+)/.exec(timeRun(['--expose-gc', '-r', HEAP_HOOK, BIN, '--check', '-q', ...list], '', [0, 1]).stderr)?.[1]) / 1024;
  const rss = (list) => rssOf(timeRun(['-r', RSS_HOOK, BIN, '--check', '-q', ...list], '', [0, 1]).stderr);
  figures.push(`live heap after GC: ${lists.map(([n, l]) => `${n} ${heap(l).toFixed(1)} MiB`).join(', ')}`);
  figures.push(`peak RSS: ${lists.map(([n, l]) => `${n} ${rss(l).toFixed(1)} MiB`).join(', ')}`);
} finally {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
}
console.log(`check (median of ${runs}):\n  ${figures.join('\n  ')}`);
