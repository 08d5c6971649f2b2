import { defaultTunables, type FusionTunables } from '../../src/fusion/tunables';
import type { Flow, Workload } from '../../src/fusion/workload';

/** s10 on sun4v with its defaults, changed as a test needs. */
export function tunables(change: Partial<FusionTunables> = {}): FusionTunables {
  return { ...defaultTunables('s10', 'sun4v'), ...change };
}

/** A local, non-blocking, one-burst flow of 1-byte writes; change what the test is about. */
export function flow(change: Partial<Flow> = {}): Flow {
  return { name: 'f', peer: 'local', pattern: [1], bursts: 1, burstWrites: 24, mode: 'nonblocking', reader: 'yield', ...change };
}

export function workload(...flows: Flow[]): Workload {
  return { name: 'test', flows };
}
