import { EvalError } from './expr';
import { FORMATS, UNMODELLED, formatRow, type FormatRow } from './formats';
import { MSG } from './messages';
import { looksDecimal, parseNumber, toRadix, withBase } from './numbers';
import { parseExpr } from './parser';
import { label, left, toStop, wrapFields, TABSTOP } from './printf';
import type { Session } from './session';
import { sizeNote } from './size-note';
import type { DcmdResult } from './dcmds/table';

// `addr,count/fmt`, `addr/W value…` and `expr=fmt` (mdb_cmds.c, mdb_fmt.c).

const WRITE_CHARS = new Set(FORMATS.filter((f) => f.kind === 'write').map((f) => f.char));

interface FormatItem {
  repeat: number;
  row: FormatRow;
}

/** Splits `4XD` into (4, X) (1, D); a repeat count in a format list is always decimal. */
function parseFormatList(session: Session, fmt: string): FormatItem[] | undefined {
  const items: FormatItem[] = [];
  const re = /(\d*)(.)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fmt)) !== null) {
    const ch = m[2] as string;
    const row = formatRow(ch);
    if (!row) {
      session.out.error(UNMODELLED.has(ch) ? MSG.notSupported : MSG.invalidFormat(ch));
      return undefined;
    }
    items.push({ repeat: m[1] ? Number(m[1]) : 1, row });
  }
  return items;
}

/** `sym`, `sym+4` (offset in the radix), or the bare address when no symbol holds it. */
export function addressLabel(session: Session, addr: bigint): string {
  const hit = session.kernel.symbolAt(addr) ?? nearestBefore(session, addr);
  if (!hit) return withBase(addr, 16);
  return hit.offset === 0n ? hit.sym.name : `${hit.sym.name}+${withBase(hit.offset, session.radix)}`;
}

function nearestBefore(session: Session, addr: bigint): ReturnType<Session['kernel']['symbolAt']> {
  if (!session.kernel.isMapped(addr, 1)) return undefined;
  let best: ReturnType<Session['kernel']['symbolAt']>;
  for (const sym of session.kernel.symbols) {
    if (sym.addr <= addr && (!best || sym.addr > best.sym.addr)) best = { sym, offset: addr - sym.addr };
  }
  return best;
}

export function runFormat(session: Session, verb: '/' | '=', fmt: string, args: string[],
  addr: bigint, count: bigint): DcmdResult {
  if (fmt === '') {
    session.out.error(MSG.expectedFormat(verb));
    return 'error';
  }
  if (verb === '/' && WRITE_CHARS.has(fmt[0] as string)) return write(session, fmt, args, addr);
  const items = parseFormatList(session, fmt);
  if (!items) return 'error';
  return verb === '=' ? printValue(session, items, addr, count) : read(session, items, addr, count);
}

function printValue(session: Session, items: FormatItem[], value: bigint, count: bigint): DcmdResult {
  const fields: string[] = [];
  for (let c = 0n; c < count; c++) {
    for (const { repeat, row } of items) {
      const v = row.size === 8 ? value : value & ((1n << BigInt(row.size * 8)) - 1n);
      for (let i = 0; i < repeat; i++) fields.push((row.print as NonNullable<FormatRow['print']>)(v, session.radix));
    }
  }
  session.out.line(wrapFields(' '.repeat(TABSTOP), fields));
  return 'ok';
}

function read(session: Session, items: FormatItem[], addr: bigint, count: bigint): DcmdResult {
  const k = session.kernel;
  const at = k.symbolAt(addr);
  if (at && at.offset === 0n) session.out.line(`${at.sym.name}:`);
  const fields: string[] = [];
  let cur = addr;
  let failed = false;
  outer: for (let c = 0n; c < count; c++) {
    for (const { repeat, row } of items) {
      for (let i = 0; i < repeat; i++) {
        const v = k.read(cur, row.size);
        if (typeof v === 'string') { failed = true; break outer; }
        fields.push((row.print as NonNullable<FormatRow['print']>)(v, session.radix));
        cur += BigInt(row.size);
      }
    }
  }
  session.out.line(wrapFields(label(addressLabel(session, addr)), fields));
  const only = items.length === 1 && items[0]?.repeat === 1 && count === 1n ? items[0].row : undefined;
  const note = only && !failed ? sizeNote(k, addr, only.size, 'read') : undefined;
  if (note) session.out.note(note);
  if (failed) {
    session.out.error(MSG.noMapping);
    return 'error';
  }
  return 'ok';
}

/** The echo of one write: label, old value `%-#16x`, `=`, tab to 8, new value. */
function echo(session: Session, addr: bigint, size: number, old: bigint, value: bigint): string {
  const oldText = old === 0n ? '0' : `0x${old.toString(16)}`;
  const width = size <= 2 ? 8 : size === 8 ? 24 : 16;
  const head = label(addressLabel(session, addr)) + left(oldText, width) + '=';
  return `${toStop(head, 8)}0x${value.toString(16)}`;
}

function write(session: Session, fmt: string, args: string[], start: bigint): DcmdResult {
  const row = formatRow(fmt[0] as string) as FormatRow;
  if (args.length === 0) {
    session.out.error(MSG.expectedValue(row.char));
    return 'error';
  }
  let addr = start;
  for (const arg of args) {
    const value = writeOperand(session, arg);
    if (value === undefined) return 'error';
    const shown = toRadix(value, session.radix);
    if (!session.writable) {
      session.out.error(MSG.notWritable(shown, addr));
      return 'error';
    }
    const old = session.kernel.read(addr, row.size);
    if (typeof old === 'string' || session.kernel.write(addr, row.size, value, 'mdb')) {
      session.out.error(MSG.writeNoMapping(shown, addr));
      return 'error';
    }
    const stored = session.kernel.read(addr, row.size) as bigint;
    session.out.line(echo(session, addr, row.size, old, stored));
    radixNote(session, arg, value);
    const note = sizeNote(session.kernel, addr, row.size, 'write', value);
    if (note) session.out.note(note);
    addr += BigInt(row.size);
  }
  return 'ok';
}

function writeOperand(session: Session, arg: string): bigint | undefined {
  const e = parseExpr(arg);
  try {
    if (e.k === 'syntax') throw new EvalError(MSG.syntax(e.near));
    return session.evaluate(e);
  } catch (err) {
    if (!(err instanceof EvalError)) throw err;
    session.evalFailed(err);
    session.out.error(MSG.badWriteOperand(arg));
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
