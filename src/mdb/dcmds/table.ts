import { CORE_DCMDS } from './core';
import { FUSION_DCMDS } from './fusion';
import { SYMBOL_DCMDS } from './symbols';
import { SYSTEM_DCMDS } from './system';
import type { Dcmd } from './types';
import { WIZARD_DCMDS } from './wizard';

export type { Dcmd, DcmdContext, DcmdResult } from './types';

/** Every dcmd of the session, sorted as ::dcmds lists them. */
export const DCMDS: readonly Dcmd[] = [...CORE_DCMDS, ...SYMBOL_DCMDS, ...SYSTEM_DCMDS, ...FUSION_DCMDS, ...WIZARD_DCMDS]
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const BY_NAME = new Map(DCMDS.map((d) => [d.name, d]));

/** Looks up `::nm`, `nm` or `$d`. */
export function findDcmd(name: string): Dcmd | undefined {
  return BY_NAME.get(name.startsWith('::') ? name.slice(2) : name);
}
