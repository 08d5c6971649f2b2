import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_CASE, isWorkloadError, parseWorkload } from '../../src/fusion/workload';

// schemas/workload.schema.json, shipped for editors, says what parseWorkload says:
// the same files are accepted, and a rejected file is rejected at the field the
// schema names. (The rules a schema cannot state, distinct flow names,
// bursts × burstWrites within 2^53 and yieldAfter's write numbers increasing and
// within sizes, are the parser's alone.)

const SCHEMA: unknown = JSON.parse(readFileSync(join(__dirname, '../../schemas/workload.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(SCHEMA as object);
const TEXT = readFileSync(join(__dirname, '../../fixtures/workloads/customer-case.json'), 'utf8');

/** `flows[0].pattern[1]` as a JSON pointer, `/flows/0/pattern/1`. */
const pointer = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((p) => p !== '').map((p) => `/${p}`).join('');

const SCHEMA_ONLY_RULES = /duplicate flow name|past 2\^53|past the last write|in increasing order/;

/** Where the schema and the parser disagree about `value`, or undefined. */
function disagreement(value: unknown): string | undefined {
  const byParser = parseWorkload(JSON.stringify(value), 'w.json');
  const bySchema = validate(value);
  const errors: ErrorObject[] = validate.errors ?? [];
  if (!isWorkloadError(byParser)) return bySchema ? undefined : `only the schema refuses it: ${JSON.stringify(errors)}`;
  if (SCHEMA_ONLY_RULES.test(byParser.error)) return undefined;
  if (bySchema) return `only the parser refuses it: ${byParser.error}`;
  // `w.json: flows[0].mode: expected …`, or `w.json: unknown field …` about the object at the top.
  const m = /^w\.json: (?:([A-Za-z][\w.[\]]*): )?/.exec(byParser.error);
  const at = pointer(m?.[1] ?? '');
  // The field itself, or its object for what a schema says of the object (a field missing, one
  // shape of flow or the other), or an unknown field in it.
  const objectRules = ['required', 'oneOf', 'not'];
  const named = errors.some((e) => e.instancePath === at || (e.instancePath === at.replace(/\/[^/]*$/, '') && objectRules.includes(e.keyword))
    || (at.startsWith(e.instancePath) && e.keyword === 'additionalProperties'));
  return named ? undefined : `the parser names ${at || '/'} (${byParser.error}), the schema ${errors.map((e) => e.instancePath || '/').join(', ')}`;
}

const field = fc.constantFrom('name', 'peer', 'pattern', 'bursts', 'burstWrites', 'mode', 'reader', 'sndbuf', 'rcvbuf', 'receiver',
  'ipsec', 'ipqos', 'kssl', 'ipOptions', 'differentSqueue', 'ipfilterDropAt', 'sndbuff', 'every', 'sizes', 'yieldAfter');
const value = fc.oneof(
  fc.constantFrom(0, -1, 1, 1.5, 2 ** 53, '', 'x', 'local', 'remote', 'blocking', 'nonblocking', 'yield', 'never', 'socket', 'tli',
    true, false, null, [], [0], [1, 2], [2, 1], [12, 696, 12], {}, { every: 2 }, { every: 0 }, { every: 1, x: 1 }),
  fc.jsonValue({ maxDepth: 1 }),
);
const edit = fc.oneof(
  fc.tuple(fc.constant('set' as const), fc.nat(1), field, value),
  fc.tuple(fc.constant('delete' as const), fc.nat(1), field, fc.constant(null)),
);

describe('schemas/workload.schema.json', () => {
  it('accepts the built-in workload and the example file', () => {
    expect(validate(CUSTOMER_CASE)).toBe(true);
    expect(validate(JSON.parse(TEXT))).toBe(true);
  });

  it('agrees with parseWorkload on 2000 edited workloads: accepted by both, or refused at the field the schema names', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
      const w = JSON.parse(TEXT) as { flows: Record<string, unknown>[] };
      for (const [op, flow, name, v] of edits) {
        const f = w.flows[flow] as Record<string, unknown>;
        if (op === 'set') f[name] = structuredClone(v);
        else delete f[name];
      }
      expect(disagreement(w)).toBeUndefined();
    }), { numRuns: 2000 });
  });

  it('agrees on the shapes around the flows', () => {
    for (const v of [null, [], {}, { name: 'x' }, { name: 'x', flows: [] }, { name: '', flows: CUSTOMER_CASE.flows },
      { ...CUSTOMER_CASE, extra: 1 }, { ...CUSTOMER_CASE, flows: [1] }]) {
      expect(disagreement(v)).toBeUndefined();
    }
  });
});
