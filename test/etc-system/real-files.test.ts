import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSystemFile } from '../../src/etc-system';
import { parseMemory } from '../../src/kernel/machine';
import type { ArchId, ReleaseId } from '../../src/kernel/types';

// Real /etc/system files written by others (fixtures/etc-system/real, each
// citing where it was found): the checker reports exactly the findings listed
// in NAME.expected.json, worked out by hand from the release's kernel, and
// nothing else. No false error or warning on files that boot real machines.

const DIR = join(__dirname, '../../fixtures/etc-system/real');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.system')).sort();

interface Expected {
  release: ReleaseId;
  arch: ArchId;
  /** The host's installed memory where a finding depends on it (zfs_arc_max must be below memory); default 8g. */
  memory?: string;
  findings: { line: number; code: string; severity: string }[];
}

const expectedOf = (file: string): Expected =>
  JSON.parse(readFileSync(join(DIR, file.replace(/\.system$/, '.expected.json')), 'utf8')) as Expected;
const check = (file: string) => {
  const e = expectedOf(file);
  const memory = e.memory === undefined ? undefined : parseMemory(e.memory, e.arch);
  const machine = typeof memory === 'bigint' ? { arch: e.arch, memory, ncpus: 8 } : undefined;
  return checkSystemFile(readFileSync(join(DIR, file)), file, e.release, e.arch, machine);
};

describe('the real-file set', () => {
  it('has at least 20 files, x86 and SPARC, on every release', () => {
    const all = FILES.map(expectedOf);
    expect(FILES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((e) => e.arch))).toEqual(new Set(['i86pc', 'sun4v']));
    expect(new Set(all.map((e) => e.release))).toEqual(new Set(['s10', 'illumos', 'solaris11']));
  });

  it.each(FILES)('%s cites its source in a comment header the kernel ignores, above a rule', (file) => {
    const lines = readFileSync(join(DIR, file), 'latin1').split('\n');
    const rule = lines.findIndex((l) => l.startsWith('* ----'));
    expect(rule).toBeGreaterThan(0);
    const head = lines.slice(0, rule);
    expect(head.every((l) => l.startsWith('*'))).toBe(true);
    expect(head.join('\n')).toMatch(/Source: \S+|index\s+(\*\s+)?copy\s+(\*\s+)?id=\d+/);
  });
});

describe.each(FILES)('%s', (file) => {
  const e = expectedOf(file);
  const ds = check(file);

  it(`reports exactly the expected findings on ${e.release} ${e.arch}`, () => {
    expect(ds.map((d) => ({ line: d.line, code: d.code, severity: d.severity }))).toEqual(e.findings);
  });

  it('gives every error and warning a hint', () => {
    for (const d of ds.filter((x) => x.severity !== 'note' || x.code === 'not-catalogued')) {
      if (d.severity === 'note' && !d.hint) continue;
      expect(d.hint, `line ${d.line} ${d.code}`).toBeTruthy();
    }
  });
});

describe('files the distributions ship (must hold)', () => {
  it.each([
    'smartos-live.system',
    'smartos-live-2010.system',
    'omnios-system-defaults.system',
    'omnios-system-defaults-2020.system',
    'omnios-circonus.system',
  ])(
    '%s: 0 errors and 0 warnings on illumos i86pc', (file) => {
      const ds = checkSystemFile(readFileSync(join(DIR, file)), file, 'illumos', 'i86pc');
      expect(ds.filter((d) => d.severity !== 'note')).toEqual([]);
    },
  );
});

describe('coverage (bench/coverage.mjs prints the figures)', () => {
  it('the catalogue judges at least 90% of the set lines of the files written for each release', () => {
    const NOT_CHECKED = new Set(['not-catalogued', 'unknown-module']);
    const byRelease = new Map<ReleaseId, { lines: number; judged: number }>();
    for (const file of FILES) {
      const e = expectedOf(file);
      const lines = readFileSync(join(DIR, file), 'latin1').split('\n').filter((l) => /^\s*(set|SET)\s/.test(l)).length;
      const unjudged = new Set(check(file).filter((d) => NOT_CHECKED.has(d.code)).map((d) => d.line)).size;
      const r = byRelease.get(e.release) ?? { lines: 0, judged: 0 };
      byRelease.set(e.release, { lines: r.lines + lines, judged: r.judged + lines - unjudged });
    }
    for (const [release, r] of byRelease) expect(r.judged / r.lines, release).toBeGreaterThanOrEqual(0.9);
  });
});
