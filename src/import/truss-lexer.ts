// Cuts truss output into records, the way truss prints them (illumos usr/src/cmd/truss:
// make_pname for the PID/LWP prefix, timestamp for -d/-D/-E, sysexit for the result column,
// report_sleeping for "(sleeping...)"). Published copies lose TABs, newlines and gain
// indentation, so this reads tokens, not columns: a record may start anywhere on a line.

/** One system call as truss printed it. */
export interface CallRecord {
  kind: 'call';
  line: number;
  /** The pid of the prefix; null when truss printed none (one process, no -f). */
  pid: number | null;
  /** The last -d/-D/-E timestamp on the line, in seconds; null without one. */
  time: number | null;
  name: string;
  args: string[];
  /** `= VALUE` (decimal or hex as printed); null with no result. */
  value: string | null;
  /** `Err#N`: the errno number; null on success. */
  errno: number | null;
  /** truss printed it entering a call it waits in: "(sleeping...)" or "(waiting for child ...)". */
  sleeping: boolean;
}

/** A truss line that is not a call: -v details, buffer dumps, signals, the base time stamp. */
export interface DetailRecord {
  kind: 'detail';
  line: number;
  pid: number | null;
  text: string;
}

/** Text that is no truss output: program output, shell prompts, author notes. */
export interface ForeignText {
  kind: 'foreign';
  line: number;
  text: string;
}

export type TrussRecord = CallRecord | DetailRecord | ForeignText;

// make_pname: `PID:`, `PID/LWP:`, `/LWP:`, with `@TID` in the thread-agent case.
const PREFIX = /^(\d+)?(?:\/\d+)?(?:@\d+)?:[ \t]+/;
const PREFIX_ONLY = /^(\d+)?(?:\/\d+)(?:@\d+)?:[ \t]*|^(\d+):[ \t]*/;
// timestamp: seconds right-aligned in 2 columns, 4 decimals, then a TAB (spaces once copied).
const STAMP = /^(\d+)\.(\d{4})[ \t]+/;
const NAME = /^([a-z_][a-z0-9_]*)\(/;
const STAMP_AND_NAME = /(?:\d+\.\d{4}[ \t]+){0,3}[a-z_][a-z0-9_]*\(/g;
const BASE_TIME = /Base time stamp:[ \t]+\d+\.\d{4}[ \t]+\[[^\]]*\]/;
// Lines truss prints besides calls (actions.c, expound.c, main.c).
const TRUSS_EVENT = /^(?:Received signal #|Stopped by signal #|Continued with signal #|Incurred fault #|siginfo:|\*\*\* |-> |<- )/;
// -v lines of expound.c that carry no prefix without -f: sockaddrs, iovecs, pollfds, raw strings.
const VERBOSE = /^(?:AF_INET6?|AF_UNIX)\s+\w+\s*=|^iov_base\s*=|^fd=\s*-?\d+\s+ev=|^0x[0-9A-F]{8,16}:\s/;

/**
 * The index of the `"` that closes the string opened at `s[open]`; -1 when the line ends first.
 * Path strings escape `"` and `\\` (escape_string), but a buffer preview prints a printable byte
 * as a space and the byte itself (showbytes), so a `\\` or `"` byte shows bare: `" \\"` can end a
 * preview, and `" "` sits inside one. A quote ends the string only where a string ends.
 */
function stringEnd(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    // A closing quote is followed by `..`, `,` or `)`; a `"` byte in a preview by a space,
    // hex digits or a backslash.
    if (s[i] === '"' && /^(?:\.\.|,|\)|$)/.test(s.slice(i + 1))) return i;
    if (s[i] !== '\\') continue;
    if (s[i + 1] === '"' && /^(?:\.\.|, |\))/.test(s.slice(i + 2))) return i + 1;
    i++;
  }
  return -1;
}

/** The index just past the `)` that closes the `(` before `from`; -1 when the line ends first. */
function closeParen(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      i = stringEnd(s, i);
      if (i < 0) return -1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Splits `a, b, "c, d"` at the top-level `, ` as truss joins arguments. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      const end = stringEnd(s, i);
      i = end < 0 ? s.length : end;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = s.slice(start).trim();
  if (last !== '' || out.length > 0) out.push(last);
  return out;
}

// sysexit: `= VALUE [RVAL2]` or `Err#N [ENAME] [PRIV]`; errno names are letters (E2BIG aside).
const RESULT = /^[ \t]*=[ \t]*(0x[0-9A-Fa-f]+|-?\d+|[A-Z][A-Z0-9_]*)(?:[ \t]*\[[^\]\s]*\])?/;
const ERROR = /^[ \t]*Err#(\d+)(?:[ \t]+(?:E2BIG|E[A-Z]+))?(?:[ \t]+\[[A-Z_]+\])?/;
const SLEEPING = /^[ \t]*\((?:sleeping|waiting for child to exit\/exec)\.\.\.\)/;
const RETURNING = /^[ \t]*\(returning as (?:child|new lwp) \.\.\.\)/;
const ARGC = /^[ \t]+argc = \d+/;

/** State the lexer carries across lines: the last timestamp, to split glued numbers. */
interface LexState {
  lastTime: number | null;
}

/**
 * `= 13872.6920` where a lost newline glued the result to the next timestamp: the split
 * that gives the smallest timestamp not before the previous one (times only go forward).
 */
function unglue(digits: string, frac: string, st: LexState): { value: string; time: number } | null {
  let best: { value: string; time: number } | null = null;
  for (let i = 1; i < digits.length; i++) {
    const time = Number(`${digits.slice(i)}.${frac}`);
    if (st.lastTime !== null && time < st.lastTime) continue;
    if (best === null || time < best.time) best = { value: digits.slice(0, i), time };
  }
  return best;
}

/** Reads one call starting at `s[at]` (its name); null when the arguments never close. */
function readCall(s: string, at: number, line: number, pid: number | null, time: number | null, st: LexState):
  { rec: CallRecord; end: number } | null {
  const m = NAME.exec(s.slice(at)) as RegExpExecArray;
  const open = at + m[0].length;
  const close = closeParen(s, open);
  if (close < 0) return null;
  const rec: CallRecord = {
    kind: 'call', line, pid, time, name: m[1] as string, args: splitArgs(s.slice(open, close - 1)),
    value: null, errno: null, sleeping: false,
  };
  let end = close;
  const returning = RETURNING.exec(s.slice(end));
  if (returning) end += returning[0].length;
  const rest = s.slice(end);
  const sleeping = SLEEPING.exec(rest);
  const err = ERROR.exec(rest);
  const ok = RESULT.exec(rest);
  const argc = ARGC.exec(rest);
  if (sleeping) {
    rec.sleeping = true;
    end += sleeping[0].length;
  } else if (err) {
    rec.errno = Number(err[1]);
    end += err[0].length;
  } else if (ok) {
    let value = ok[1] as string;
    let consumed = ok[0].length;
    // A lost newline glued the next timestamp on: `= 13872.6920   read(`.
    const frac = /^\.(\d{4})(?:[ \t]|$)/.exec(s.slice(end + consumed));
    if (frac && /^\d+$/.test(value) && ok[0].endsWith(value)) {
      const split = unglue(value, frac[1] as string, st);
      if (split) {
        consumed -= value.length - split.value.length;
        value = split.value;
      }
    }
    rec.value = value;
    end += consumed;
  } else if (argc) {
    end += argc[0].length;
  }
  return { rec, end };
}

/** The records of one physical line (joined with a wrapped continuation by the caller). */
function lexLine(s: string, line: number, st: LexState, out: TrussRecord[]): 'open' | 'done' {
  let i = 0;
  let foreignFrom = -1;
  const foreign = (to: number): void => {
    if (foreignFrom >= 0) {
      const text = s.slice(foreignFrom, to).trim();
      if (text !== '') out.push({ kind: 'foreign', line, text });
    }
    foreignFrom = -1;
  };
  while (i < s.length) {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
    if (i >= s.length) break;
    const start = i;
    let rest = s.slice(i);
    const base = BASE_TIME.exec(rest);
    if (base && base.index === 0) {
      foreign(start);
      out.push({ kind: 'detail', line, pid: null, text: base[0] });
      i += base[0].length;
      continue;
    }
    let pid: number | null = null;
    let prefixed = false;
    const p = PREFIX.exec(rest) ?? PREFIX_ONLY.exec(rest);
    if (p && (p[1] !== undefined || p[0].includes('/'))) {
      pid = p[1] !== undefined ? Number(p[1]) : null;
      prefixed = true;
      i += p[0].length;
      rest = s.slice(i);
    }
    let time: number | null = null;
    for (let k = 0; k < 3; k++) {
      const t = STAMP.exec(rest);
      if (!t) break;
      time = Number(`${t[1]}.${t[2]}`);
      i += t[0].length;
      rest = s.slice(i);
    }
    if (NAME.test(rest)) {
      const call = readCall(s, i, line, pid, time, st);
      if (call === null) {
        if (foreignFrom < 0 && start === 0) return 'open';
        foreign(start);
        out.push({ kind: 'foreign', line, text: s.slice(start).trim() });
        return 'done';
      }
      foreign(start);
      if (call.rec.time !== null) st.lastTime = call.rec.time;
      else if (time !== null) st.lastTime = time;
      out.push(call.rec);
      // A glued timestamp stays for the next record.
      i = call.end;
      continue;
    }
    if (prefixed || ((TRUSS_EVENT.test(rest) || VERBOSE.test(rest)) && foreignFrom < 0)) {
      // -v lines, -r/-w dumps and events belong to the line; nothing else can follow them.
      foreign(start);
      out.push({ kind: 'detail', line, pid, text: rest.trim() });
      return 'done';
    }
    // Not a record here: skip to the next place one can start.
    if (foreignFrom < 0) foreignFrom = start;
    STAMP_AND_NAME.lastIndex = start + 1;
    const next = STAMP_AND_NAME.exec(s);
    const baseNext = BASE_TIME.exec(s.slice(start + 1));
    const candidates = [next?.index, baseNext ? start + 1 + baseNext.index : undefined].filter((x): x is number => x !== undefined);
    if (candidates.length === 0) {
      foreign(s.length);
      return 'done';
    }
    i = Math.min(...candidates);
  }
  foreign(s.length);
  return 'done';
}

const RESULT_ALONE = /^[ \t]*(?:=[ \t]*(?:0x[0-9A-Fa-f]+|-?\d+)|Err#\d+)/;

// A mail client's wrap: the arguments of a call go on over at most this many lines.
const MAX_WRAP = 3;

/** The records of a whole trace, in order. Never throws. */
export function lexTruss(text: string): TrussRecord[] {
  const lines = text.split(/\r\n|\n|\r/);
  const out: TrussRecord[] = [];
  const st: LexState = { lastTime: null };
  for (let n = 0; n < lines.length; n++) {
    let s = normalize(lines[n] as string);
    // An author or a mail client put the result on a line of its own: `        = 12`.
    while (n + 1 < lines.length && RESULT_ALONE.test(normalize(lines[n + 1] as string)) && /\)\s*$/.test(s)) {
      n++;
      s = `${s.trimEnd()} ${normalize(lines[n] as string).trim()}`;
    }
    let joined = 0;
    for (;;) {
      const mark = out.length;
      const r = lexLine(s, n + 1, st, out);
      if (r === 'done') break;
      out.length = mark;
      if (joined === MAX_WRAP || n + 1 >= lines.length) {
        out.push({ kind: 'foreign', line: n + 1, text: s.trim() });
        break;
      }
      // Mail-wrapped: the arguments go on on the next line.
      n++;
      joined++;
      s = `${s.trimEnd()} ${normalize(lines[n] as string).trim()}`;
    }
  }
  return out;
}

/** Drops quoting a reader added: e-mail `>` and `=>` markers, a leading comment `#`, `//`, `*`. */
function normalize(line: string): string {
  return line.replace(/^[ \t]*(?:(?:=?>[ \t]?)+|#[ \t]+(?=\S+\()|\/\/[ \t]*|\*[ \t]+(?=\S+\())/, '');
}
