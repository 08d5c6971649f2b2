// A 100,000-line /etc/system checks in under 0.5 s, and memory does not grow
// with repeats. Run: npx vitest bench --run bench/etc-system.bench.ts
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { bench, describe } from 'vitest';
import { checkSystemFile } from '../src/etc-system';
import { mixedSystemFile } from './system-files.mjs';

const LINES = 100_000;

const file = Buffer.from(mixedSystemFile(LINES), 'latin1');

// gc() without --expose-gc: allow it at run time, then fetch it from a fresh context.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfter(repeats: number): number {
  for (let i = 0; i < repeats; i++) checkSystemFile(file, '/etc/system');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const t0 = performance.now();
const diagnostics = checkSystemFile(file, '/etc/system').length;
const once = performance.now() - t0;
const base = heapAfter(0);
const one = heapAfter(1);
const five = heapAfter(5);
const mb = (n: number): string => (n / 2 ** 20).toFixed(1);
console.log(`etc-system bench: ${LINES} lines (${mb(file.length)} MB), ${diagnostics} diagnostics, first check ${once.toFixed(0)} ms; ` +
  `heapUsed after GC: before ${mb(base)} MB, after 1 check ${mb(one)} MB, after 5 more ${mb(five)} MB`);

describe('checkSystemFile', () => {
  bench(`${LINES}-line /etc/system`, () => {
    checkSystemFile(file, '/etc/system');
  }, { iterations: 10, time: 0 });
});
