// Engine speed (issue 4 "Speed"). Run: npx vitest bench --run bench/engine.bench.ts
import { bench, describe } from 'vitest';
import { runWorkload } from '../src/fusion/engine';
import { sweep } from '../src/fusion/sweep';
import { defaultTunables } from '../src/fusion/tunables';
import { CUSTOMER_CASE, type Workload } from '../src/fusion/workload';

const t = defaultTunables('s10', 'sun4v');

// The customer case scaled to 10^9 writes: 41,666,667 bursts of 24.
const BILLION: Workload = { ...CUSTOMER_CASE, flows: CUSTOMER_CASE.flows.map((f) => ({ ...f, bursts: 41_666_667 })) };

// No cycle to find: one burst of 5 * 10^6 writes of 100 and 60000 bytes (1 and 3 chunks of
// maxpsz 24576), so 10^7 enqueues, with a reader on another CPU and stops by count and bytes.
const ENQUEUES = 10_000_000;
const STEPPING: Workload = {
  name: 'stepping',
  flows: [{ name: 'f', peer: 'local', pattern: [100, 60000], bursts: 1, burstWrites: 5_000_000,
    mode: 'nonblocking', reader: { every: 7 } }],
};

describe('fusion engine', () => {
  bench('customer case, 10^9 writes (cycle skipped)', () => {
    runWorkload(t, BILLION);
  });

  bench(`stepping, no cycle: ${ENQUEUES / 1e6}M enqueues`, () => {
    runWorkload(t, STEPPING);
  }, { iterations: 5 });

  bench('sweep tcp_fusion_rcv_unread_min 0 0t64, customer case', () => {
    sweep(t, CUSTOMER_CASE, 'tcp_fusion_rcv_unread_min', 0, 64);
  });
});
