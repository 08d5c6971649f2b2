import type { NddParam, ReleaseCatalogue, ReleaseId } from '../../types';
import { tcpNdd } from '../tcp-ndd';
import { forRelease } from '../tunable';
import { ipParams } from './ip';
import { tcpParams } from './tcp';
import { udpParams } from './udp';

/** Every ndd parameter of a release: the fusion buffers first, then /dev/tcp, /dev/ip, /dev/udp. */
export function nddFor(id: ReleaseId, fusion: Parameters<typeof tcpNdd>[0]): NddParam[] {
  return [
    ...tcpNdd(fusion),
    ...forRelease<NddParam>(tcpParams(), id),
    ...forRelease<NddParam>(ipParams(), id),
    ...forRelease<NddParam>(udpParams(), id),
  ];
}

/**
 * A release's catalogue with its `ndd` list built the first time it is read: a
 * session that never asks for an ndd parameter (a piped `/D`) builds none.
 */
export function withNddOnDemand<T extends Omit<ReleaseCatalogue, 'ndd'>>(release: T, build: () => NddParam[]): T & ReleaseCatalogue {
  let built: NddParam[] | undefined;
  return Object.defineProperty(release, 'ndd', { enumerable: true, get: () => (built ??= build()) }) as T & ReleaseCatalogue;
}
