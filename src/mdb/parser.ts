import type { BinaryOp, Command, Expr, Statement, SyntaxErr, UnaryOp } from './ast';
import { splitArgs } from './lexer';

// A hand-written parser for one mdb command (mdb_grammar.y): an optional
// address expression, an optional `,count`, then a verb.

const WORD = /[A-Za-z0-9_`]/;
const BINARY_LEVELS: readonly (readonly BinaryOp[])[] = [
  ['|'], ['^'], ['&'], ['==', '!='], ['<<', '>>'], ['+', '-'], ['*', '%', '#'],
];
const UNARY: readonly UnaryOp[] = ['-', '~', '#', '*'];

class SyntaxError_ {
  constructor(readonly near: string) {}
}

/**
 * Where a verb's arguments end: at the first `|` outside quotes. After a verb
 * (S_FMTLIST, S_ARGLIST in mdb_lex.l) `|` joins a pipeline; only inside an
 * address expression is it the OR operator.
 */
export function splitPipe(text: string): { body: string; tail: string | undefined } {
  const i = firstUnquoted(text, (j) => text[j] === '|');
  return i < 0 ? { body: text, tail: undefined } : { body: text.slice(0, i), tail: text.slice(i + 1) };
}

/** The index of the first character outside '...' and "..." (a backslash escapes) where `at` holds, or -1. */
function firstUnquoted(text: string, at: (i: number) => boolean): number {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (at(i)) return i;
  }
  return -1;
}

class Parser {
  private pos = 0;
  private last = '';
  /** The text after a `|` that ended this command's arguments. */
  tail: string | undefined;

  constructor(private readonly src: string) {}

  /** One command; with `verbOnly` (a pipeline stage after `|`) no address may come first. */
  parse(verbOnly = false): Command {
    this.skip();
    const range: { addr?: Expr; count?: Expr } = {};
    if (!verbOnly && this.startsExpr()) range.addr = this.expr(0);
    this.skip();
    if (!verbOnly && this.peek() === ',') {
      this.take(1);
      range.count = this.expr(0);
      this.skip();
    }
    const ch = this.peek();
    if (ch === '/' || ch === '=') {
      this.take(1);
      const text = this.body();
      const rest = text.trim();
      const space = rest.search(/\s/);
      const fmt = space < 0 ? rest : rest.slice(0, space);
      const args = space < 0 ? [] : rest.slice(space).trim().split(/\s+/).filter((a) => a !== '');
      return { ...range, k: 'format', verb: ch, fmt, args, text };
    }
    if (this.src.startsWith('::', this.pos)) {
      this.take(2);
      const m = /^[A-Za-z0-9_.-]+/.exec(this.src.slice(this.pos));
      if (!m) throw new SyntaxError_(this.src.slice(this.pos).trim().split(/\s/)[0] || '::');
      this.take(m[0].length);
      return { ...range, k: 'dcmd', name: `::${m[0]}`, args: this.args() };
    }
    if (ch === '$') {
      const name = this.src.slice(this.pos, this.pos + 2);
      if (name.length < 2 || /\s/.test(name[1] as string)) throw new SyntaxError_('$');
      this.take(2);
      return { ...range, k: 'dcmd', name, args: this.args() };
    }
    if (this.pos < this.src.length) throw new SyntaxError_(this.tokenAt());
    if (verbOnly) throw new SyntaxError_(this.last || '|');
    return { ...range, k: 'expr' };
  }

  /** The verb's argument text, up to a pipeline `|`. */
  private body(): string {
    const { body, tail } = splitPipe(this.src.slice(this.pos));
    this.pos = this.src.length;
    this.tail = tail;
    return body;
  }

  wholeExpr(): Expr {
    const e = this.expr(0);
    this.skip();
    if (this.pos < this.src.length) throw new SyntaxError_(this.tokenAt());
    return e;
  }

  private args(): string[] {
    const parsed = splitArgs(this.body());
    if (!Array.isArray(parsed)) throw new SyntaxError_(parsed.unterminated);
    return parsed;
  }

  private expr(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    let l = this.expr(level + 1);
    for (;;) {
      this.skip();
      const op = (BINARY_LEVELS[level] as readonly BinaryOp[]).find((o) => this.src.startsWith(o, this.pos));
      // `==` is an operator; a lone `=` is the format verb and ends the expression
      if (!op) return l;
      this.take(op.length);
      l = { k: 'binary', op, l, r: this.expr(level + 1) };
    }
  }

  private unary(): Expr {
    this.skip();
    const op = UNARY.find((o) => this.peek() === o);
    if (op) {
      this.take(1);
      return { k: 'unary', op, e: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    this.skip();
    const ch = this.peek();
    if (ch === '(') {
      this.take(1);
      const e = this.expr(0);
      this.skip();
      if (this.peek() !== ')') throw new SyntaxError_(this.tokenAt());
      this.take(1);
      return e;
    }
    if (ch === '.' && !WORD.test(this.src[this.pos + 1] ?? '')) {
      this.take(1);
      return { k: 'dot' };
    }
    let end = this.pos;
    while (end < this.src.length && WORD.test(this.src[end] as string)) end++;
    if (end === this.pos) throw new SyntaxError_(this.pos < this.src.length ? this.tokenAt() : this.last);
    const text = this.src.slice(this.pos, end);
    this.take(end - this.pos);
    return { k: 'word', text };
  }

  private startsExpr(): boolean {
    const ch = this.peek();
    return ch !== '' && (WORD.test(ch) || ch === '(' || ch === '.' || ch === '~' || ch === '-' || ch === '*' || ch === '#');
  }

  /** The token at the current position, for "syntax error near". */
  private tokenAt(): string {
    const rest = this.src.slice(this.pos);
    const m = /^([A-Za-z0-9_`]+|\S)/.exec(rest);
    return m ? (m[1] as string) : rest;
  }

  private peek(): string {
    return this.src[this.pos] ?? '';
  }

  private take(n: number): void {
    this.last = this.src.slice(this.pos, this.pos + n);
    this.pos += n;
  }

  private skip(): void {
    while (this.pos < this.src.length && /[ \t\r]/.test(this.src[this.pos] as string)) this.pos++;
  }
}

/** Parses a lone expression, e.g. a value to write. */
export function parseExpr(text: string): Expr | SyntaxErr {
  try {
    const p = new Parser(text);
    return p.wholeExpr();
  } catch (e) {
    if (e instanceof SyntaxError_) return { k: 'syntax', near: e.near };
    throw e;
  }
}

// Scripts pipe the same few commands over and over: parse each text once.
// A parse depends on the text alone (numbers are read at evaluation), and the
// cache is emptied when full so memory stays flat on endless distinct input.
const CACHE_LIMIT = 4096;
const cache = new Map<string, Statement | SyntaxErr>();

/** Parses one command (no `;`, no comment); a pipeline's first command. */
export function parseCommand(text: string): Command | SyntaxErr {
  const s = parseStatement(text);
  return s.k === 'syntax' ? s : (s.pipeline[0] as Command);
}

/** The first unquoted `!` that is not `!=`: what follows is a shell command (shell_pipe in mdb_grammar.y). */
function shellSplit(text: string): { pipeline: string; shell: string | undefined } {
  const i = firstUnquoted(text, (j) => text[j] === '!' && text[j + 1] !== '=');
  return i < 0 ? { pipeline: text, shell: undefined } : { pipeline: text.slice(0, i), shell: text.slice(i + 1).trim() };
}

/** Parses one statement: a pipeline of commands joined by `|`, then an optional `! shell-command`. */
export function parseStatement(text: string): Statement | SyntaxErr {
  const hit = cache.get(text);
  if (hit) return hit;
  let parsed: Statement | SyntaxErr;
  try {
    const { pipeline, shell } = shellSplit(text);
    const cmds: Command[] = [];
    if (pipeline.trim() !== '' || shell === undefined) {
      let p = new Parser(pipeline);
      cmds.push(p.parse());
      while (p.tail !== undefined) {
        const next = new Parser(p.tail);
        cmds.push(next.parse(true));
        p = next;
      }
    }
    if (shell === '') throw new SyntaxError_('!');
    parsed = shell === undefined ? { k: 'statement', pipeline: cmds } : { k: 'statement', pipeline: cmds, shell };
  } catch (e) {
    if (!(e instanceof SyntaxError_)) throw e;
    parsed = { k: 'syntax', near: e.near };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  if (text.length <= 256) cache.set(text, parsed);
  return parsed;
}
