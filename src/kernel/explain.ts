import type { ArchId, NddParam, ReleaseCatalogue, VariableEntry } from './types';

/** Why a name is not a kernel variable here, for hints after mdb's or the kernel's own words. */
export type Explanation =
  | { code: 'ndd-parameter'; param: NddParam }
  | { code: 'removed'; entry: VariableEntry }
  | { code: 'near-miss'; entry: VariableEntry }
  | { code: 'other-arch'; entry: VariableEntry };

/** Edit distance (insert, delete, substitute, swap of neighbours), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { row.push(j); continue; }
      const prev = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(d);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The closest current variable name on `arch` within a small edit distance, if any. */
export function nearMiss(release: ReleaseCatalogue, name: string, arch: ArchId, module?: string): VariableEntry | undefined {
  const limit = name.length <= 6 ? 1 : 2;
  let best: VariableEntry | undefined;
  let bestDist = limit + 1;
  for (const entry of release.variables) {
    if (entry.status === 'removed' || (entry.arch && entry.arch !== arch) || (module !== undefined && entry.module !== module)) continue;
    const d = editDistance(name, entry.name, limit);
    if (d < bestDist) { best = entry; bestDist = d; }
  }
  return best;
}

/** Explains a name that is not a symbol of this release's kernel on `arch`, when we can. */
export function explainUnknown(release: ReleaseCatalogue, name: string, arch: ArchId): Explanation | undefined {
  const param = release.ndd.find((p) => p.name === name);
  if (param) return { code: 'ndd-parameter', param };
  const removed = release.variables.find((v) => v.name === name && v.status === 'removed');
  if (removed) return { code: 'removed', entry: removed };
  const elsewhere = release.variables.find((v) => v.name === name && v.arch !== undefined && v.arch !== arch);
  if (elsewhere) return { code: 'other-arch', entry: elsewhere };
  const near = nearMiss(release, name, arch);
  return near ? { code: 'near-miss', entry: near } : undefined;
}
