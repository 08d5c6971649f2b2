// What each release derives at boot, in the kernel's order, and the compiled
// value each derived variable holds until then (0, or -1 for ncsize): data
// per release, not branches in the steps.

import type { ReleaseId } from '../types';
import { arcInit, currentSizes, dirtyDataMax, legacySizes, oracleArcInit, swapfsMinfree } from './arc';
import { dnlcInit, ufsInit } from './fs';
import { CURRENT_PAGEOUT, LEGACY_PAGEOUT, setupclock } from './pageout';
import { ORACLE_11, PARAM_C, paramCalc, paramCheck, physmem } from './param';
import type { Step } from './types';

export interface Recipe {
  /** Compiled values of the variables the boot works out; /etc/system may replace them first. */
  initial: Readonly<Record<string, bigint>>;
  /** startup, param_check, param_calc/param_init, dnlc_init, module loads (ufs, zfs), setupclock. */
  steps: readonly Step[];
}

const COMMON_INITIAL = {
  maxusers: 0n, reserved_procs: 0n, max_nprocs: 0n, maxuprc: 0n, maxpid: 0n, ncsize: -1n, ufs_ninode: 0n, ndquot: 0n,
  lotsfree: 0n, desfree: 0n, minfree: 0n, throttlefree: 0n, pageout_reserve: 0n, maxpgio: 0n,
  fastscan: 0n, slowscan: 0n, handspreadpages: 0n, swapfs_minfree: 0n, total_pages: 0n, physinstalled: 0n,
};

// Solaris 10 and OpenSolaris: the legacy chain (vm_pageout.c before 2020, arc.c before 2015).
const legacy: Recipe = {
  initial: COMMON_INITIAL,
  steps: [physmem, paramCheck, paramCalc(PARAM_C), dnlcInit, swapfsMinfree, ufsInit, arcInit(legacySizes), setupclock(LEGACY_PAGEOUT)],
};

// illumos today: arc_init sizes from memory less swapfs_minfree, pageout's 3/4 steps and clamps.
const illumos: Recipe = {
  initial: { ...COMMON_INITIAL, zfs_dirty_data_max: 0n },
  steps: [physmem, paramCheck, paramCalc(PARAM_C), dnlcInit, swapfsMinfree, ufsInit, arcInit(currentSizes), dirtyDataMax, setupclock(CURRENT_PAGEOUT)],
};

// Oracle Solaris 11.4, from Oracle's manuals: maxusers and max_nprocs follow the
// CPUs too, zfs_arc_max/min are clamped rather than ignored; the paging
// thresholds are the legacy ones (the 11.4 manual gives lotsfree = max(1/64
// of memory, 512 KB), minfree = desfree/2, pageout_reserve = throttlefree/2).
const solaris11: Recipe = {
  initial: COMMON_INITIAL,
  steps: [physmem, paramCheck, paramCalc(ORACLE_11), dnlcInit, swapfsMinfree, ufsInit, oracleArcInit, setupclock(LEGACY_PAGEOUT)],
};

const RECIPES: Readonly<Partial<Record<ReleaseId, Recipe>>> = { s10: legacy, opensolaris: legacy, illumos, solaris11 };

/** A release without its own recipe boots with the legacy chain. */
export function recipeFor(id: ReleaseId): Recipe {
  return RECIPES[id] ?? legacy;
}
