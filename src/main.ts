import type { IO } from './io';
import { Kernel } from './kernel/kernel';
import { Output } from './mdb/output';
import { Session } from './mdb/session';
import { parseOptions, type Options } from './options';
import { runPipe } from './pipe';

// main(argv, io) -> exit status: options, then one of check / -e / pipe / repl / batch.

function makeSession(opts: Options, io: IO, kernel: Kernel): Session {
  const out = new Output((s) => io.stdout.write(s), (s) => io.stderr.write(s), opts.quiet);
  return new Session({
    kernel,
    out,
    writable: opts.writable,
    interactive: io.stdinIsTTY,
    hostname: io.hostname ?? 'localhost',
  });
}

export async function main(argv: readonly string[], io: IO): Promise<number> {
  const opts = parseOptions(argv, io);
  if (typeof opts === 'number') return opts;
  const kernel = new Kernel(opts.release, opts.arch);
  const session = makeSession(opts, io, kernel);
  if (opts.command !== undefined) {
    const r = await session.runLine(opts.command, 1);
    session.out.flush();
    return r.failed ? 1 : 0;
  }
  if (io.stdinIsTTY) {
    const { runRepl } = await import('./repl/loop');
    await runRepl(session, io);
    session.out.flush();
    return 0;
  }
  await runPipe(session, io);
  return 0;
}
