import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSystemFile } from '../../src/etc-system';
import type { ReleaseId } from '../../src/kernel/types';

// Issue 7: each realistic /etc/system checks with zero errors on the release it
// was written for, and the checker flags exactly the lines its expected.json
// lists (obsolete, ndd and typo lines), each with the right hint; nothing else.

const DIR = join(__dirname, '../../fixtures/etc-system/realistic');

interface Expected {
  release: ReleaseId;
  flagged: { line: number; code: string; severity: string; name: string }[];
}

const HINT: Record<string, RegExp> = {
  'ndd-parameter': /is an ndd parameter of \/dev\/(tcp|ip|udp), not a kernel variable: use (ndd -set|ipadm set-prop -p [a-z_]+=\d+ tcp)/,
  obsolete: /^replaced by /,
  'near-miss': /^did you mean '/,
};

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.system'))) {
  describe(file, () => {
    const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.system$/, '.expected.json')), 'utf8')) as Expected;
    const ds = checkSystemFile(readFileSync(join(DIR, file)), file, expected.release);

    it(`has no errors on ${expected.release}`, () => {
      expect(ds.filter((d) => d.severity === 'error')).toEqual([]);
    });

    it('flags exactly the expected lines, with their codes', () => {
      expect(ds.map((d) => ({ line: d.line, code: d.code, severity: d.severity })))
        .toEqual(expected.flagged.map(({ line, code, severity }) => ({ line, code, severity })));
    });

    it('gives each flagged line the hint a person needs', () => {
      for (const d of ds) expect(d.hint, `line ${d.line}`).toMatch(HINT[d.code] ?? /./);
    });
  });
}
