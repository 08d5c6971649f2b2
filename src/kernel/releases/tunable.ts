import type { NddParam, ReleaseId, VariableEntry } from '../types';

// A catalogue fact written once for every release, with the differences of a
// release beside it: `on.illumos = 'absent'` (no such symbol, nothing to explain)
// or a partial entry that replaces the fields that differ there.
export type Override<T> = Partial<T> | 'absent';

export interface Tunable extends VariableEntry {
  on?: Partial<Record<ReleaseId, Override<VariableEntry>>>;
}

export interface SharedNdd extends NddParam {
  on?: Partial<Record<ReleaseId, Override<NddParam>>>;
}

/** The entries of one release, in table order, with that release's overrides applied. */
export function forRelease<T extends object>(
  table: readonly (T & { on?: Partial<Record<ReleaseId, Override<T>>> })[],
  id: ReleaseId,
): T[] {
  const out: T[] = [];
  for (const row of table) {
    const { on, ...fact } = row;
    const override = on?.[id];
    if (override === 'absent') continue;
    out.push({ ...(fact as T), ...override });
  }
  return out;
}

export const MAXINT = 0x7fffffff;
export const MAXUINT = 0xffffffff;

const STPRM = 'Solaris Tunable Parameters Reference Manual';

/** A section of the Solaris 10 manual: chapter 2 kernel, 3 NFS, 4 Internet protocols. */
export function manual(chapter: 2 | 3 | 4, section: string, alsoSource?: string): string {
  const where = `${STPRM}, ch. ${chapter} '${section}'`;
  return alsoSource ? `${where}; illumos-gate ${alsoSource}` : where;
}

/** The ZFS chapter only appears in the later Solaris 10 editions of the manual. */
export function zfsManual(section: string, alsoSource?: string): string {
  const where = `${STPRM} (Solaris 10 1/13), ch. 3 '${section}'`;
  return alsoSource ? `${where}; illumos-gate ${alsoSource}` : where;
}

export function illumosGate(path: string): string {
  return `illumos-gate ${path}`;
}

// The model machine: 8 GiB of 8 KiB pages (sun4v). Boot-time formulae below use
// it, so computed defaults are those of such a host; on i86pc the page counts stay.
export const PHYSMEM_PAGES = 1048576;
export const PAGESIZE = 8192;
export const MAXUSERS = 2048;
export const PIDMAX = 30000;
/** param_calc: 10 + 16 * maxusers, capped at maxpid. */
export const MAX_NPROCS = Math.min(10 + 16 * MAXUSERS, PIDMAX);
/** dnlc_init: the low-water mark 4 * (max_nprocs + maxusers) + 320, plus 1%. */
const DNLC_LOW_WATER = 4 * (MAX_NPROCS + MAXUSERS) + 320;
export const NCSIZE = DNLC_LOW_WATER + Math.floor(DNLC_LOW_WATER / 100);

/** Oracle's manual for Solaris 11 (11.4 edition unless another is named). */
export function s11Manual(section: string, edition = '11.4'): string {
  return `Oracle Solaris ${edition} Tunable Parameters Reference Manual, '${section}'`;
}

/** Absent on the releases named (no such symbol there, nothing to explain). */
export function absentOn<R extends ReleaseId>(...ids: R[]): Record<R, 'absent'> {
  return Object.fromEntries(ids.map((id) => [id, 'absent'])) as Record<R, 'absent'>;
}

/**
 * Marks the rows a release takes from a neighbour's source (illumos-gate for
 * Solaris 10, the Solaris 10 manual for Oracle Solaris 11...) as uncertain:
 * a row whose source does not match `own` says where its facts come from.
 */
export function markBorrowed(rows: readonly VariableEntry[], own: RegExp, note: string): VariableEntry[] {
  return rows.map((v) => (own.test(v.source) || v.uncertain ? v : { ...v, uncertain: note }));
}
