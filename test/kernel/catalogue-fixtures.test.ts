import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RELEASES } from '../../src/kernel/releases';
import { C_TYPES, isKernelProper, type ReleaseId } from '../../src/kernel/types';

// The data side of the realistic /etc/system fixtures: every set line names a
// catalogued variable of the release, in its own module, with a value inside the
// documented range, unless the fixture's expected.json flags that very line.
const DIR = join(__dirname, '../../fixtures/etc-system/realistic');
const FIXTURES = ['hardened-s10', 'database-s10', 'fileserver-illumos'] as const;

interface Expected {
  release: ReleaseId;
  flagged: { line: number; code: 'ndd-parameter' | 'obsolete' | 'near-miss' | 'not-catalogued'; severity: string; name: string }[];
}

const SET = /^set\s+(?:(\w+):)?(\w+)\s*=\s*(0x[0-9a-f]+|[1-9][0-9]*|0)\s*$/;

describe.each(FIXTURES)('fixture %s', (fixture) => {
  const lines = readFileSync(join(DIR, `${fixture}.system`), 'utf8').split('\n');
  const expected = JSON.parse(readFileSync(join(DIR, `${fixture}.expected.json`), 'utf8')) as Expected;
  const release = RELEASES[expected.release];
  const flagged = new Map(expected.flagged.map((f) => [f.line, f]));

  it('flags lines that say what the expectation names', () => {
    for (const f of expected.flagged) expect(lines[f.line - 1], `line ${f.line}`).toContain(f.name);
  });

  it.each(lines.map((text, i) => [i + 1, text] as const).filter(([, t]) => t.startsWith('set')))('line %i: %s', (n, text) => {
    const m = SET.exec(text);
    expect(m, 'plain `set [module:]name = number` syntax').not.toBeNull();
    if (!m) return;
    const [, module, name, literal] = m as unknown as [string, string | undefined, string, string];
    const entry = release.variables.find((v) => v.name === name && v.status !== 'removed');
    const expectation = flagged.get(n);
    if (expectation?.code === 'ndd-parameter') {
      expect(entry).toBeUndefined();
      expect(release.ndd.map((p) => p.name)).toContain(name);
      return;
    }
    if (expectation?.code === 'near-miss' || expectation?.code === 'not-catalogued') {
      expect(entry).toBeUndefined();
      return;
    }
    expect(entry, `${name} is catalogued on ${release.id}`).toBeDefined();
    if (!entry) return;
    expect(module === undefined ? isKernelProper(entry.module) : module === entry.module).toBe(true);
    expect(entry.status).toBe(expectation?.code === 'obsolete' ? 'obsolete' : 'current');
    const value = BigInt(literal);
    expect(value < 1n << BigInt(C_TYPES[entry.type].size * 8)).toBe(true);
    if (entry.range) expect(value >= BigInt(entry.range[0]) && value <= BigInt(entry.range[1])).toBe(true);
  });
});
