import type { Command, Statement } from './ast';
import { DCMD_TABLE, type DcmdResult } from './dcmds/table';
import { usageLine } from './dcmds/types';
import { EvalError, evaluate } from './expr';
import { hintFor } from './hints';
import { splitCommands } from './lexer';
import { MSG } from './messages';
import type { Output } from './output';
import { parseExpr, parseStatement } from './parser';
import { finishIob, iobFor, runFormat, type FormatSink } from './readwrite';

/** Real mdb dcmds the model cannot do: mdb's "not supported" rather than "unknown". */
const UNMODELLED_DCMDS = new Set([
  '$c', '$C', '$r', '$m', '$<', '$>', '$?', '::stack', '::ps', '::kmastat', '::msgbuf', '::cpuinfo',
  '::threadlist', '::findstack', '::memstat', '::modinfo', '::dis', '::bp', '::cat', '::ptree', '::whatis',
]);
import type { Diagnostic } from '../etc-system/diagnostic';
import type { Connection } from '../fusion/connection';
import type { Flow, Workload } from '../fusion/workload';
import type { Evidence } from '../import/replay';
import type { FileSystem, IO } from '../io';
import { Kernel } from '../kernel/kernel';
import { BootState, bootFiles } from './boot-state';
import type { Theme } from '../render/theme';
import type { LendTerminal } from '../terminal';

/** What a session uses of the IO seam (the streams go through `out`). */
export type SessionIO = Pick<IO, 'fs' | 'env' | 'hostname' | 'pid' | 'stdinIsTTY' | 'stdoutIsTTY'>;

export interface SessionOptions {
  kernel: Kernel;
  out: Output;
  /** -w: the target is open for writing. */
  writable: boolean;
  /** The program's IO seam: the session keeps this one reference, not copies of its fields. */
  io: SessionIO;
  theme: Theme;
  /** Runs `/bin/sh -c cmd` with `input` on its stdin (`cmd ! shell-command`). */
  shell?: ShellRunner;
}

/** What a shell command printed, and how it ended. */
export interface ShellResult {
  stdout: string;
  stderr: string;
  /** The error when /bin/sh could not be started. */
  error?: string;
}

export type ShellRunner = (command: string, input: string) => Promise<ShellResult>;

/** The real shell, loaded only when a line uses `!`: a piped `/D` never loads child_process. */
const realShell: ShellRunner = async (command, input) => (await import('./shell')).runShell(command, input);

export { bootFiles, type BootFile } from './boot-state';

/** A connection made with ::connect: it keeps what it latched at set-up. */
export interface LiveConnection {
  id: number;
  /** The reader's pid, as the DTrace script of the story prints it. */
  pid: number;
  flow: Flow;
  connection: Connection;
}

export interface LineResult {
  quit: boolean;
  /** At least one command on the line failed. */
  failed: boolean;
}

/**
 * Executes mdb command lines against the model kernel: one session is one
 * `mdb -k` run, holding the radix, dot and whether the target is writable.
 */
export class Session {
  kernel: Kernel;
  readonly out: Output;
  radix = 16;
  dot = 0n;
  /** m_incr: how far the last format command moved dot (`^` steps back by it). */
  incr = 0n;
  /** MDB_FL_PAGER: page output at a terminal (::set -o pager, +o pager); only the terminal loop reads it. */
  pager = true;
  /** m_prompt: MDB_DEF_PROMPT until ::set -P changes it; the terminal loop shows it. */
  prompt = '> ';
  writable: boolean;
  readonly io: SessionIO;
  readonly theme: Theme;
  readonly shell: ShellRunner;
  /** What ::reboot boots from (--etc-system, ::etcsystem FILE), and what the running kernel booted from. */
  readonly boots = new BootState();
  /** The workload ::run, ::advise, ::sweep and ::trace use (--workload, ::run -w); unset: the customer case. */
  workload: Workload | undefined;
  /** What a trace saw (--truss, --dtrace, ::import): the report compares the model with it. */
  evidence: Evidence | undefined;
  connections: LiveConnection[] = [];
  /** Set by the REPL, which stops reading while ::wizard has the terminal; unset off a terminal prompt. */
  lendTerminal: LendTerminal | undefined;

  constructor(opts: SessionOptions) {
    this.kernel = opts.kernel;
    this.out = opts.out;
    this.writable = opts.writable;
    this.io = opts.io;
    this.theme = opts.theme;
    this.shell = opts.shell ?? realShell;
  }

  /** Terminal input: syntax errors leave out "on line N of (stdin)". */
  get interactive(): boolean {
    return this.io.stdinIsTTY;
  }

  /** stdout is a terminal: carets under bad tokens. */
  get terminal(): boolean {
    return this.io.stdoutIsTTY;
  }

  /** The host the model kernel claims to run on (::status). */
  async hostname(): Promise<string> {
    const h = this.io.hostname;
    return typeof h === 'function' ? h() : h ?? 'localhost';
  }

  get fs(): FileSystem {
    return this.io.fs;
  }

  get env(): Record<string, string | undefined> {
    return this.io.env;
  }

  /** The process id, for temporary file names. */
  get pid(): number {
    return this.io.pid ?? 0;
  }

  /**
   * Rebuilds the kernel from the release defaults plus the boot file: mdb writes
   * and live connections are gone, as after a real reboot.
   */
  async reboot(): Promise<Diagnostic[]> {
    const kernel = new Kernel(this.kernel.release.id, this.kernel.arch.id, this.kernel.machine);
    let diagnostics: Diagnostic[] = [];
    const file = this.boots.next;
    if (file) {
      // The /etc/system layer is loaded only by the sessions that boot from a file.
      const { bootFromFiles } = await import('../etc-system/boot-file');
      diagnostics = bootFromFiles(kernel, bootFiles(file));
    }
    this.kernel = kernel;
    this.boots.rebooted();
    this.connections = [];
    return diagnostics;
  }

  /** Runs every command of one input line; an error in one does not stop the rest. */
  async runLine(line: string, lineNo: number): Promise<LineResult> {
    let failed = false;
    for (const text of splitCommands(line)) {
      const pending = this.runCommand(text, lineNo);
      // Most commands finish synchronously: only await the ones that do not.
      const r = pending instanceof Promise ? await pending : pending;
      this.out.answered();
      if (r === 'quit') return { quit: true, failed };
      if (r !== 'ok') failed = true;
    }
    return { quit: false, failed };
  }

  runCommand(text: string, lineNo: number): DcmdResult | Promise<DcmdResult> {
    const st = parseStatement(text);
    if (st.k === 'syntax') {
      this.out.error(MSG.syntax(st.near, this.interactive ? undefined : lineNo));
      return 'error';
    }
    // mdb_lex.l looks every dcmd of the statement up before anything runs
    for (const cmd of st.pipeline) {
      if (cmd.k === 'dcmd' && !DCMD_TABLE.find(cmd.name)) {
        this.out.error(UNMODELLED_DCMDS.has(cmd.name) ? MSG.notSupported : MSG.unknownDcmd(cmd.name));
        return 'error';
      }
    }
    if (st.shell === undefined && st.pipeline.length === 1) return this.guarded(() => this.execute(st.pipeline[0] as Command));
    return this.statement(st);
  }

  /** A pipeline (`a | b`) and/or a shell pipe (`... ! cmd`). */
  private async statement(st: Statement): Promise<DcmdResult> {
    if (st.shell === undefined) return this.pipeline(st.pipeline, { piped: false });
    let result = 'ok' as DcmdResult;
    const input = st.pipeline.length
      ? await this.out.capture(async () => { result = await this.pipeline(st.pipeline, { piped: true }); })
      : '';
    if (result === 'quit') return result;
    const r = await this.shell(st.shell, input);
    if (r.error !== undefined) {
      this.out.error(r.error);
      return 'error';
    }
    this.out.raw(r.stdout);
    this.out.rawErr(r.stderr);
    return result;
  }

  /**
   * mdb_call over a pipeline: every stage but the last prints into a pipe; each
   * line of that output is read as an expression, and the next stage runs once
   * per value with it as its address. No output, no next stage.
   */
  private async pipeline(cmds: readonly Command[], sink: FormatSink): Promise<DcmdResult> {
    const [first, ...rest] = cmds as [Command, ...Command[]];
    if (rest.length === 0) return this.guarded(() => this.execute(first, sink));
    let result = 'ok' as DcmdResult;
    const text = await this.out.capture(async () => { result = await this.guarded(() => this.execute(first, { piped: true })); });
    if (result === 'quit') return result;
    return this.feed(text, rest, sink, result);
  }

  private async feed(text: string, stages: readonly Command[], sink: FormatSink, prior: DcmdResult): Promise<DcmdResult> {
    const [stage, ...rest] = stages as [Command, ...Command[]];
    let result = prior;
    const addrs: bigint[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const e = parseExpr(line.trim());
      if (e.k === 'syntax') {
        this.out.error(MSG.syntax(e.near));
        result = 'error';
        continue;
      }
      const v = this.guarded(() => this.evaluate(e));
      if (typeof v === 'bigint') addrs.push(v);
      else result = 'error';
    }
    const run = async (): Promise<void> => {
      const piped = rest.length > 0 || sink.piped;
      const iob = stage.k === 'format' ? iobFor({ piped }) : undefined;
      for (const [i, addr] of addrs.entries()) {
        // the stage runs once per address; only the first call is DCMD_LOOPFIRST (headers)
        const r = await this.guarded(() => this.execute(stage, iob ? { piped, later: i > 0, iob } : { piped, later: i > 0 }, addr));
        if (r !== 'ok') result = r;
        if (r === 'quit') break;
      }
      if (iob) finishIob(this, iob);
    };
    if (rest.length === 0) {
      await run();
      return result;
    }
    const out = await this.out.capture(run);
    return result === 'quit' ? result : this.feed(out, rest, sink, result);
  }

  /** Runs `fn`, turning a failed evaluation into mdb's message and an error. */
  private guarded<T>(fn: () => T): T | 'error' {
    const failed = (e: unknown): 'error' => {
      if (!(e instanceof EvalError)) throw e;
      this.evalFailed(e);
      return 'error';
    };
    try {
      const r = fn();
      return (r instanceof Promise ? r.catch(failed) : r) as T | 'error';
    } catch (e) {
      return failed(e);
    }
  }

  /** Evaluates an expression in this session's radix and dot. */
  evaluate(e: Parameters<typeof evaluate>[1]): bigint {
    return evaluate({ kernel: this.kernel, radix: this.radix, dot: this.dot }, e);
  }

  /** Prints mdb's words for a failed evaluation, then our hint if we have one. */
  evalFailed(e: EvalError): void {
    this.out.error(e.message);
    if (e.unknownSymbol !== undefined) {
      const hint = hintFor(this.kernel, e.unknownSymbol);
      if (hint) this.out.note(hint);
    }
  }

  /** One command; `piped` is the address a pipeline passed it (DCMD_ADDRSPEC | DCMD_PIPE). */
  private execute(cmd: Command, sink: FormatSink = { piped: false }, piped?: bigint): DcmdResult | Promise<DcmdResult> {
    const addr = piped ?? (cmd.addr ? this.evaluate(cmd.addr) : undefined);
    const count = cmd.count ? this.evaluate(cmd.count) : undefined;
    switch (cmd.k) {
      case 'expr':
        if (addr !== undefined) this.dot = addr;
        return 'ok';
      case 'format':
        if (addr !== undefined) this.dot = addr;
        return runFormat(this, cmd.verb, cmd.text, addr ?? this.dot, count ?? 1n, sink);
      case 'dcmd': {
        const dcmd = DCMD_TABLE.find(cmd.name);
        if (!dcmd) {
          this.out.error(UNMODELLED_DCMDS.has(cmd.name) ? MSG.notSupported : MSG.unknownDcmd(cmd.name));
          return 'error';
        }
        if (addr !== undefined) this.dot = addr;
        const usage = (result: DcmdResult): DcmdResult => {
          if (result !== 'usage') return result;
          this.out.errorRaw(usageLine(dcmd));
          if (dcmd.helpFunc !== false) this.out.error(MSG.tryHelp(dcmd.name));
          return 'error';
        };
        // The address column of the table: a dcmd that takes none rejects one, as each mdb dcmd does
        if ((dcmd.address === 'none' && addr !== undefined) || (dcmd.address === 'required' && addr === undefined)) {
          return usage('usage');
        }
        const result = dcmd.run({ session: this, args: cmd.args, addr, count, pipeOut: sink.piped, table: DCMD_TABLE });
        return result instanceof Promise ? result.then(usage) : usage(result);
      }
    }
  }
}
