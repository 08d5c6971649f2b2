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

/** param_calc() then param_init(): maxusers, reserved_procs, maxpid, max_nprocs, maxuprc. */
export function paramCalc(ctx: DeriveContext): void {
  const { vars, pages } = ctx;
  let maxusers = vars.get('maxusers');
  if (maxusers === 0n) {
    // 64-bit: the heap's free space is far larger than memory, so physmegs decides.
    const physmegs = (vars.get('physmem') * pages.pageSize) >> 20n;
    maxusers = derived(ctx, 'maxusers', min(max(physmegs, 8n), MAXUSERS_COMPUTED_CAP), `min(max(physmem ${physmegs} MB, 8), 2048)`);
  }
  if (maxusers > MAX_MAXUSERS) {
    vars.set('maxusers', MAX_MAXUSERS);
    ctx.events.push({ name: 'maxusers', form: 'notice', message: `maxusers limited to ${MAX_MAXUSERS}` });
    ctx.explain.set('maxusers', `set to ${maxusers}, limited to ${MAX_MAXUSERS}`);
    maxusers = MAX_MAXUSERS;
  }
  let reserved = vars.get('reserved_procs');
  if (reserved === 0n) reserved = derived(ctx, 'reserved_procs', 5n, 'the compiled-in 5');
  const pidmax = vars.get('pidmax');
  const maxpid = pidmax < reserved || pidmax > MAX_MAXPID ? MAX_MAXPID : pidmax;
  if (maxpid !== pidmax) ignored(ctx, 'pidmax', pidmax, MAX_MAXPID, `outside reserved_procs ${reserved} to ${MAX_MAXPID}; maxpid`);
  derived(ctx, 'maxpid', maxpid, maxpid === pidmax ? `pidmax ${pidmax}` : `pidmax ${pidmax} is outside reserved_procs..${MAX_MAXPID}: ${MAX_MAXPID}`);
  let nprocs = vars.get('max_nprocs');
  if (nprocs === 0n) {
    const want = 10n + 16n * maxusers;
    nprocs = derived(ctx, 'max_nprocs', min(want, maxpid), want > maxpid ? `10+16*maxusers ${maxusers} = ${want}, capped at maxpid ${maxpid}` : `10+16*maxusers ${maxusers}`);
  } else if (nprocs > maxpid) {
    nprocs = limit(ctx, 'max_nprocs', nprocs, maxpid, 'maxpid');
  }
  const maxuprc = vars.get('maxuprc');
  const maxupttl = nprocs - reserved;
  if (maxuprc === 0n) derived(ctx, 'maxuprc', maxupttl, `max_nprocs ${nprocs} - reserved_procs ${reserved}`);
  // param_init: v.v_maxup = min(maxuprc, v.v_maxupttl); the variable keeps what was set.
  else if (maxuprc > maxupttl) clamped(ctx, 'maxuprc', maxuprc, maxupttl, `v.v_maxup: max_nprocs ${nprocs} - reserved_procs ${reserved}`);
}
