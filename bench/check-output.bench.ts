// --check's output for many findings: the 40,000 of the mixed 100,000-line file
// rendered and written (encoded to bytes, handed to a writer that drops them), in
// each streaming format, through the same ChunkedOutput the check uses. The first
// run is the nearest to what a check pays (once, in a fresh process; here under
// vitest's transform, so slower); the bench then gives the warm time.
// Run: npx vitest bench --run bench/check-output.bench.ts
import { bench, describe } from 'vitest';
import { ChunkedOutput } from '../src/chunked-output';
import { checkFile } from '../src/etc-system/checker';
import type { Diagnostic } from '../src/etc-system/diagnostic';
import type { IO } from '../src/io';
import { Kernel } from '../src/kernel/kernel';
import * as F from '../src/render/check-formats';
import { diagnosticRenderer } from '../src/render/diagnostics';
import { makeTheme } from '../src/render/theme';
import { mixedSystemFile } from './system-files.mjs';

const PATH = '/etc/system';
const findings = checkFile(new Kernel('s10', 'sun4v'), Buffer.from(mixedSystemFile(100_000), 'latin1'), PATH);

let bytes = 0;
const io = { writeOut: (b: Uint8Array) => { bytes += b.length; } } as unknown as IO;

const formats: [string, (d: Diagnostic) => string][] = [
  ['text', diagnosticRenderer({ terminal: false, theme: makeTheme({}, false), codes: true })],
  ['gcc', F.gccLine(PATH)],
  ['github', F.githubLine(PATH)],
];

function write(line: (d: Diagnostic) => string): void {
  const out = new ChunkedOutput(io);
  for (const d of findings) out.write('stdout', line(d));
  out.flush();
}

for (const [name, line] of formats) {
  bytes = 0;
  const t0 = performance.now();
  write(line);
  console.log(`check output bench: ${findings.length} findings as ${name}, ${(bytes / 2 ** 20).toFixed(1)} MB, first run ${(performance.now() - t0).toFixed(0)} ms`);
}

describe('--check output, 40,000 findings', () => {
  for (const [name, line] of formats) bench(name, () => write(line), { iterations: 10, time: 0 });
});
