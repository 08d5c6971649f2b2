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
import { diagnosticWriter, type TextSink } from '../src/render/diagnostics';
import { makeTheme } from '../src/render/theme';
import { mixedSystemFile } from './system-files.mjs';

const PATH = '/etc/system';
const findings = checkFile(new Kernel('s10', 'sun4v'), Buffer.from(mixedSystemFile(100_000), 'latin1'), PATH);

let bytes = 0;
const io = { writeOut: (b: Uint8Array) => { bytes += b.length; } } as unknown as IO;

// Each as --check writes it: each wording's words encoded once, copied around the numbers.
const formats: [string, (d: Diagnostic, sink: TextSink) => void][] = [
  ['text', diagnosticWriter({ terminal: false, theme: makeTheme({}, false), codes: true })],
  ['gcc', F.gccLine(PATH)],
  ['github', F.githubLine(PATH)],
];

function write(line: (d: Diagnostic, sink: TextSink) => void): void {
  const out = new ChunkedOutput(io);
  out.select('stdout');
  for (let i = 0; i < findings.length; i++) line(findings[i] as Diagnostic, out);
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
