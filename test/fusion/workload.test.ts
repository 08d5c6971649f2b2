import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_CASE, parseWorkload } from '../../src/fusion/workload';

const FILE = 'fixtures/x.json';
const good = { name: 'w', flows: [{ name: 'a', peer: 'local', pattern: [12, 696], bursts: 2, burstWrites: 4, mode: 'nonblocking' }] };
const withFlow = (change: Record<string, unknown>) => JSON.stringify({ ...good, flows: [{ ...good.flows[0], ...change }] });

describe('workload files', () => {
  it('fixtures/workloads/customer-case.json is the built-in workload', () => {
    const text = readFileSync('fixtures/workloads/customer-case.json', 'utf8');
    expect(parseWorkload(text, 'customer-case.json')).toEqual(CUSTOMER_CASE);
  });

  it('accepts every optional field', () => {
    const all = { reader: { every: 3 }, sndbuf: 65536, rcvbuf: 65536, receiver: 'tli', ipsec: false, ipqos: false,
      kssl: false, ipOptions: false, differentSqueue: false, ipfilterDropAt: 7 };
    expect(parseWorkload(withFlow(all), FILE)).toEqual({ ...good, flows: [{ ...good.flows[0], ...all }] });
  });

  it.each([
    [withFlow({ burstz: 3 }), 'fixtures/x.json: flows[0]: unknown field "burstz" (did you mean "bursts"?)'],
    [withFlow({ colour: 3 }), 'fixtures/x.json: flows[0]: unknown field "colour"'],
    [withFlow({ pattern: [12, -5] }), 'fixtures/x.json: flows[0].pattern[1]: expected a positive integer, got -5'],
    [withFlow({ pattern: [] }), 'fixtures/x.json: flows[0].pattern: expected at least one element, got an empty array'],
    [withFlow({ bursts: '10' }), 'fixtures/x.json: flows[0].bursts: expected a positive integer, got "10"'],
    [withFlow({ burstWrites: 2.5 }), 'fixtures/x.json: flows[0].burstWrites: expected a positive integer, got 2.5'],
    [withFlow({ mode: 'async' }), 'fixtures/x.json: flows[0].mode: expected "nonblocking" or "blocking", got "async"'],
    [withFlow({ reader: { every: 0 } }), 'fixtures/x.json: flows[0].reader.every: expected a positive integer, got 0'],
    [withFlow({ reader: 'sometimes' }), 'fixtures/x.json: flows[0].reader: expected "yield" or "never", got "sometimes"'],
    [withFlow({ ipsec: 'yes' }), 'fixtures/x.json: flows[0].ipsec: expected true or false, got "yes"'],
    [withFlow({ peer: undefined }), 'fixtures/x.json: flows[0].peer: missing'],
    [JSON.stringify({ name: 'w', flows: {} }), 'fixtures/x.json: flows: expected an array, got an object'],
    [JSON.stringify([1]), 'fixtures/x.json: expected an object, got an array'],
    [JSON.stringify({ ...good, flows: [good.flows[0], good.flows[0]] }), 'fixtures/x.json: flows[1].name: duplicate flow name "a"'],
    [withFlow({ bursts: 2 ** 40, burstWrites: 2 ** 20 }), 'fixtures/x.json: flows[0].bursts: bursts × burstWrites is past 2^53, got 1099511627776 × 1048576'],
  ])('a bad workload gives one line naming the file and field: %s', (text, message) => {
    expect(parseWorkload(text, FILE)).toEqual({ error: message });
  });

  it('not JSON: one line, no stack', () => {
    const r = parseWorkload('{"name": oops}', FILE);
    expect('error' in r && r.error).toMatch(/^fixtures\/x\.json: not JSON: Unexpected token/);
    expect('error' in r && r.error.includes('\n')).toBe(false);
  });
});
