import type { NddParam, ReleaseId } from '../../types';
import { tcpNdd } from '../tcp-ndd';
import { forRelease } from '../tunable';
import { ipParams } from './ip';
import { tcpParams } from './tcp';
import { udpParams } from './udp';

/** Every ndd parameter of a release: the fusion buffers first, then /dev/tcp, /dev/ip, /dev/udp. */
export function nddFor(id: ReleaseId, fusion: Parameters<typeof tcpNdd>[0]): NddParam[] {
  return [
    ...tcpNdd(fusion),
    ...forRelease<NddParam>(tcpParams, id),
    ...forRelease<NddParam>(ipParams, id),
    ...forRelease<NddParam>(udpParams, id),
  ];
}
