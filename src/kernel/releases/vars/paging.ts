import { PHYSMEM_PAGES, manual, type Tunable } from '../tunable';

const PAGING = 'Paging-Related Tunables';
const SWAP = 'Swapping-Related Tunables';
const VM = 'usr/src/uts/common/os/vm_pageout.c';

// setupclock() in vm_pageout.c derives these at boot from the size of memory;
// the values below are what it computes for the model's 1 Mi pages.
const lotsfree = PHYSMEM_PAGES / 64;
const desfree = lotsfree / 2;
const minfree = desfree / 2;
const throttlefree = minfree;
const fastscan = Math.min((64 * 1024 * 1024) / 8192, PHYSMEM_PAGES / 2);
const TYPICAL = 'boot value for 8 GiB';

export const paging: readonly Tunable[] = [
  {
    name: 'lotsfree', module: 'unix', type: 'pgcnt_t', default: lotsfree, range: [64, PHYSMEM_PAGES], units: 'pages',
    description: `Free memory below which the page scanner starts: 1/64 of memory (${TYPICAL}).`,
    status: 'current', source: manual(2, PAGING, VM),
  },
  {
    name: 'desfree', module: 'unix', type: 'pgcnt_t', default: desfree, units: 'pages',
    description: `Free memory the system wants to keep; below it for long, swapping starts (lotsfree/2).`,
    status: 'current', source: manual(2, PAGING, VM),
  },
  {
    name: 'minfree', module: 'unix', type: 'pgcnt_t', default: minfree, units: 'pages',
    description: 'Least free memory tolerated before pageout gets aggressive (desfree/2).',
    status: 'current', source: manual(2, PAGING, VM),
  },
  {
    name: 'throttlefree', module: 'unix', type: 'pgcnt_t', default: throttlefree, units: 'pages',
    description: 'Free memory below which allocations that may sleep are made to wait (equals minfree).',
    status: 'current', source: manual(2, PAGING, VM),
  },
  {
    name: 'pageout_reserve', module: 'unix', type: 'pgcnt_t', default: throttlefree / 2, units: 'pages',
    description: 'Pages held back for pageout and sched so they can always make progress.',
    status: 'current', source: manual(2, PAGING, VM),
  },
  {
    name: 'pages_pp_maximum', module: 'unix', type: 'pgcnt_t', default: 42455, units: 'pages',
    description: `Pages that must stay unlocked: 4% of memory plus 4 MiB (${TYPICAL}).`,
    status: 'current', source: manual(2, PAGING, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'tune_t_minarmem', module: 'genunix', type: 'int', default: 25, range: [1, PHYSMEM_PAGES], units: 'pages',
    description: 'Resident memory kept free so the kernel cannot deadlock for lack of it.',
    status: 'current', source: manual(2, PAGING, 'usr/src/uts/common/conf/param.c'),
  },
  {
    name: 'fastscan', module: 'unix', type: 'pgcnt_t', default: fastscan, range: [1, PHYSMEM_PAGES / 2], units: 'pages/s',
    description: 'Scan rate of pageout when memory is nearly gone: the lesser of 64 MiB and half of memory.',
    status: 'current', source: manual(2, PAGING, VM),
  },
  {
    name: 'slowscan', module: 'unix', type: 'pgcnt_t', default: 100, range: [1, fastscan / 2], units: 'pages/s',
    description: 'Scan rate of pageout just below lotsfree.',
    status: 'current', source: manual(2, PAGING, VM),
  },
  {
    name: 'min_percent_cpu', module: 'unix', type: 'int', default: 4, range: [0, 80], units: '%',
    description: 'Smallest share of one CPU the page scanner may use.',
    status: 'current', source: manual(2, PAGING, VM),
  },
  {
    name: 'handspreadpages', module: 'unix', type: 'pgcnt_t', default: fastscan, range: [1, PHYSMEM_PAGES], units: 'pages',
    description: 'Distance between the two clock hands of the page scanner (equals fastscan).',
    status: 'current', source: manual(2, PAGING, VM),
  },
  {
    name: 'pages_before_pager', module: 'unix', type: 'int', default: 200, range: [1, PHYSMEM_PAGES], units: 'pages',
    description: 'Free memory margin under which I/O pages are freed right after use.',
    status: 'current', source: manual(2, PAGING),
  },
  {
    name: 'maxpgio', module: 'unix', type: 'pgcnt_t', default: 40, range: [1, 1024], units: 'I/Os per second',
    description: 'Page-out requests the scanner may queue each second.',
    status: 'current', source: manual(2, PAGING, VM),
  },
  {
    name: 'segspt_minfree', module: 'unix', type: 'pgcnt_t', default: Math.floor(PHYSMEM_PAGES * 0.05), units: 'pages',
    description: 'Memory kept out of reach of ISM shared segments: 5% of memory.',
    status: 'current', source: manual(2, PAGING),
  },
  {
    name: 'swapfs_reserve', module: 'unix', type: 'pgcnt_t', default: 512, units: 'pages',
    description: 'Swap kept for root processes: the lesser of 4 MiB and 1/16 of memory.',
    status: 'current', source: manual(2, SWAP),
  },
  {
    name: 'swapfs_minfree', module: 'unix', type: 'pgcnt_t', default: PHYSMEM_PAGES / 8, range: [0, PHYSMEM_PAGES], units: 'pages',
    description: 'Memory that swap reservations may never claim: the larger of 2 MiB and 1/8 of memory.',
    status: 'current', source: manual(2, SWAP),
  },
];
