import type { ReleaseId } from '../kernel/types';
import type { FormatRow } from './formats';
import { IOB_LIMIT, type Iob } from './iob';
import { withBase } from './numbers';

// mdb_fmt_print(): prints `cnt` items of one format character at `addr` through
// the iob and returns the address after them. A printf row reads its size and
// prints through the printf shape (iob_doprnt's rules for one conversion); a
// function row does what its fmt_* function in mdb_fmt.c does.

/** What a format reads from: the kernel (/) or the value of an expression (=). */
export interface FmtTarget {
  /** `size` bytes at `addr` as an unsigned integer, undefined when unmapped. */
  read(addr: bigint, size: 1 | 2 | 4 | 8): bigint | undefined;
  /** One byte of a string or character run (C, S, s); the kernel's `read(addr, 1)` unless given. */
  byte?(addr: bigint): bigint | undefined;
}

export interface FmtContext {
  iob: Iob;
  target: FmtTarget;
  release: ReleaseId;
  radix: number;
  /** iob_addr2str: `sym` or `sym+off` (offset in the radix), undefined without a symbol. */
  addr2str(addr: bigint): string | undefined;
  /** m_incr: how far the last command moved dot (for `^`). */
  incr: bigint;
  /** The time zone `Y` and `y` decode in (TZ, UTC when unset). */
  timeZone: () => string;
  /** A warning on stderr, mdb's words. */
  warn(message: string): void;
}

export type FmtResult = { addr: bigint; failed: boolean };

const READ_FAILED = 'failed to read data from target: no mapping for address';
const NO_DISASSEMBLER = 'command is not supported by current target';

/** numtostr: digits in `base`, '-' first for a negative signed value. */
function numtostr(v: bigint, base: number): string {
  return v < 0n ? `-${(-v).toString(base)}` : v.toString(base);
}

interface Spec { left: boolean; alt: boolean; width: number; bits: number; conv: string }

function parseSpec(printf: string): Spec {
  const s: Spec = { left: false, alt: false, width: 0, bits: 32, conv: '' };
  let long = 0;
  for (let i = 1; i < printf.length; i++) {
    const c = printf[i] as string;
    if (c === '-') s.left = true;
    else if (c === '#') s.alt = true;
    else if (c >= '0' && c <= '9') s.width = s.width * 10 + Number(c);
    else if (c === 'h') s.bits = 16;
    else if (c === 'l') s.bits = ++long >= 1 ? 64 : 32; // LP64: long and long long are 64 bits
    else { s.conv = c; break; }
  }
  return s;
}

const SPECS = new Map<string, Spec>();
const specOf = (printf: string): Spec => {
  let s = SPECS.get(printf);
  if (!s) SPECS.set(printf, (s = parseSpec(printf)));
  return s;
};

/** doubletos(d, ndigit, 'e'): `ndigit` significant digits, a two-digit signed exponent at least. */
export function doubletos(d: number, ndigit: number): string {
  if (!Number.isFinite(d)) return Number.isNaN(d) ? 'NaN' : d < 0 ? '-Infinity' : 'Infinity';
  const [mant, exp] = d.toExponential(ndigit - 1).split('e') as [string, string];
  const e = Number(exp);
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function asDouble(v: bigint, size: 4 | 8): number {
  const dv = new DataView(new ArrayBuffer(8));
  if (size === 8) {
    dv.setBigUint64(0, v);
    return dv.getFloat64(0);
  }
  dv.setUint32(0, Number(v));
  return dv.getFloat32(0);
}

/** One printf conversion of `value` (read unsigned) into the iob. */
export function printfValue(ctx: FmtContext, printf: string, value: bigint): void {
  const s = specOf(printf);
  const mask = (1n << BigInt(s.bits)) - 1n;
  const u = value & mask;
  const signed = BigInt.asIntN(s.bits, u);
  let str: string;
  let prefix = '';
  switch (s.conv) {
    case 'd': case 'i': str = s.alt ? withBase(signed, 10) : numtostr(signed, 10); break;
    case 'u': str = s.alt ? withBase(u, 10) : u.toString(10); break;
    case 'o': str = u.toString(8); if (s.alt && u !== 0n) prefix = '0'; break;
    case 'q': str = numtostr(signed, 8); if (s.alt && u !== 0n) prefix = '0'; break;
    case 'x': str = u.toString(16); if (s.alt && u !== 0n) prefix = '0x'; break;
    case 'r': str = s.alt ? withBase(u, ctx.radix) : u.toString(ctx.radix); break;
    case 'R': str = numtostr(signed, ctx.radix); break;
    case 'c': str = String.fromCharCode(Number(u & 0xffn)); break;
    case 'a': {
      const full = value & 0xffffffffffffffffn;
      str = ctx.addr2str(full) ?? withBase(full, 16);
      if (s.alt) str += ':';
      break;
    }
    case 'g': case 'e': str = doubletos(asDouble(value, 8), s.conv === 'g' ? 16 : 7); break;
    default: str = s.conv;
  }
  ctx.iob.field(prefix + str, s.width, s.left);
}

/** strchr2esc: C escapes for the control characters, octal for the rest. */
function escape(bytes: number[]): string {
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 92: '\\\\', 34: '\\"', 39: "\\'" };
  return bytes.map((b) => named[b] ?? (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`)).join('');
}

/** iob_time2str: ctime reordered as adb's /y shows it, `1986 Sep 13 00:00:00`. */
function time2str(seconds: bigint, timeZone: string): string {
  const d = new Date(Number(seconds) * 1000);
  if (Number.isNaN(d.getTime())) return seconds.toString(10);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(d).map((x) => [x.type, x.value]));
  return `${parts.year} ${parts.month} ${String(parts.day).padStart(2, ' ')} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Reads a NUL-terminated string (mdb_tgt_readstr); undefined when the first byte is unmapped. */
const byteAt = (ctx: FmtContext, a: bigint): bigint | undefined => (ctx.target.byte ? ctx.target.byte(a) : ctx.target.read(a, 1));

function readString(ctx: FmtContext, addr: bigint): number[] | undefined {
  const bytes: number[] = [];
  for (let a = addr; bytes.length < 8191; a++) {
    const b = byteAt(ctx, a);
    if (b === undefined) return bytes.length ? bytes : undefined;
    if (b === 0n) break;
    bytes.push(Number(b));
  }
  return bytes;
}

/** fmt_jazzed: the binary value, then an arm per set bit naming its mask. */
function jazzed(ctx: FmtContext, x0: bigint): void {
  const out = ctx.iob;
  out.puts(`${x0.toString(2)}\n`);
  let x = x0;
  let header = true;
  while (x !== 0n) {
    let b = 63;
    while (!(x & (1n << BigInt(b)))) b--;
    const highbit = b;
    let buf = '';
    while (x & ((1n << BigInt(b)) - 1n)) {
      buf += x & (1n << BigInt(b)) ? '|' : ' ';
      b--;
    }
    if (header) {
      header = false;
      out.puts(`${buf}|\n`);
      continue;
    }
    buf += '+';
    for (let forearm = b; forearm > -2; forearm--) buf += '-';
    const mask = (1n << BigInt(b)).toString(16).padStart(Math.floor(highbit / 4) + 1, '0');
    out.puts(`${buf} bit ${b} ${b < 10 && highbit >= 10 ? ' ' : ''}mask 0x${mask}\n`);
    x &= ~(1n << BigInt(b));
  }
}

/** Reads `cnt` items of `size` and hands each to `print`; stops with mdb's warning at the first unmapped one. */
function each(ctx: FmtContext, addr: bigint, cnt: bigint, size: 1 | 2 | 4 | 8, print: (v: bigint) => void): FmtResult {
  let a = addr;
  for (let i = 0n; i < cnt && !ctx.iob.full; i++) {
    const v = ctx.target.read(a, size);
    if (v === undefined) {
      ctx.warn(READ_FAILED);
      return { addr: a, failed: true };
    }
    print(v);
    a += BigInt(size);
  }
  return { addr: a, failed: false };
}

function swap(v: bigint, size: 2 | 4): bigint {
  let r = 0n;
  for (let i = 0; i < size; i++) r = (r << 8n) | ((v >> BigInt(8 * i)) & 0xffn);
  return r;
}

function runFunc(ctx: FmtContext, row: FormatRow, addr: bigint, cnt: bigint): FmtResult {
  const out = ctx.iob;
  const ok = (a: bigint): FmtResult => ({ addr: a, failed: false });
  switch (row.func) {
    case 'plus': return ok(addr + cnt);
    case 'minus': return ok(addr - cnt);
    case 'carat': return ok(addr - ctx.incr * cnt);
    case 'nl': for (let i = 0n; i < cnt && !out.full; i++) out.nl(); return ok(addr);
    case 'ws': out.ws(Number(cnt > BigInt(IOB_LIMIT) ? IOB_LIMIT : cnt)); return ok(addr);
    case 'tab': {
      const ts = out.tabstop;
      out.tabstop = Math.min(Number(cnt), out.cols - 1);
      out.tab();
      out.tabstop = ts;
      return ok(addr);
    }
    case 'dot': {
      const indented = out.indenting;
      out.setIndent(false);
      const label = `${ctx.addr2str(addr) ?? withBase(addr, 16)}:`;
      for (let i = 0n; i < cnt && !out.full; i++) {
        out.field(label, 16);
        out.tabTo(16);
      }
      out.setIndent(indented);
      return ok(addr);
    }
    case 'hex64': {
      // fmt_hex64: %-16llx, %-17llx when the top nibble is set
      const [w, top] = row.widths ?? [16, 17];
      return each(ctx, addr, cnt, 8, (v) => out.field(v.toString(16), (v >> 60n) !== 0n ? top : w));
    }
    case 'binary': {
      // fmt_binary: %-64s, and on illumos %-65s when the top bit is set
      const [w, top] = row.widths ?? [64, 64];
      return each(ctx, addr, cnt, 8, (v) => out.field(v.toString(2), (v >> 63n) !== 0n ? top : w));
    }
    case 'jazzed': return each(ctx, addr, cnt, 8, (v) => jazzed(ctx, v));
    case 'swapint': return each(ctx, addr, cnt, 4, (v) => out.field(swap(v, 4).toString(16), 16));
    case 'swapshort': return each(ctx, addr, cnt, 2, (v) => out.field(swap(v, 2).toString(16), 8));
    case 'sdbyte': return each(ctx, addr, cnt, 1, (v) => out.field(BigInt.asIntN(8, v).toString(10), 8));
    case 'time32': return each(ctx, addr, cnt, 4, (v) => out.field(time2str(BigInt.asIntN(32, v), ctx.timeZone()), 24));
    case 'time64': return each(ctx, addr, cnt, 8, (v) => out.field(time2str(BigInt.asIntN(64, v), ctx.timeZone()), 24));
    case 'float': return each(ctx, addr, cnt, 4, (v) => out.puts(doubletos(asDouble(v, 4), 7)));
    case 'escchr': {
      const bytes: number[] = [];
      for (let i = 0n; i < cnt && i < BigInt(IOB_LIMIT); i++) {
        const b = byteAt(ctx, addr + i);
        if (b === undefined) break;
        bytes.push(Number(b));
      }
      if (bytes.length) out.puts(escape(bytes));
      return ok(addr + BigInt(bytes.length));
    }
    case 'escstr': case 'rawstr': {
      let a = addr;
      const indented = out.indenting;
      out.setIndent(false);
      for (let i = 0n; i < cnt && !out.full; i++, a++) {
        const s = readString(ctx, a);
        if (s === undefined) {
          ctx.warn(READ_FAILED);
          out.setIndent(indented);
          return { addr: a, failed: true };
        }
        out.puts(row.func === 'escstr' ? escape(s) : String.fromCharCode(...s));
        a += BigInt(s.length);
        if (i + 1n < cnt) out.puts('\\0');
      }
      out.setIndent(indented);
      return ok(a);
    }
    case 'instr': case 'dotinstr':
      ctx.warn(NO_DISASSEMBLER);
      return { addr, failed: true };
    default:
      return ok(addr);
  }
}

/** mdb_fmt_print for one format character (a printf or function row). */
export function fmtPrint(ctx: FmtContext, row: FormatRow, addr: bigint, cnt: bigint): FmtResult {
  if (row.type === 'func') return runFunc(ctx, row, addr, cnt);
  const size = row.size as 1 | 2 | 4 | 8;
  return each(ctx, addr, cnt, size, (v) => printfValue(ctx, row.printf as string, v));
}
