import type { ReleaseCatalogue, ReleaseId } from '../types';
import { illumos } from './illumos';
import { opensolaris } from './opensolaris';
import { s10 } from './s10';

export const RELEASES: Record<ReleaseId, ReleaseCatalogue> = { s10, opensolaris, illumos };
