import type { Expr } from './ast';
import { MSG } from './messages';
import { U64_MAX, parseNumber } from './numbers';
import type { Kernel } from '../kernel/kernel';

// Evaluating an mdb expression to an unsigned 64-bit value. A word that starts
// with a letter is a symbol first (its address), then a number in the radix.

export class EvalError {
  constructor(readonly message: string, readonly unknownSymbol?: string) {}
}

export interface EvalContext {
  kernel: Kernel;
  radix: number;
  dot: bigint;
}

const wrap = (v: bigint): bigint => v & U64_MAX;

/** Looks a word up as a symbol: `name` or mdb's module scoping `mod`name`. */
export function symbolAddress(kernel: Kernel, word: string): bigint | undefined {
  const tick = word.lastIndexOf('`');
  const name = tick >= 0 ? word.slice(tick + 1) : word;
  // unix's linker symbols for the end of its data: where the model's data segment ends
  if ((name === '_end' || name === '_edata') && (tick < 0 || word.slice(0, tick) === 'unix')) return kernel.dataEnd;
  const sym = kernel.lookup(name);
  if (!sym || (tick > 0 && sym.module !== word.slice(0, tick))) return undefined;
  return sym.addr;
}

function word(ctx: EvalContext, text: string): bigint {
  if (/^[A-Za-z_`]/.test(text)) {
    const addr = symbolAddress(ctx.kernel, text);
    if (addr !== undefined) return addr;
    const n = parseNumber(text, ctx.radix);
    if ('value' in n) return n.value;
    throw new EvalError(MSG.unknownSymbol, text);
  }
  const n = parseNumber(text, ctx.radix);
  if ('error' in n) throw new EvalError(n.error);
  return n.value;
}

export function evaluate(ctx: EvalContext, e: Expr): bigint {
  switch (e.k) {
    case 'word': return word(ctx, e.text);
    case 'dot': return ctx.dot;
    case 'unary': {
      const v = evaluate(ctx, e.e);
      switch (e.op) {
        case '-': return wrap(-v);
        case '~': return wrap(~v);
        case '#': return v === 0n ? 1n : 0n;
        case '*': {
          const r = ctx.kernel.read(v, 8);
          if (typeof r === 'string') throw new EvalError(MSG.noMapping);
          return r;
        }
      }
      break;
    }
    case 'binary': {
      const l = evaluate(ctx, e.l);
      const r = evaluate(ctx, e.r);
      switch (e.op) {
        case '+': return wrap(l + r);
        case '-': return wrap(l - r);
        case '*': return wrap(l * r);
        case '%': if (r === 0n) throw new EvalError('attempted to divide by zero'); return l / r;
        case '#': if (r === 0n) throw new EvalError('attempted to divide by zero'); return wrap(((l + r - 1n) / r) * r);
        case '&': return l & r;
        case '|': return l | r;
        case '^': return l ^ r;
        case '<<': return wrap(l << (r & 63n));
        case '>>': return l >> (r & 63n);
        case '==': return l === r ? 1n : 0n;
        case '!=': return l !== r ? 1n : 0n;
      }
    }
  }
  throw new EvalError('invalid expression');
}
