// fs/dnlc.c dnlc_init() (ncsize), and what loading UFS sizes: ufs_iinit()
// (ufs_ninode, the ufs_HW/ufs_LW check) and quota.c (ndquot).

import { derived, type DeriveContext } from './types';

const DNLC_LOW_WATER_DIVISOR = 100n;
const NMOUNT = 40n;
const UFS_HW_DEFAULT = 16n * 1024n * 1024n;
const UFS_LW_DEFAULT = 8n * 1024n * 1024n;
/** sizeof (struct inode) on a 64-bit kernel [assumed; see docs/machine.md]. */
const SIZEOF_INODE = 368n;

/** dnlc_init(): ncsize is -1 until set; 0 or less turns the cache off. */
export function dnlcInit(ctx: DeriveContext): void {
  const { vars } = ctx;
  const ncsize = vars.get('ncsize');
  if (ncsize === -1n) {
    const nprocs = vars.get('max_nprocs');
    const maxusers = vars.get('maxusers');
    const low = 4n * (nprocs + maxusers) + 320n;
    derived(ctx, 'ncsize', low + low / DNLC_LOW_WATER_DIVISOR, `4*(max_nprocs ${nprocs} + maxusers ${maxusers})+320 = ${low}, +1%`);
  } else if (ncsize <= 0n) {
    vars.set('ncsize', 0n);
    ctx.events.push({ name: 'ncsize', form: 'notice', message: 'name cache (dnlc) disabled' });
  }
}

/** ufs_inode_max: a quarter of what kmem may still give, in inodes (kmem_maxavail() taken as managed memory). */
export function ufsInodeMax(ctx: DeriveContext): bigint {
  return (ctx.vars.get('total_pages') * ctx.pages.pageSize) / 4n / SIZEOF_INODE;
}

/** ufs_iinit() and the quota table, when UFS loads (after its module variables are set). */
export function ufsInit(ctx: DeriveContext): void {
  const { vars } = ctx;
  const ncsize = vars.get('ncsize');
  let ninode = vars.get('ufs_ninode');
  if (ninode <= 0n) ninode = derived(ctx, 'ufs_ninode', ncsize, `ncsize ${ncsize}`);
  const inodeMax = ufsInodeMax(ctx);
  if (ninode > inodeMax || (ninode === 0n && ncsize === 0n)) {
    ctx.events.push({ name: 'ufs_ninode', form: 'notice', message: `setting ufs_ninode to max value of ${inodeMax}` });
    vars.set('ufs_ninode', inodeMax);
    ctx.explain.set('ufs_ninode', `derived: ufs_inode_max ${inodeMax} (a quarter of kernel memory in inodes)`);
  }
  const hw = vars.get('ufs_HW');
  const lw = vars.get('ufs_LW');
  if (hw <= lw) {
    ctx.events.push({ name: 'ufs_HW', form: 'warn', message: `ufs_HW (${hw}) <= ufs_LW (${lw}). Check /etc/system.` });
    ctx.events.push({ name: 'ufs_HW', form: 'warn', message: `using defaults, ufs_HW = ${UFS_HW_DEFAULT}, ufs_LW = ${UFS_LW_DEFAULT}` });
    vars.set('ufs_HW', UFS_HW_DEFAULT);
    vars.set('ufs_LW', UFS_LW_DEFAULT);
  }
  if (vars.get('ndquot') === 0n) {
    const maxusers = vars.get('maxusers');
    const nprocs = vars.get('max_nprocs');
    derived(ctx, 'ndquot', (maxusers * NMOUNT) / 4n + nprocs, `maxusers ${maxusers}*40/4 + max_nprocs ${nprocs}`);
  }
}
