import { parseNumber } from '../numbers';
import type { DcmdContext } from './types';

/** Parses a dcmd argument as mdb does: a number in the current radix unless prefixed. */
export function argNumber(ctx: DcmdContext, arg: string): bigint | undefined {
  const n = parseNumber(arg, ctx.session.radix);
  if ('error' in n) {
    ctx.session.out.error(n.error);
    return undefined;
  }
  return n.value;
}
