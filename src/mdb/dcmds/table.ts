import { CORE_DCMDS } from './core';
import { SET_DCMDS } from './set';
import { FUSION_DCMDS } from './fusion';
import { SYMBOL_DCMDS } from './symbols';
import { SYSTEM_DCMDS } from './system';
import type { Dcmd, DcmdTable } from './types';
import { WIZARD_DCMDS } from './wizard';

export type { Dcmd, DcmdContext, DcmdResult, DcmdTable } from './types';

// The one table of dcmds: each family file exports its rows; this file only
// joins them. Nothing imports this file back (::help and ::dcmds get the table
// through their context), so loading any dcmd file on its own works.

/** Every dcmd of the session, sorted as ::dcmds lists them. */
export const DCMDS: readonly Dcmd[] = [...CORE_DCMDS, ...SET_DCMDS, ...SYMBOL_DCMDS, ...SYSTEM_DCMDS, ...FUSION_DCMDS, ...WIZARD_DCMDS]
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const BY_NAME = new Map(DCMDS.map((d) => [d.name, d]));

/** Looks up `::nm`, `nm` or `$d`. */
export function findDcmd(name: string): Dcmd | undefined {
  return BY_NAME.get(name.startsWith('::') ? name.slice(2) : name);
}

export const DCMD_TABLE: DcmdTable = { list: DCMDS, find: findDcmd };
