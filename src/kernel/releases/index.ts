import type { ReleaseCatalogue, ReleaseId } from '../types';
import { illumos } from './illumos';
import { opensolaris } from './opensolaris';
import { s10 } from './s10';
import { solaris11 } from './solaris11';

const BUILD: Record<ReleaseId, () => ReleaseCatalogue> = { s10, opensolaris, illumos, solaris11 };

/**
 * The catalogue of each release, assembled the first time it is asked for: a
 * session models one release, so start-up builds only that one.
 */
export const RELEASES = {} as Readonly<Record<ReleaseId, ReleaseCatalogue>>;
for (const id of Object.keys(BUILD) as ReleaseId[]) {
  let built: ReleaseCatalogue | undefined;
  Object.defineProperty(RELEASES, id, { enumerable: true, get: () => (built ??= BUILD[id]()) });
}
