import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSystemFile } from '../../src/etc-system';
import { parseMemory } from '../../src/kernel/machine';
import type { ReleaseId } from '../../src/kernel/types';

// Each realistic /etc/system, checked on the release it was written for, is
// flagged on exactly the lines its expected.json lists (obsolete, ndd and typo
// lines), with their code and severity (by effect: an ndd parameter or a typo
// is an error, the line is ignored at boot), each with the right hint; nothing else.

const DIR = join(__dirname, '../../fixtures/etc-system/realistic');

interface Expected {
  release: ReleaseId;
  memory?: string;
  flagged: { line: number; code: string; severity: string; name: string }[];
}

const HINT: Record<string, RegExp> = {
  'ndd-parameter': /is an ndd parameter of \/dev\/(tcp|ip|udp), not a kernel variable: use (ndd -set|ipadm set-prop -p [a-z_]+=\d+ tcp)/,
  obsolete: /^replaced by /,
  'near-miss': /^the line is ignored; did you mean '[^']+'\? set /,
};

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.system'))) {
  describe(file, () => {
    const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.system$/, '.expected.json')), 'utf8')) as Expected;
    // The host's memory matters where the kernel bounds a value by it (zfs_arc_max below memory).
    const memory = expected.memory === undefined ? undefined : parseMemory(expected.memory, 'sun4v');
    const machine = typeof memory === 'bigint' ? { arch: 'sun4v' as const, memory, ncpus: 8 } : undefined;
    const ds = checkSystemFile(readFileSync(join(DIR, file)), file, expected.release, 'sun4v', machine);

    it('flags exactly the expected lines, with their codes', () => {
      expect(ds.map((d) => ({ line: d.line, code: d.code, severity: d.severity })))
        .toEqual(expected.flagged.map(({ line, code, severity }) => ({ line, code, severity })));
    });

    it('gives each flagged line the hint a person needs', () => {
      for (const d of ds) expect(d.hint, `line ${d.line}`).toMatch(HINT[d.code] ?? /./);
    });
  });
}
