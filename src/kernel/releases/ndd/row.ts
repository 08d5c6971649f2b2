import type { NddDevice, NddParam, ReleaseId } from '../../types';
import type { Override, SharedNdd } from '../tunable';

export const UINT32_MAX = 0xffffffff;
export const BUF_MAX = 1 << 30;
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

type On = Partial<Record<ReleaseId, Override<NddParam>>>;

/** A table-row builder for one device, in the shape of the kernel's param arrays (min, max, default). */
export function rows(device: NddDevice) {
  return (name: string, min: number, max: number, value: number, description: string, on?: On): SharedNdd =>
    on ? { device, name, default: value, min, max, description, on } : { device, name, default: value, min, max, description };
}

/** A boolean parameter: range [0, 1]. */
export function flags(device: NddDevice) {
  const row = rows(device);
  return (name: string, value: 0 | 1, description: string, on?: On): SharedNdd => row(name, 0, 1, value, description, on);
}
