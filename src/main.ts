import type { IO } from './io';
import { Kernel } from './kernel/kernel';
import { Output } from './mdb/output';
import { Session } from './mdb/session';
import { parseOptions, type Options } from './options';
import { runPipe } from './pipe';
import { makeTheme } from './render/theme';

// main(argv, io) -> exit status: options, then one of check / batch / -e / pipe / repl.

function makeSession(opts: Options, io: IO): Session {
  // Bytes, not the string: while a long line runs, a pipe's writes wait in the stream's
  // queue, and a string there keeps every small piece the output buffer joined.
  const out = new Output((s) => (io.writeOut ?? ((b) => io.stdout.write(b)))(Buffer.from(s, 'utf8')), (s) => io.stderr.write(s), opts.quiet);
  // A signal while a command waits on a file: the answers of the commands before it still go out.
  io.beforeSignalExit?.(() => out.flushAnswered());
  return new Session({ kernel: new Kernel(opts.release, opts.arch, opts.machine), out, writable: opts.writable, io, theme: makeTheme(io.env, io.stdoutIsTTY) });
}

export async function main(argv: readonly string[], io: IO): Promise<number> {
  if (argv[0] === 'completion') return (await import('./completion')).printCompletion(argv.slice(1), io);
  const opts = parseOptions(argv, io);
  if (typeof opts === 'number') return opts;
  if (opts.explain !== undefined) return (await import('./explain')).runExplain(opts.explain, io);
  if (opts.dtraceScript) {
    io.stdout.write((await import('./import/dtrace')).DTRACE_SCRIPT);
    return 0;
  }
  const session = makeSession(opts, io);
  const traced = opts.truss !== undefined || opts.dtrace !== undefined;
  // --report, --json and --fail-on-eagain ask for the report of the release defaults too.
  const batch = opts.etcSystem !== undefined || opts.root !== undefined || opts.systemD !== undefined || opts.workload !== undefined ||
    opts.report || opts.json || opts.failOnEagain || traced;
  if (!batch && !opts.check) {
    return (await runCommands(opts, io, session)).status;
  }
  if (opts.check) return (await import('./check')).runCheck(opts, io, session);
  const { bootFromOption, loadWorkload } = await import('./batch');
  const loaded = await loadWorkload(opts, io, session);
  if (loaded !== 0) return loaded;
  const imported = traced ? await (await import('./trace-input')).loadTraces(opts, io, session) : 0;
  if (imported !== 0) return imported;
  const diagnostics = await bootFromOption(opts, io, session);
  if (typeof diagnostics === 'number') return diagnostics;
  // With -e or commands on stdin the booted kernel runs them (boot messages go to
  // stderr, as a console would show them); with --report, or when stdin held no
  // command at all, the boot diagnostics and the fusion report are the answer.
  // The boot diagnostics are printed once: on stderr before the commands, or with the report.
  let shown = false;
  if (opts.command !== undefined || !io.stdinIsTTY) {
    (await import('./check')).printDiagnostics(io, session, diagnostics, 'stderr', opts.quiet);
    shown = true;
    const ran = await runCommands(opts, io, session);
    if (!ran.empty && !opts.report) return ran.status;
  }
  return (await import('./report')).printReport(opts, io, session, shown ? { diagnostics, shown } : diagnostics);
}

/** -e, piped stdin or the terminal loop; `empty` when piped stdin carried no command. */
async function runCommands(opts: Options, io: IO, session: Session): Promise<{ status: number; empty: boolean }> {
  if (opts.command !== undefined) {
    const r = await session.runLine(opts.command, 1);
    session.out.flush();
    return { status: r.failed ? 1 : 0, empty: false };
  }
  if (io.stdinIsTTY) {
    const { runRepl } = await import('./repl/loop');
    await runRepl(session, io);
    session.out.flush();
    return { status: 0, empty: false };
  }
  const r = await runPipe(session, io);
  return { status: 0, empty: r.commands === 0 && !r.quit };
}
