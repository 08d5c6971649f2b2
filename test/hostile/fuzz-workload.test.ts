import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkloadError, parseWorkload } from '../../src/fusion/workload';

// Mutated copies of fixtures/workloads/customer-case.json through parseWorkload:
// it never throws, and gives either a workload (that reads back as itself) or
// one line, `FILE: field: why`.

const FILE = 'customer-case.json';
const TEXT = readFileSync(join(__dirname, '../../fixtures/workloads', FILE), 'utf8');
const BASE: unknown = JSON.parse(TEXT);

/** `FILE: not JSON: …`, `FILE: flows[0].pattern[1]: …`, or a top-level `FILE: …` about the object itself. */
const ERROR_LINE = new RegExp(
  `^${FILE.replace('.', '\\.')}: (not JSON: |[A-Za-z]\\w*(\\[\\d+\\]|\\.\\w+)*: |expected an object, got |unknown field )[^\\x00-\\x1f\\x7f]+$`,
);

const PIECES = ['{', '}', '[', ']', ',', ':', '"', 'null', 'true', '-1', '0', '1e309', '9007199254740993', '"yield"', '"every"',
  '{"every":0}', '\\u0000', '\ufeff', '\u2028', ' ', '\n', '"flows"', '"pattern"', '"bursts"', '"name"'];

const textEdit = fc.tuple(fc.nat(), fc.nat(4), fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 3 })));

const textMutated = fc.tuple(fc.array(textEdit, { minLength: 1, maxLength: 4 }))
  .map(([edits]) => edits.reduce((t, [at, cut, add]) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + add + t.slice(i + cut);
  }, TEXT));

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(0, -1, 1.5, 2 ** 53, 2 ** 60, Number.MAX_SAFE_INTEGER, '', 'local', 'blocking', [], {}, { every: 2 }, null),
);

/** Paths into the fixture: every field and element, to replace, delete or rename. */
function paths(v: unknown, at: readonly (string | number)[] = []): (readonly (string | number)[])[] {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (typeof v === 'object' && v !== null) return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return [at];
}
const PATHS = paths(BASE).filter((p) => p.length > 0);

type Change = readonly ['set', number, unknown] | readonly ['delete', number] | readonly ['rename', number, string];

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.tuple(fc.constant('set' as const), fc.nat(PATHS.length - 1), anyJson),
  fc.tuple(fc.constant('delete' as const), fc.nat(PATHS.length - 1)),
  fc.tuple(fc.constant('rename' as const), fc.nat(PATHS.length - 1), fc.constantFrom('nmae', 'Bursts', 'readr', '__proto__', 'constructor', '')),
);

function apply(root: unknown, c: Change): void {
  const path = PATHS[c[1]] as readonly (string | number)[];
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null) return;
  const p = parent as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (c[0] === 'set') p[last] = structuredClone(c[2]); // a copy: constantFrom hands out one shared object
  else if (c[0] === 'delete') delete p[last];
  else if (typeof last === 'string') { p[c[2]] = p[last]; delete p[last]; }
}

const structMutated = fc.array(change, { minLength: 1, maxLength: 4 }).map((cs) => {
  const root: unknown = JSON.parse(TEXT);
  for (const c of cs) apply(root, c);
  return JSON.stringify(root) ?? 'undefined';
});

/** What is wrong with parseWorkload's answer for `text`, or undefined. */
function problems(text: string): string | undefined {
  const w = parseWorkload(text, FILE);
  // One line, and no control byte (a quoted \r or escape sequence) that could drive the terminal.
  if (isWorkloadError(w)) return ERROR_LINE.test(w.error) ? undefined : `error of no known shape: ${JSON.stringify(w.error)}`;
  const again = parseWorkload(JSON.stringify(w), FILE);
  return JSON.stringify(again) === JSON.stringify(w) ? undefined : `a workload that does not read back as itself: ${JSON.stringify(w)}`;
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

describe('fuzzing workload JSON', () => {
  it(`${RUNS} byte-mutated files: never throws, a workload or one "FILE: field: why" line`, () => {
    fc.assert(fc.property(textMutated, (text) => {
      expect(problems(text)).toBeUndefined();
    }), { numRuns: RUNS });
  });

  it(`${RUNS} field-mutated files: never throws, a workload or one "FILE: field: why" line`, () => {
    fc.assert(fc.property(structMutated, (text) => {
      expect(problems(text)).toBeUndefined();
    }), { numRuns: RUNS });
  });

  describe('regressions', () => {
    const SEEDS: readonly (readonly [string, string])[] = [
      ['a field named __proto__', TEXT.replace('"name": "local"', '"__proto__": "local"')],
      ['a UTF-8 byte order mark', `\ufeff${TEXT}`],
      ['a NUL inside a string', TEXT.replace('"local"', '"lo\\u0000cal"')],
      // Found by the fuzzer: JSON.parse quoted the raw NUL back into the one-line error.
      ['a NUL before the first brace', `\u0000${TEXT}`],
    ];
    it.each(SEEDS)('%s', (_why, text) => {
      expect(problems(text)).toBeUndefined();
    });
  });
});
