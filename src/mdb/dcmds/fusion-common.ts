import { CUSTOMER_CASE } from '../../fusion/workload';
import type { Workload } from '../../fusion/workload';
import { argNumber } from './args';
import type { DcmdContext } from './types';

// What the fusion dcmds share: the session's workload and numeric arguments
// checked against the range a command accepts. Loaded only with those dcmds.

/** The workload ::run, ::advise, ::sweep and ::trace use: --workload, ::run -w, else the customer case. */
export const workloadOf = (ctx: DcmdContext): Workload => ctx.session.workload ?? CUSTOMER_CASE;

/** `0t64`: a decimal value spelled so that mdb reads it back the same in any radix. */
export const decimal = (v: number | bigint): string => `0t${v}`;

/**
 * A numeric dcmd argument in the current radix, within [min, max]; prints mdb's
 * words (bad digit) or ours (out of range) and returns undefined when it is not.
 */
export function argInRange(ctx: DcmdContext, arg: string, what: string, min: number, max: number): number | undefined {
  const v = argNumber(ctx, arg);
  if (v === undefined) return undefined;
  if (v < BigInt(min) || v > BigInt(max)) {
    ctx.session.out.error(`${what} must be from ${decimal(min)} to ${decimal(max)}, not ${decimal(v)}`);
    return undefined;
  }
  return Number(v);
}

/** `a, b or c`. */
export const orList = (words: readonly string[]): string =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;

/** An option value that must be one of `allowed`: the value, undefined when not given, false after an error. */
export function oneOf<T extends string>(ctx: DcmdContext, flag: string, value: string | undefined, allowed: readonly T[]): T | undefined | false {
  if (value === undefined) return undefined;
  const hit = allowed.find((a) => a === value);
  if (hit !== undefined) return hit;
  ctx.session.out.error(`-${flag} takes ${orList(allowed)}, not "${value}"`);
  return false;
}
