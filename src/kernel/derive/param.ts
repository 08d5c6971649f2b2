// conf/param.c: param_check(), param_calc() and param_init(), with the
// platform's physmem rules (sun4 and i86pc startup.c). Each value is worked
// out only where /etc/system left it at its compiled value.

import { managedPages } from '../machine';
import { clamped, derived, ignored, limit, max, min, type DeriveContext } from './types';

const MAX_MAXUSERS = 4096n;
const MAXUSERS_COMPUTED_CAP = 2048n;
const MAX_MAXPID = 999999n;
const DEFAULT_AUTOUP = 30n;
const DEFAULT_TUNE_T_FSFLUSHR = 1n;

/**
 * physmem after /etc/system: sparc may only lower it (param_calc "physmem
 * limited to"; startup_vm "limiting physmem to"), x86 takes it from eeprom
 * only (param_check puts the platform value back). total_pages follows it.
 */
export function physmem(ctx: DeriveContext): void {
  const { vars, pages, machine } = ctx;
  const original = pages.physmem;
  let pm = vars.get('physmem');
  if (pm !== original) {
    if (machine.arch === 'i86pc') {
      ctx.events.push({ name: 'physmem', form: 'warn', message: `physmem cannot be modified to 0x${BigInt.asUintN(64, pm).toString(16)} via /etc/system. Please use eeprom(1M) instead.` });
      pm = original;
    } else if (pm > original) {
      ctx.events.push({ name: 'physmem', form: 'notice', message: `physmem limited to ${original}` });
      pm = original;
    } else if (pm <= 0n) {
      ignored(ctx, 'physmem', pm, original, 'not a page count');
      pm = original;
    } else {
      ctx.events.push({ name: 'physmem', form: 'warn', message: `limiting physmem to ${pm} pages` });
    }
    vars.set('physmem', pm);
  }
  vars.set('physinstalled', pages.physinstalled);
  const total = managedPages(machine.arch, pm);
  vars.set('total_pages', total);
  ctx.explain.set('physmem', `derived: installed ${pages.physinstalled} pages, ${machine.arch === 'sun4v' ? 'less btop(4 MB)' : 'less 1'}${pm !== original ? `, lowered by /etc/system to ${pm}` : ''}`);
  ctx.explain.set('total_pages', `derived: physmem ${pm} less the page_t array (see docs/machine.md)`);
}

/** param_check(): the values it puts back, with the kernel's words. */
export function paramCheck(ctx: DeriveContext): void {
  const { vars } = ctx;
  if (vars.get('autoup') <= 0n) {
    vars.set('autoup', DEFAULT_AUTOUP);
    ctx.events.push({ name: 'autoup', form: 'warn', message: `autoup <= 0; defaulting to ${DEFAULT_AUTOUP}` });
  }
  if (vars.get('tune_t_fsflushr') <= 0n) {
    vars.set('tune_t_fsflushr', DEFAULT_TUNE_T_FSFLUSHR);
    ctx.events.push({ name: 'tune_t_fsflushr', form: 'warn', message: `tune_t_fsflushr <= 0; defaulting to ${DEFAULT_TUNE_T_FSFLUSHR}` });
  }
}

/** How a release sizes maxusers and the process table (param_calc's rules differ in Oracle Solaris 11.1+). */
export interface SizingRules {
  /** maxusers when /etc/system leaves it 0. */
  maxusers(ctx: DeriveContext, physmegs: bigint): { value: bigint; why: string };
  /** The most a set maxusers may be. */
  maxusersLimit(ctx: DeriveContext): bigint;
  /** max_nprocs when /etc/system leaves it 0 (before the maxpid cap); `userMaxusers` says maxusers was set. */
  maxNprocs(ctx: DeriveContext, maxusers: bigint, userMaxusers: boolean): { value: bigint; why: string };
}

/** conf/param.c (Solaris 10, OpenSolaris, illumos, Solaris 11.0). */
export const PARAM_C: SizingRules = {
  // 64-bit: the heap's free space is far larger than memory, so physmegs decides.
  maxusers: (_ctx, physmegs) => ({ value: min(max(physmegs, 8n), MAXUSERS_COMPUTED_CAP), why: `min(max(physmem ${physmegs} MB, 8), 2048)` }),
  maxusersLimit: () => MAX_MAXUSERS,
  maxNprocs: (_ctx, maxusers) => ({ value: 10n + 16n * maxusers, why: `10+16*maxusers ${maxusers}` }),
};

/**
 * Oracle Solaris 11.1 and later, from Oracle's Tunable Parameters manuals
 * (source not public): maxusers = max(min(MB, 2048), 8 * ncpus), settable up to
 * max(4096, 8 * ncpus); max_nprocs = 10 + 16 * maxusers when maxusers is set,
 * else max(30000, 10 + 128 * ncpus); both capped at maxpid.
 */
export const ORACLE_11: SizingRules = {
  maxusers: (ctx, physmegs) => {
    const cpus = 8n * BigInt(ctx.machine.ncpus);
    return { value: max(min(physmegs, MAXUSERS_COMPUTED_CAP), cpus), why: `max(min(physmem ${physmegs} MB, 2048), 8*ncpus ${ctx.machine.ncpus})` };
  },
  maxusersLimit: (ctx) => max(MAX_MAXUSERS, 8n * BigInt(ctx.machine.ncpus)),
  maxNprocs: (ctx, maxusers, userMaxusers) => userMaxusers
    ? { value: 10n + 16n * maxusers, why: `10+16*maxusers ${maxusers} (maxusers set)` }
    : { value: max(30000n, 10n + 128n * BigInt(ctx.machine.ncpus)), why: `max(30000, 10+128*ncpus ${ctx.machine.ncpus})` },
};

/** param_calc() then param_init(): maxusers, reserved_procs, maxpid, max_nprocs, maxuprc. */
export const paramCalc = (rules: SizingRules) => (ctx: DeriveContext): void => {
  const { vars, pages } = ctx;
  let maxusers = vars.get('maxusers');
  const userMaxusers = maxusers !== 0n;
  if (maxusers === 0n) {
    const physmegs = (vars.get('physmem') * pages.pageSize) >> 20n;
    const m = rules.maxusers(ctx, physmegs);
    maxusers = derived(ctx, 'maxusers', m.value, m.why);
  }
  const limitTo = rules.maxusersLimit(ctx);
  if (maxusers > limitTo) {
    vars.set('maxusers', limitTo);
    ctx.events.push({ name: 'maxusers', form: 'notice', message: `maxusers limited to ${limitTo}` });
    ctx.explain.set('maxusers', `set to ${maxusers}, limited to ${limitTo}`);
    maxusers = limitTo;
  }
  let reserved = vars.get('reserved_procs');
  if (reserved === 0n) reserved = derived(ctx, 'reserved_procs', 5n, 'the compiled-in 5');
  const pidmax = vars.get('pidmax');
  const maxpid = pidmax < reserved || pidmax > MAX_MAXPID ? MAX_MAXPID : pidmax;
  if (maxpid !== pidmax) ignored(ctx, 'pidmax', pidmax, MAX_MAXPID, `maxpid: pidmax counts only from reserved_procs ${reserved} to ${MAX_MAXPID}`);
  derived(ctx, 'maxpid', maxpid, maxpid === pidmax ? `pidmax ${pidmax}` : `pidmax ${pidmax} is outside reserved_procs..${MAX_MAXPID}: ${MAX_MAXPID}`);
  let nprocs = vars.get('max_nprocs');
  if (nprocs === 0n) {
    const want = rules.maxNprocs(ctx, maxusers, userMaxusers);
    nprocs = derived(ctx, 'max_nprocs', min(want.value, maxpid), want.value > maxpid ? `${want.why} = ${want.value}, capped at maxpid ${maxpid}` : want.why);
  } else if (nprocs > maxpid) {
    nprocs = limit(ctx, 'max_nprocs', nprocs, maxpid, 'maxpid');
  }
  const maxuprc = vars.get('maxuprc');
  const maxupttl = nprocs - reserved;
  if (maxuprc === 0n) derived(ctx, 'maxuprc', maxupttl, `max_nprocs ${nprocs} - reserved_procs ${reserved}`);
  // param_init: v.v_maxup = min(maxuprc, v.v_maxupttl); the variable keeps what was set.
  else if (maxuprc > maxupttl) clamped(ctx, 'maxuprc', maxuprc, maxupttl, `v.v_maxup: max_nprocs ${nprocs} - reserved_procs ${reserved}`);
};
