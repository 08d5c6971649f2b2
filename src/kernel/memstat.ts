// Where a freshly booted model machine's pages are, for ::memstat: a census
// of the pages on the page hash by owner, as genunix's memstat walk counts
// them. The model has no workload behind it, so the counts are assumptions,
// written down in docs/machine.md: a kernel footprint that grows with memory,
// and a few processes' worth of anon, text and file pages.

import type { Kernel } from './kernel';
import type { KernelSymbol } from './symbols';

export interface PageCensus {
  kernel: bigint;
  zfsData: bigint;
  anon: bigint;
  exec: bigint;
  pageCache: bigint;
  cachelist: bigint;
  /** Pages the walk counted (all of the above). */
  total: bigint;
}

const MB = 1n << 20n;

export function bootPageCensus(k: Kernel): PageCensus {
  const pages = (bytes: bigint): bigint => bytes / k.pages.pageSize;
  const totalPages = k.value(k.lookup('total_pages') as KernelSymbol);
  const census = {
    kernel: pages(128n * MB) + totalPages / 32n,
    zfsData: 0n,
    anon: pages(48n * MB),
    exec: pages(24n * MB),
    pageCache: pages(32n * MB),
    cachelist: pages(16n * MB),
  };
  const total = Object.values(census).reduce((a, b) => a + b, 0n);
  return { ...census, total };
}
