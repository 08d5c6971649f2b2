import { EvalError } from './expr';
import { fmtPrint, type FmtContext, type FmtTarget } from './fmt-print';
import { AUTOWRAP_DEFAULT, formatRow, type FormatRow } from './formats';
import { Iob, IOB_LIMIT, IOB_MARGIN } from './iob';
import { MSG } from './messages';
import { looksDecimal, parseNumber, toRadix, withBase } from './numbers';
import { parseExpr } from './parser';
import { label, left, toStop } from './printf';
import type { Session } from './session';
import type { DcmdResult } from './dcmds/types';
import type { SymbolSize } from '../kernel/types';
import { sizeNote } from './size-note';

// `addr,count/fmt`, `addr/W value…`, `addr/l value` and `expr=fmt`
// (print_common, print_arglist, write_arglist, match_arglist and
// cmd_print_value in mdb_cmds.c). Output goes through an Iob so that it wraps
// and pads exactly as mdb_io.c does.

/** One argument of a format list: a character, a repeat count, or quoted text. */
type FmtArg = { k: 'char'; row: FormatRow } | { k: 'count'; n: bigint } | { k: 'text'; s: string };

/** Where a format command's words go: the terminal, or a pipe (`|`, `!`) that never wraps. */
export interface FormatSink {
  piped: boolean;
  /** Not the first call of a loop or pipeline (DCMD_HDRSPEC false): no `sym:` header, no label. */
  later?: boolean;
  /**
   * The output buffer a pipeline stage shares across its calls: mdb ends the
   * line only when the statement ends, so the values of `... | /X` run on one
   * row, as a `,count` loop's do. The caller ends it.
   */
  iob?: Iob;
}

/** Lexes a format list (S_FMTLIST): repeat counts are decimal, `"text"` is printed as is. */
function lexFormatList(session: Session, text: string): FmtArg[] | undefined {
  const out: FmtArg[] = [];
  const release = session.kernel.release.id;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) continue;
    if (/[0-9]/.test(ch)) {
      let j = i;
      while (j < text.length && /[0-9]/.test(text[j] as string)) j++;
      out.push({ k: 'count', n: BigInt(text.slice(i, j)) });
      i = j - 1;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) {
        session.out.error(MSG.syntax(text.slice(i)));
        return undefined;
      }
      out.push({ k: 'text', s: text.slice(i + 1, end) });
      i = end;
      continue;
    }
    const row = formatRow(release, ch);
    if (!row) {
      session.out.error(MSG.invalidFormat(ch));
      return undefined;
    }
    out.push({ k: 'char', row });
  }
  return out;
}

/** `sym`, `sym+4` (offset in the radix), or the bare address when no symbol holds it. */
export function addressLabel(session: Session, addr: bigint): string {
  return addr2str(session, addr) ?? withBase(addr, 16);
}

/** iob_addr2str: the symbol holding `addr` (or the nearest below it in the data segment), plus the offset. */
function addr2str(session: Session, addr: bigint): string | undefined {
  const hit = session.kernel.symbolAt(addr) ?? nearestBefore(session, addr);
  if (!hit) return exactName(session, addr);
  return hit.offset === 0n ? hit.sym.name : `${hit.sym.name}+${withBase(hit.offset, session.radix)}`;
}

/** The symbol that starts exactly at `addr`: a variable, or unix's `_end` just past the data. */
function exactName(session: Session, addr: bigint): string | undefined {
  const at = session.kernel.symbolAt(addr);
  if (at) return at.offset === 0n ? at.sym.name : undefined;
  return addr === session.kernel.dataEnd ? '_end' : undefined;
}

function nearestBefore(session: Session, addr: bigint): ReturnType<Session['kernel']['symbolAt']> {
  if (!session.kernel.isMapped(addr, 1)) return undefined;
  let best: ReturnType<Session['kernel']['symbolAt']>;
  for (const sym of session.kernel.symbols) {
    if (sym.addr <= addr && (!best || sym.addr > best.sym.addr)) best = { sym, offset: addr - sym.addr };
  }
  return best;
}

const kernelTarget = (session: Session): FmtTarget => ({
  read: (addr, size) => {
    const v = session.kernel.read(addr & 0xffffffffffffffffn, size);
    return typeof v === 'string' ? undefined : v;
  },
});

/**
 * mdb_value_tgt: `=` reads the expression's value itself. Every integer read
 * gets its low bytes (so `41=2x` prints 41 twice); the strings and characters
 * of C, S and s run through the value's eight bytes, lowest first, then stop.
 */
const valueTarget = (value: bigint, base: bigint): FmtTarget => ({
  read: (_addr, size) => value & ((1n << BigInt(size * 8)) - 1n),
  byte: (addr) => {
    const off = addr - base;
    return off >= 0n && off < 8n ? (value >> (8n * off)) & 0xffn : undefined;
  },
});

function context(session: Session, iob: Iob, target: FmtTarget): FmtContext {
  return {
    iob, target,
    release: session.kernel.release.id,
    radix: session.radix,
    addr2str: (a) => addr2str(session, a),
    incr: session.incr,
    // Read when a time format asks: the environment is slow to read, and a piped
    // run of a million /D would read it a million times.
    timeZone: () => session.env.TZ || 'UTC',
    warn: (m) => session.out.error(m),
  };
}

export function runFormat(session: Session, verb: '/' | '=', text: string,
  addr: bigint, count: bigint, sink: FormatSink = { piped: false }): DcmdResult {
  // print_common: a first character that writes or matches takes values, not formats, after it
  const lead = text.trim();
  const first = verb === '/' ? formatRow(session.kernel.release.id, lead[0] ?? '') : undefined;
  if (first?.write) return write(session, first, lead.slice(1), addr);
  if (first?.type === 'match') return match(session, first, lead.slice(1), addr);
  const args = lexFormatList(session, text);
  if (!args) return 'error';
  if (verb === '=') return printValue(session, args, count, sink);
  return printArglist(session, args, addr, count, sink);
}

/** The iob a format command prints through: 80 columns at the terminal, never wrapping into a pipe. */
export function iobFor(sink: FormatSink): Iob {
  return sink.iob ?? new Iob({ autowrap: !sink.piped });
}

/** mdb_iob_nlflush at the end of a statement: a started line is ended. */
export function finishIob(session: Session, iob: Iob): void {
  const full = iob.full;
  iob.nlflush();
  session.out.raw(iob.take());
  if (full) session.out.note(`note: output stopped after ${IOB_LIMIT} characters (fusion-mdb's limit for one command; mdb prints on until interrupted)`);
}

function finish(session: Session, iob: Iob, sink: FormatSink): void {
  if (!sink.iob) finishIob(session, iob);
}

/** Runs one format argument list at `addr`; returns where it ended, or undefined after a failure. */
function runArgs(ctx: FmtContext, args: FmtArg[], start: bigint, moveDot: (c: string) => boolean, trackIncr: boolean): bigint | undefined {
  let addr = start;
  let n = 1n;
  for (const a of args) {
    if (ctx.iob.full) return addr;
    if (a.k === 'count') { n = a.n; continue; }
    if (a.k === 'text') { ctx.iob.puts(a.s); n = 1n; continue; }
    if (a.row.type !== 'func' && a.row.type !== 'printf') {
      ctx.warn(MSG.invalidFormat(a.row.char));
      return undefined;
    }
    // mdb_fmt_print forces auto-wrap for the row unless it opts out (and a pipe never wraps)
    const wrap = ctx.iob.autowrap;
    if (a.row.noAutowrap) ctx.iob.autowrap = wrap && AUTOWRAP_DEFAULT[ctx.release];
    const r = fmtPrint(ctx, a.row, addr, n);
    ctx.iob.autowrap = wrap;
    if (r.failed) return undefined;
    if (moveDot(a.row.char)) {
      // print_arglist: m_incr is what the last character moved, for a following ^
      if (trackIncr) ctx.incr = r.addr - addr;
      addr = r.addr;
    }
    n = 1n;
  }
  return addr;
}

// adb's default format when none is given: X^"= "i
const DEFAULT_ARGS = (session: Session): FmtArg[] => {
  const row = (c: string): FmtArg => ({ k: 'char', row: formatRow(session.kernel.release.id, c) as FormatRow });
  return [row('X'), row('^'), { k: 'text', s: '= ' }, row('i')];
};

/** print_arglist, once per loop iteration: the `sym:` header first, then the label and the fields. */
function printArglist(session: Session, given: FmtArg[], start: bigint, count: bigint, sink: FormatSink): DcmdResult {
  const args = given.length ? given : DEFAULT_ARGS(session);
  const iob = iobFor(sink);
  const ctx = context(session, iob, kernelTarget(session));
  let addr = start;
  let failed = false;
  for (let i = 0n; i < count && !iob.full; i++) {
    // DCMD_HDRSPEC and not DCMD_PIPE_OUT: the first pass prints `sym:` and the label
    if (i === 0n && !sink.piped && !sink.later) {
      const name = exactName(session, addr);
      if (name) iob.puts(`${name}:\n`);
      iob.field(`${addressLabel(session, addr)}:`, IOB_MARGIN);
      iob.tabTo(16);
    }
    iob.setIndent(true);
    ctx.incr = session.incr;
    const end = runArgs(ctx, args, addr, () => true, true);
    iob.setIndent(false);
    if (end === undefined) { failed = true; break; }
    session.incr = end - addr;
    addr = end;
    session.dot = addr;
  }
  finish(session, iob, sink);
  // fusion-mdb's note when a lone read is not the size of the variable it starts at
  const only = given.length === 1 && given[0]?.k === 'char' && count === 1n ? given[0].row.size : undefined;
  const note = typeof only === 'number' && !failed ? sizeNote(session.kernel, start, only, 'read') : undefined;
  if (note) session.out.note(note);
  return failed ? 'error' : 'ok';
}

/** cmd_print_value: the fields of `dot` itself, indented by the margin; only + and - move dot. */
function printValue(session: Session, args: FmtArg[], count: bigint, sink: FormatSink): DcmdResult {
  if (args.length === 0) {
    session.out.error(MSG.expectedFormat('='));
    return 'error';
  }
  const iob = iobFor(sink);
  let failed = false;
  for (let i = 0n; i < count && !failed && !iob.full; i++) {
    const dot = session.dot;
    const ctx = context(session, iob, valueTarget(dot, dot));
    iob.setIndent(true);
    const end = runArgs(ctx, args, dot, (c) => c === '+' || c === '-', false);
    iob.setIndent(false);
    if (end === undefined) failed = true;
    else session.dot = end;
    session.incr = 0n;
  }
  finish(session, iob, sink);
  return failed ? 'error' : 'ok';
}

/** The echo of one write: `%-#*lla%16T%-#16x=%8T0x%x` (8 wide for v and w, 24 for Z). */
function echo(session: Session, addr: bigint, size: number, old: bigint, value: bigint): string {
  const oldText = old === 0n ? '0' : `0x${old.toString(16)}`;
  const width = size <= 2 ? 8 : size === 8 ? 24 : 16;
  const head = label(addressLabel(session, addr)) + left(oldText, width) + '=';
  return `${toStop(head, 8)}0x${value.toString(16)}`;
}

/** z: the size of the write is the size of the variable at the address (write_ctf_uint). */
function writeSize(session: Session, row: FormatRow, addr: bigint): SymbolSize | undefined {
  if (row.size !== 'variable') return row.size as SymbolSize;
  const at = session.kernel.symbolAt(addr);
  if (!at || at.offset !== 0n) {
    session.out.error('no CTF data found at this address');
    return undefined;
  }
  return at.sym.size;
}

/** Splits the operands of a write or match: white space separates them, quotes keep them whole. */
const operands = (text: string): string[] => text.trim().split(/\s+/).filter((a) => a !== '');

function write(session: Session, row: FormatRow, rest: string, start: bigint): DcmdResult {
  const args = operands(rest);
  if (args.length === 0) {
    session.out.error(MSG.expectedValue(row.char));
    return 'error';
  }
  let addr = start;
  for (const arg of args) {
    const value = operand(session, arg, 'failed to write');
    if (value === undefined) return 'error';
    const shown = toRadix(value, session.radix);
    if (!session.writable) {
      session.out.error(MSG.notWritable(shown, addr));
      return 'error';
    }
    const size = writeSize(session, row, addr);
    if (size === undefined) return 'error';
    if (row.size === 'variable' && size < 8 && value >= 1n << BigInt(size * 8)) {
      let len = 0;
      for (let v = value; v !== 0n; v >>= 8n) len++;
      session.out.error(`value too big for the length of the write: supplied ${len} bytes but maximum is ${size} bytes`);
      return 'error';
    }
    const old = session.kernel.read(addr, size);
    if (typeof old === 'string' || session.kernel.write(addr, size, value, 'mdb')) {
      session.out.error(MSG.writeNoMapping(shown, addr));
      return 'error';
    }
    const stored = session.kernel.read(addr, size) as bigint;
    session.out.line(echo(session, addr, size, old, stored));
    radixNote(session, arg, value);
    const note = sizeNote(session.kernel, addr, size, 'write', value);
    if (note) session.out.note(note);
    session.dot = addr;
    session.incr = BigInt(size);
    addr += BigInt(size);
  }
  return 'ok';
}

/** match_arglist: from `addr` on, the first item whose bits under the mask equal the value. */
function match(session: Session, row: FormatRow, rest: string, start: bigint): DcmdResult {
  const args = operands(rest);
  if (args.length === 0) {
    session.out.error(`expected value following ${row.char}`);
    return 'error';
  }
  if (args.length > 2) {
    session.out.error(`only value and mask may follow ${row.char}`);
    return 'error';
  }
  const vals: bigint[] = [];
  for (const a of args) {
    const v = operand(session, a, 'failed to evaluate');
    if (v === undefined) return 'error';
    vals.push(v);
  }
  const size = row.size as SymbolSize;
  const bits = (1n << BigInt(size * 8)) - 1n;
  const value = (vals[0] as bigint) & bits;
  const mask = (vals[1] ?? bits) & bits;
  let addr = start;
  for (;;) {
    const x = session.kernel.read(addr, size);
    if (typeof x === 'string') break;
    if ((x & mask) === value) {
      session.out.line(addressLabel(session, addr));
      break;
    }
    addr += BigInt(size);
  }
  session.dot = addr;
  return 'ok';
}

function operand(session: Session, arg: string, what: string): bigint | undefined {
  const e = parseExpr(arg);
  try {
    if (e.k === 'syntax') throw new EvalError(MSG.syntax(e.near));
    return session.evaluate(e);
  } catch (err) {
    if (!(err instanceof EvalError)) throw err;
    session.evalFailed(err);
    session.out.error(`${what} "${arg}": failed to evaluate command`);
    return undefined;
  }
}

/** fusion-mdb's addition: a bare decimal-looking value was read in the current radix. */
function radixNote(session: Session, arg: string, value: bigint): void {
  if (!looksDecimal(arg) || session.radix === 10) return;
  const decimal = parseNumber(`0t${arg}`, 10);
  if ('value' in decimal && decimal.value === value) return;
  session.out.note(
    `note: ${arg} was read in radix ${session.radix} (mdb's default is hex): wrote 0x${value.toString(16)} = ${value}; ` +
      `for decimal ${arg.replace(/_/g, '')} write 0t${arg.replace(/_/g, '')}`,
  );
}
