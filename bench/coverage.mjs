// How much of what real /etc/system files set the catalogue can judge: set
// lines whose name the checker knows (a variable, an ndd parameter, a removed
// or other-arch variable, a certain typo) over all set lines, per release.
// A line is not covered when the checker can only say "not checked"
// (not-catalogued, unknown-module). Files: fixtures/etc-system/real, each
// checked on its own arch; "own" counts only the files written for that release.
// Run: npm run build && node bench/coverage.mjs
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT } from './lib.mjs';

const DIR = join(ROOT, 'fixtures/etc-system/real');
const RELEASES = ['s10', 'opensolaris', 'illumos', 'solaris11'];
const NOT_CHECKED = new Set(['not-catalogued', 'unknown-module']);
const SET = /^\s*(set|SET|set64|SET64)\s/;

const files = readdirSync(DIR).filter((f) => f.endsWith('.system')).sort().map((f) => ({
  path: join(DIR, f),
  expected: JSON.parse(readFileSync(join(DIR, f.replace(/\.system$/, '.expected.json')), 'utf8')),
  setLines: readFileSync(join(DIR, f), 'latin1').split('\n').filter((l) => SET.test(l)).length,
}));

function uncovered(file, release) {
  const r = spawnSync(process.execPath, [BIN, '--check', '--json', '--release', release, '--arch', file.expected.arch, '--etc-system', file.path], { encoding: 'utf8' });
  const doc = JSON.parse(r.stdout);
  const ds = Array.isArray(doc) ? doc : doc.diagnostics;
  return new Set(ds.filter((d) => NOT_CHECKED.has(d.code)).map((d) => d.line)).size;
}

const pct = (n, d) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
console.log(`coverage: ${files.length} real files, ${files.reduce((n, f) => n + f.setLines, 0)} set lines`);
for (const release of RELEASES) {
  let all = 0, allCovered = 0, own = 0, ownCovered = 0;
  for (const f of files) {
    const covered = f.setLines - uncovered(f, release);
    all += f.setLines; allCovered += covered;
    if (f.expected.release === release) { own += f.setLines; ownCovered += covered; }
  }
  console.log(`  ${release.padEnd(11)} all files ${allCovered}/${all} = ${pct(allCovered, all)}; its own files ${ownCovered}/${own} = ${pct(ownCovered, own)}`);
}
