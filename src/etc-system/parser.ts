// /etc/system as the kernel parses it at boot (modsysfile.c read_system_file()
// and do_sysfile_cmd()): one directive per line, the kernel's messages, and the
// entries that survive for boot and for listing.

import { makeDiagnostic, printable, wordedDiagnostic, type Diagnostic, type DiagnosticCode, type Fix, type Wording } from './diagnostic';
import { severityOf } from './codes';
import { COMMANDS, type Keyword } from './commands';
import { commandHint, entryName, SYNTAX_HINTS } from './hints';
import { EOF, findByte, internBytes, INTERN_MAX, isnewline, readValue, iswhite, Lexer, MAXLINESIZE, MOD_MAXPATH, VARNAME_SIZE, type Token } from './lexer';
import { readSimpleDirective, readSimpleSet, type SimpleDirective, type SimpleSet } from './simple-set';
import { closeTable, namedKey, openTable, writtenKey } from './written-names';
import { encodingOf, latin1, Source } from './source';
import { SetTable } from './set-table';
import { FileSpan, ParsedSystemFile, PlainDirective, type DirectiveCommand, type DirectiveEntry, type PlacedDirective, type SetCommand, type SetOp, type SetValue, type Span } from './entries';

export type { DirectiveCommand, DirectiveEntry, SetCommand, SetEntry, SetOp, SetValue, Span, SystemEntry } from './entries';
export { ParsedSystemFile } from './entries';

type Command = Keyword;

// do_sysfile_cmd(): these should be followed by a colon (a warning, the line still
// counts); moddir, rootdev and swapdev must be (the line is dropped: requireColon).
const COLON_SHOULD_FOLLOW: ReadonlySet<Command> = new Set(['include', 'exclude', 'forceload', 'rootfs', 'swapfs']);

const OPS: Partial<Record<Token['kind'], SetOp>> = { equals: '=', 'bit-or': '|', ampersand: '&' };
const SP = 0x20, TAB = 0x09, LF = 0x0a, STAR = 0x2a, POUND = 0x23, F = 0x66;

/** endOfLine(): something other than white space or a comment follows. */
const OTHER = -2;

/**
 * Where the line ends (its "\n"; -1: at the end of the file) when only white
 * space or a comment follows `from` on it; else OTHER.
 */
function endOfLine(b: Uint8Array, from: number): number {
  const n = b.length;
  let j = from;
  while (j < n && (b[j] === SP || b[j] === TAB)) j++;
  if (j >= n) return -1;
  if (b[j] === LF) return j;
  return b[j] === STAR || b[j] === POUND ? findByte.call(b, LF, j + 1) : OTHER;
}

/** The codes a SetTable keeps for a command and an operator. */
const COMMAND_CODE: Readonly<Record<SetCommand, number>> = { set: 0, set32: 1, set64: 2 };
const OP_CODE: Readonly<Record<SetOp, number>> = { '=': 0, '|': 1, '&': 2 };

/** A line is dropped: the kernel warns and skips to the end of the line (do_sysfile_cmd "bad:"). */
class Bad {}

export interface ParseOptions {
  /** Every line through the kernel's lexer, without the plain set-line shortcut (tests hold the two to one answer). */
  tokensOnly?: boolean;
}

/** Parses a system file; never throws, whatever the bytes. */
export function parseSystemFile(input: string | Uint8Array, path: string, options: ParseOptions = {}): ParsedSystemFile {
  const src = new Source(input);
  const encoding = encodingOf(src.bytes);
  if (encoding?.startsWith('UTF-16')) return utf16File(src, path, encoding);
  openTable();
  try {
    return new Parser(src, path, options.tokensOnly !== true).run();
  } finally {
    closeTable();
  }
}

// Not the kernel's: it would read UTF-16 byte by byte and reject every line (each
// starts with a NUL or the byte order mark); one clear error instead of a wall of them.
function utf16File(src: Source, path: string, encoding: string): ParsedSystemFile {
  const p = src.place(0);
  return new ParsedSystemFile(path, new SetTable(src), [], [makeDiagnostic(
    path, 1, 1, 'utf-16', 'ours',
    `this file is ${encoding} text; the kernel reads /etc/system as single bytes and would reject every line, so none of its settings would apply`,
    p.text, 1, `convert it to plain ASCII, e.g. iconv -f ${src.bytes[0] === 0 || src.bytes[1] === 0 ? encoding : 'UTF-16'} -t UTF-8 ${path}`,
  )], src.lineCount());
}

class Parser {
  private readonly lx: Lexer;
  private readonly sets: SetTable;
  private readonly directives: PlacedDirective[] = [];
  /** The start of the line being parsed (a directive's place among the set lines). */
  private lineAt = 0;
  private readonly diagnostics: Diagnostic[] = [];
  /**
   * The line the cursor is on, counted as the loop passes each line end when the
   * file ends its lines with "\n" alone (counted: the count holds), so a plain set
   * line needs no search for its line; found again from the file after anything else.
   */
  private readonly line: { number: number; counted: boolean };
  private readonly plainDirective: SimpleDirective = { command: 'forceload', start: 0, argStart: 0, argEnd: 0 };
  private readonly simple: SimpleSet = { moduleEnd: -1, nameStart: 0, hash: 0, opCode: 0, number: -1, hex: false, value: undefined, start: 0, nameEnd: 0, valueStart: 0, end: 0 };
  /** The value token of the last set line: a 0 followed by `t512` is mdb's 0t512. */
  private lastValue: Token | undefined;
  /** A comment may be a `fusion-mdb:` one: a comment starting with `f`, or one read outside plainLines(). */
  private mayDisable = false;
  /** What is said of an invalid number, by spelling, worded for this file. */
  private readonly invalidWordings = new Map<InvalidNumberSaid, Wording>();

  constructor(private readonly src: Source, private readonly path: string, private readonly shortcut: boolean) {
    this.lx = new Lexer(src.bytes, src.noCR);
    this.sets = new SetTable(src);
    this.line = { number: 1, counted: this.lx.onlyLF };
  }

  run(): ParsedSystemFile {
    let last: Token['kind'] = 'newline';
    // Lines that end in "\n" alone are counted as they pass: most of them are then taken in one loop.
    const plain = this.shortcut && this.lx.onlyLF;
    if (plain && this.plainLines()) last = 'name';
    for (;;) {
      // A newline or a comment needs no token: the lexer skips it in place.
      const skipped = this.lx.skipLineStart();
      if (skipped !== undefined) {
        this.flushLexWarnings();
        if (skipped === 'newline') {
          last = 'newline';
          // The line just ended.
          this.line.number++;
          if (plain && this.plainLines()) last = 'name';
        } else {
          this.mayDisable = true;
          this.lx.findEol();
        }
        continue;
      }
      // Most set lines have one plain shape: taken straight from the bytes, no tokens
      // (by plainLines() when the line count holds; it has already tried this line).
      if (last === 'newline' && this.shortcut && !plain && readSimpleSet(this.src.bytes, this.lx.pos, this.simple) && this.simpleSet()) {
        last = 'name';
        continue;
      }
      if (this.lx.pos >= this.src.bytes.length) break;
      // Tokens may run past a line end (a newline token, a line the kernel skips): the count is found again.
      this.line.counted = false;
      const tok = this.lx.lex(MAXLINESIZE);
      if (tok.kind === 'eof') break;
      this.flushLexWarnings();
      if (tok.kind === 'star' || tok.kind === 'pound') {
        this.mayDisable = true;
        this.lx.findEol();
      } else if (tok.kind === 'newline') {
        last = 'newline';
        if (plain && this.plainLines()) last = 'name';
      } else if (tok.kind === 'name') {
        if (last !== 'newline') {
          this.extraneous(tok);
          this.lx.findEol();
        } else {
          this.command(tok);
        }
        last = 'name';
      } else {
        this.report(tok, tok.overflow ? 'value-too-long' : 'syntax', `Unexpected token '${tok.text}'`,
          tok.overflow ? SYNTAX_HINTS.overflow(MAXLINESIZE) : undefined);
        this.lx.findEol();
      }
    }
    this.flushLexWarnings();
    this.noteOddFile();
    // Counted to the end of the file, the count is the number of lines.
    const lines = this.line.counted ? this.line.number : this.src.lineCount();
    return new ParsedSystemFile(this.path, this.sets, this.directives, this.diagnostics, lines, this.mayDisable);
  }

  private command(cmdTok: Token): void {
    this.lineAt = cmdTok.start;
    const cmd = COMMANDS.get(cmdTok.text);
    try {
      if (cmd === undefined) {
        const lower = COMMANDS.has(cmdTok.text.toLowerCase());
        this.bad(cmdTok, lower ? 'keyword-case' : 'unknown-command', `unknown command '${cmdTok.text}'`, commandHint(cmdTok.text),
          lower ? this.keywordFix(cmdTok) : undefined);
      } else if (cmd === 'set' || cmd === 'set32' || cmd === 'set64') {
        this.set(cmd);
      } else if (COLON_SHOULD_FOLLOW.has(cmd)) {
        this.pathCommand(cmdTok, cmd);
      } else if (cmd === 'moddir') {
        this.moddir(cmdTok);
      } else {
        this.device(cmdTok, cmd as 'rootdev' | 'swapdev');
      }
    } catch (e) {
      if (!(e instanceof Bad)) throw e;
      this.lx.findEol();
    }
  }

  // exclude, include, forceload, rootfs, swapfs: [:] NAME, then raw bytes to white space.
  private pathCommand(cmdTok: Token, cmd: Command): void {
    let tok = this.lx.lex(MOD_MAXPATH + 1);
    if (tok.kind === 'colon') {
      tok = this.lx.lex(MOD_MAXPATH + 1);
    } else {
      this.report(tok, 'missing-colon', colonError(cmdTok), SYNTAX_HINTS.colon(cmdTok.text));
    }
    if (tok.kind !== 'name') this.bad(tok, tok.overflow ? 'value-too-long' : 'syntax', 'value expected');
    const arg = this.word(tok, tok);
    if (cmd === 'include') return; // do_sysfile_cmd: include is parsed and dropped
    this.directive({ kind: 'directive', command: cmd as DirectiveCommand, argument: arg, at: this.span(tok.start, this.lx.pos) });
  }

  // moddir: the colon is required; the rest of the line is the module path.
  private moddir(cmdTok: Token): void {
    const colon = this.requireColon(cmdTok);
    const parts: string[] = [];
    let c = this.lx.getc();
    let word = '';
    for (; c !== EOF && !isnewline(c); c = this.lx.getc()) {
      if (iswhite(c) || c === 0x3a) { if (word) parts.push(word); word = ''; continue; }
      word += String.fromCharCode(c);
      if (parts.join(' ').length + word.length >= MOD_MAXPATH) this.bad(colon, 'value-too-long', 'value too long');
    }
    if (word) parts.push(word);
    if (c !== EOF) this.lx.ungetc();
    this.directive({ kind: 'directive', command: 'moddir', argument: parts.join(' '), at: this.span(colon.end, this.lx.pos) });
  }

  // rootdev, swapdev: the colon is required; the device path runs to white space.
  private device(cmdTok: Token, cmd: 'rootdev' | 'swapdev'): void {
    this.requireColon(cmdTok);
    let c = this.lx.getc();
    while (iswhite(c)) c = this.lx.getc();
    const start = this.lx.pos - 1;
    this.lx.pos = start;
    const arg = this.word(undefined, cmdTok);
    this.directive({ kind: 'directive', command: cmd, argument: arg, at: this.span(start, this.lx.pos) });
  }

  /**
   * The bytes from the cursor up to white space or the end of the line, after
   * the token `after` when given (its text runs on into them); at most MOD_MAXPATH
   * in all, or `blame` is reported (do_sysfile_cmd: "value too long").
   */
  private word(after: Token | undefined, blame: Token): string {
    const b = this.src.bytes;
    const start = this.lx.pos;
    const before = after?.text.length ?? 0;
    let j = start;
    for (; j < b.length && !iswhite(b[j] as number) && !isnewline(b[j] as number); j++) {
      if (before + (j - start) >= MOD_MAXPATH) { this.lx.pos = j + 1; this.bad(blame, 'value-too-long', 'value too long'); }
    }
    // As getc() leaves it: on the byte that ended the word, or one past the end of the file.
    this.lx.pos = j < b.length ? j : b.length + 1;
    const from = after && after.text.length === start - after.start ? after.start : start;
    const rest = from === start ? latin1(b, start, j) : '';
    if (from !== start) return j - from <= INTERN_MAX ? internBytes(b, from, j) : latin1(b, from, j);
    return after ? after.text + rest : rest;
  }

  private directive(entry: DirectiveEntry): void {
    this.directives.push({ entry, offset: this.lineAt });
  }

  private requireColon(cmdTok: Token): Token {
    const tok = this.lx.lex(MOD_MAXPATH + 1);
    if (tok.kind !== 'colon') this.bad(tok, 'colon-required', colonError(cmdTok), SYNTAX_HINTS.colon(cmdTok.text));
    return tok;
  }

  // set [module:]symbol {=,|,&} value
  private set(command: SetCommand): void {
    const first = this.lx.lex(MOD_MAXPATH + 1);
    if (first.kind !== 'name') this.bad(first, first.overflow ? 'value-too-long' : 'syntax', 'value expected');
    let module: string | undefined;
    let variable = first;
    let opTok = this.lx.lex(VARNAME_SIZE);
    if (opTok.kind === 'colon') {
      variable = this.lx.lex(VARNAME_SIZE);
      if (variable.kind !== 'name') {
        this.bad(variable, variable.overflow ? 'value-too-long' : 'syntax', 'value expected',
          variable.overflow ? SYNTAX_HINTS.overflow(VARNAME_SIZE) : undefined);
      }
      module = first.text;
      opTok = this.lx.lex(MOD_MAXPATH + 1);
    }
    const op = OPS[opTok.kind];
    // do_sysfile_cmd prints tok2 here: the operator token, or the variable
    // name when a module was given (the operator was read into tok1).
    if (op === undefined) this.bad(opTok, 'syntax', `unsupported operator ${module ? variable.text : opTok.text}`);
    const valTok = this.lx.lex(MOD_MAXPATH + 1);
    const value = this.value(valTok, op as SetOp);
    this.lastValue = valTok;
    this.src.seek(first.start);
    this.sets.add(COMMAND_CODE[command], namedKey(this.sets, module, variable.text), OP_CODE[op as SetOp], -1, false, value,
      this.src.line, first.start, variable.end, valTok.start, valTok.end);
  }

  /**
   * From a line start, takes the lines most of a big file is made of, in one
   * loop: blank lines, comments, and the set lines readSimpleSet() reads. Stops
   * at the start of any other line (or at the end of the file), for the general
   * loop to lex; true when it stopped on a set line it took, before something
   * else on that line. Only for files whose lines end in "\n" alone.
   */
  private plainLines(): boolean {
    const b = this.src.bytes;
    const n = b.length;
    const m = this.simple;
    let pos = this.lx.pos;
    if (!this.line.counted) {
      this.src.seek(pos);
      this.line.number = this.src.line;
      this.line.counted = true;
    }
    let line = this.line.number;
    let lineStart = pos;
    let midLine = false;
    for (;;) {
      let i = pos;
      while (i < n && (b[i] === SP || b[i] === TAB)) i++;
      if (i >= n) break;
      const c = b[i];
      // The line's "\n": -1 when the file ends first.
      let eol: number;
      if (c === LF) {
        eol = i;
      } else if (c === STAR || c === POUND) {
        eol = findByte.call(b, LF, i + 1);
        // `* fusion-mdb: disable=...` (suppress.ts): a comment whose first word starts with an f.
        if (!this.mayDisable) {
          let j = i + 1;
          while (b[j] === SP || b[j] === TAB) j++;
          if (b[j] === F) this.mayDisable = true;
        }
      } else if (readSimpleSet(b, i, m)) {
        const taken = this.takeSet(m, line, lineStart);
        if (taken === 'lexer') break;
        if (taken === 'dropped') {
          eol = this.lx.pos < n ? this.lx.pos : -1;
        } else {
          eol = endOfLine(b, m.end);
          // Something else after the number: the general loop reads on from it.
          if (eol === OTHER) { pos = m.end; midLine = true; break; }
        }
      } else if (readSimpleDirective(b, i, this.plainDirective)) {
        const d = this.plainDirective;
        eol = endOfLine(b, d.argEnd);
        // Something else after the argument: the lexer reads the line.
        if (eol === OTHER) break;
        this.takeDirective(d, line, lineStart);
      } else {
        break;
      }
      if (eol < 0) { pos = n; break; }
      pos = lineStart = eol + 1;
      line++;
    }
    this.lx.pos = pos;
    this.line.number = line;
    // What follows is read by the lexer: its places are found from here, not from the last one found.
    this.src.mark(lineStart, line);
    return midLine;
  }

  /** Enters the directive readSimpleDirective() found, on line `line` (which starts at `lineStart`), as pathCommand() would. */
  private takeDirective(d: SimpleDirective, line: number, lineStart: number): void {
    const b = this.src.bytes;
    const argument = d.argEnd - d.argStart <= INTERN_MAX ? internBytes(b, d.argStart, d.argEnd) : latin1(b, d.argStart, d.argEnd);
    // The lexer's cursor stands one past the end of the file when the argument runs to it.
    const end = d.argEnd < b.length ? d.argEnd : b.length + 1;
    const entry = new PlainDirective(d.command, argument, line, d.argStart - lineStart + 1, Math.max(1, end - d.argStart), this.src, lineStart, d.start);
    this.directives.push(entry);
  }

  /**
   * Enters the set line readSimpleSet() found, in a file whose lines do not all
   * end in "\n" alone (plainLines() takes the others); false (nothing done) when
   * its number needs a word from us.
   */
  private simpleSet(): boolean {
    const line = this.line;
    this.src.seek(this.simple.start);
    if (!line.counted) {
      line.number = this.src.line;
      line.counted = this.lx.onlyLF;
    }
    const taken = this.takeSet(this.simple, line.number, this.src.lineStart);
    if (taken === 'taken') this.lx.pos = this.simple.end;
    return taken !== 'lexer';
  }

  /**
   * Adds the set line readSimpleSet() found, on line `line` (which starts at
   * `lineStart`): 'taken'; 'dropped' when its number is invalid (said, and the
   * cursor left at the end of the line); 'lexer' (nothing done) when the number
   * needs the lexer's word.
   */
  private takeSet(m: SimpleSet, line: number, lineStart: number): 'taken' | 'dropped' | 'lexer' {
    const value = m.value === undefined ? undefined : numberValue(m.value);
    if (m.value !== undefined && value === undefined) return this.invalidNumber(m, m.value, line, lineStart) ? 'dropped' : 'lexer';
    this.lastValue = undefined;
    this.sets.add(0, writtenKey(this.sets, this.src.bytes, m.start, m.moduleEnd, m.nameStart, m.nameEnd, m.hash), m.opCode,
      value === undefined ? m.number : -1, m.hex, value, line, m.start, m.nameEnd, m.valueStart, m.end);
    return 'taken';
  }

  /**
   * A plain set line whose number has a digit outside its radix (08), on line
   * `line` (which starts at `lineStart`): what value() says of it, and the line
   * is dropped. false: the number needs the lexer's path.
   */
  private invalidNumber(m: SimpleSet, text: string, line: number, lineStart: number): boolean {
    const said = invalidNumberSaid(text);
    if (said === undefined) return false;
    let wording = this.invalidWordings.get(said);
    if (wording === undefined) {
      wording = { file: this.path, severity: INVALID_NUMBER_SEVERITY, code: 'invalid-number', form: 'file-err', message: said.message, hint: said.hint, lines: this.src, replacement: undefined };
      this.invalidWordings.set(said, wording);
    }
    this.diagnostics.push(wordedDiagnostic(wording, line, m.valueStart - lineStart + 1, Math.max(1, m.end - m.valueStart), lineStart));
    this.lx.pos = m.end;
    this.lx.findEol();
    return true;
  }

  private value(tok: Token, op: SetOp): SetValue {
    if (tok.kind === 'string') {
      if (op !== '=') this.bad(tok, 'illegal-operator', `illegal operator '${tok.text}' used on a string`, SYNTAX_HINTS.stringOperator(op));
      return { kind: 'string', value: kobjGetString(tok.text) };
    }
    if (tok.kind === 'hexval' || tok.kind === 'decval') {
      const known = tok.overflow ? undefined : numberValue(tok.text);
      if (known) return known;
      const v = readValue(tok.text);
      if (v === undefined) this.bad(tok, 'invalid-number', `invalid number '${tok.text}'`, invalidNumberHint(tok.text));
      // Not the kernel's word (it wraps silently): a value past 2^64 is not the one written.
      if (v.complementLost) this.ours(tok.start, 'complement-lost', `the kernel reads ${tok.text} as 0: kobj_getvalue returns a lone 0 before it applies the '~'; for all ones write -1`);
      if (v.overflow) this.ours(tok.start, 'too-wide', `${tok.text} does not fit in 64 bits; the kernel keeps the low 64 bits, 0x${v.value.toString(16)}`);
      return { kind: 'number', value: v.value, hex: tok.kind === 'hexval' };
    }
    return this.bad(tok, tok.overflow ? 'value-too-long' : 'syntax', `bad rvalue '${tok.text}'`);
  }

  /** Reports a kernel warning that drops the line, and unwinds to the end of the line. */
  private bad(tok: Token, code: DiagnosticCode, message: string, hint?: string, fix?: Fix): never {
    // The error token was the newline itself: kobj_find_eol() then eats the next line too.
    const eaten = tok.kind === 'newline' ? `; the kernel also skips line ${this.src.place(tok.end).line}` : '';
    const why = hint ?? (tok.overflow ? SYNTAX_HINTS.overflow(MOD_MAXPATH + 1) : undefined);
    this.report(tok, code, message, why === undefined && !eaten ? undefined : `${why ?? 'the line is ignored'}${eaten}`, fix);
    throw new Bad();
  }

  private report(tok: Token, code: DiagnosticCode, message: string, hint?: string, fix?: Fix): void {
    // The line's text is read only if the finding is shown with its line.
    const at = this.span(tok.start, tok.end);
    this.diagnostics.push(makeDiagnostic(this.path, at.line, at.column, code, 'file-err', printable(message), at, at.length, hint, fix));
  }

  /**
   * `extraneous input ignored starting at '...'`; when the line is a set whose
   * value was mdb's 0t512 or a 0X20 the kernel reads as 0, the code says so.
   */
  private extraneous(tok: Token): void {
    const message = `extraneous input ignored starting at '${tok.text}'`;
    const value = this.lastValue;
    const misread = value && value.end === tok.start && this.sets.length > 0 ? misreadNumber(value.text, tok.text) : undefined;
    if (!misread) {
      this.report(tok, 'extraneous-input', message);
      return;
    }
    const written = `${value?.text ?? ''}${tok.text}`;
    const hint = `the kernel reads ${written} as 0 and ignores '${tok.text}' (${misread.why}): ${entryName(this.sets.entry(this.sets.length - 1))} is set to 0; write ${misread.text}`;
    const fix = this.restIsBlank(tok.end) ? this.fixOf(value?.start ?? tok.start, tok.end, misread.text) : undefined;
    this.report(tok, misread.code, message, hint, fix);
  }

  /** Only white space (or nothing) between `offset` and the end of its line. */
  private restIsBlank(offset: number): boolean {
    const b = this.src.bytes;
    for (let i = offset; i < b.length && !isnewline(b[i] as number); i++) if (!iswhite(b[i] as number)) return false;
    return true;
  }

  private fixOf(start: number, end: number, text: string): Fix {
    const p = this.src.place(start);
    return { line: p.line, column: p.column, endColumn: p.column + (end - start), text };
  }

  /** `Set` -> `set`, when the line then parses whole (a fix never touches a line it cannot parse). */
  private keywordFix(tok: Token): Fix | undefined {
    const fix = this.fixOf(tok.start, tok.end, tok.text.toLowerCase());
    const line = this.src.place(tok.start).text;
    const fixed = line.slice(0, fix.column - 1) + fix.text + line.slice(fix.endColumn - 1);
    return parseSystemFile(fixed, '').diagnostics.length === 0 ? fix : undefined;
  }

  private flushLexWarnings(): void {
    if (this.lx.warnings.length === 0) return;
    for (const w of this.lx.warnings.splice(0)) {
      const p = this.src.place(w.offset);
      const missing = w.message === 'Missing "';
      this.diagnostics.push(makeDiagnostic(this.path, p.line, p.column, missing ? 'missing-quote' : 'character-overflow',
        w.located ? 'file-err' : 'warn', w.message, p.text, 1, missing ? SYNTAX_HINTS.missingQuote : undefined));
    }
  }

  // Not the kernel's: say plainly when there is nothing to read, or when the bytes are not text.
  private noteOddFile(): void {
    const b = this.src.bytes;
    const nul = b.indexOf(0);
    if (b.length === 0) this.ours(0, 'empty-file', 'the file is empty: the kernel boots with the release defaults');
    else if (encodingOf(b)) this.ours(0, 'byte-order-mark', 'the file starts with a UTF-8 byte order mark (\\357\\273\\277): the kernel reads it as part of line 1, which it then rejects; save the file without it');
    else if (nul >= 0) this.ours(nul, 'binary-file', 'this does not look like a text file (it holds NUL bytes); the kernel reads it line by line anyway');
  }

  private ours(offset: number, code: DiagnosticCode, message: string): void {
    const p = this.src.place(offset);
    this.diagnostics.push(makeDiagnostic(this.path, p.line, p.column, code, 'ours', message, p.text, 1));
  }

  private span(start: number, end: number): Span {
    const at = this.src.seek(start);
    const lineStart = this.src.lineStart;
    return new FileSpan(this.src.line, at - lineStart + 1, Math.max(1, end - start), this.src, lineStart);
  }
}

/**
 * A value the kernel read as 0 because it stopped at a letter: mdb's radix
 * prefixes (0t decimal, 0o octal, 0i binary) and an upper-case 0X. The text
 * to write instead keeps the value mdb would have read.
 */
function misreadNumber(value: string, rest: string): { code: 'mdb-radix' | 'uppercase-hex'; text: string; why: string } | undefined {
  const unary = /^([-~]?)0$/.exec(value)?.[1];
  if (unary === undefined) return undefined;
  const m = /^([tToOiI])([0-9]+)$|^X([0-9a-fA-F]+)$/.exec(rest);
  if (!m) return undefined;
  if (m[3] !== undefined) return { code: 'uppercase-hex', text: `${unary}0x${m[3]}`, why: 'the kernel knows only a lower-case 0x' };
  const letter = (m[1] as string).toLowerCase();
  const digits = m[2] as string;
  const radix = letter === 't' ? 10 : letter === 'o' ? 8 : 2;
  if (![...digits].every((d) => Number(d) < radix)) return undefined;
  const n = BigInt(radix === 10 ? digits : `0${letter === 'o' ? 'o' : 'b'}${digits}`);
  const text = radix === 10 ? n.toString() : radix === 8 ? (n === 0n ? '0' : `0${n.toString(8)}`) : `0x${n.toString(16)}`;
  const why = `0${letter} is mdb's ${radix === 10 ? 'decimal' : radix === 8 ? 'octal' : 'binary'} prefix, not the kernel's`;
  return { code: 'mdb-radix', text: unary === '~' && n === 0n ? '-1' : `${unary}${text}`, why };
}

/** A number's value, read once per spelling ('0x20' on 10,000 lines is one object); undefined when readValue has something to say about it. */
const numbers = new Map<string, SetValue | undefined>();
function numberValue(text: string): SetValue | undefined {
  let v = numbers.get(text);
  if (v === undefined && !numbers.has(text)) {
    const r = readValue(text);
    v = r === undefined || r.overflow || r.complementLost ? undefined : { kind: 'number', value: r.value, hex: text.includes('x') };
    // Bounded: a file of all-different numbers keeps at most this many.
    if (numbers.size >= 4096) numbers.clear();
    numbers.set(text, v);
  }
  return v;
}

/** The hint for an invalid number, worded once per spelling. */
const invalidHints = new Map<string, string>();
function invalidNumberHint(text: string): string {
  let hint = invalidHints.get(text);
  if (hint === undefined) {
    hint = SYNTAX_HINTS.invalidNumber(text);
    if (invalidHints.size >= 1024) invalidHints.clear();
    invalidHints.set(text, hint);
  }
  return hint;
}

const INVALID_NUMBER_SEVERITY = severityOf('invalid-number');

/** What value() says of a number a plain set line wrote, worded once per spelling; undefined when the lexer's reading must judge it. */
const invalidSaid = new Map<string, InvalidNumberSaid | null>();
/** The kernel's words and our hint for a number with a digit outside its radix. */
interface InvalidNumberSaid {
  message: string;
  hint: string;
}

function invalidNumberSaid(text: string): InvalidNumberSaid | undefined {
  let said = invalidSaid.get(text);
  if (said === undefined) {
    said = readValue(text) !== undefined ? null : { message: printable(`invalid number '${text}'`), hint: invalidNumberHint(text) };
    if (invalidSaid.size >= 1024) invalidSaid.clear();
    invalidSaid.set(text, said);
  }
  return said ?? undefined;
}

function colonError(cmdTok: Token): string {
  return `A colon (:) must follow the '${cmdTok.text}' command`;
}

// modsysfile.c kobj_get_string(): \t \n \b become the control character, any
// other backslash pair is copied as it is.
function kobjGetString(s: string): string {
  return s.replace(/\\([tnb])/g, (_m, c: string) => ({ t: '\t', n: '\n', b: '\b' })[c] as string);
}
