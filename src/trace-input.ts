import { importTrace, isImportError, type TraceKind } from './import';
import { readUserFile, type IO } from './io';
import type { Session } from './mdb/session';
import { EXIT_USAGE, type Options } from './options';

// --truss FILE and --dtrace FILE: the trace becomes the session's workload and evidence.
// Loaded only when one of them is given.

async function loadOne(kind: TraceKind, path: string, io: IO, session: Session): Promise<number> {
  const read = await readUserFile(io.fs, path);
  if ('cannotOpen' in read) {
    io.stderr.write(`fusion-mdb: cannot open ${kind} file: ${path}\n${read.hint === undefined ? '' : `  hint: ${read.hint}\n`}`);
    return EXIT_USAGE;
  }
  const r = importTrace(kind, Buffer.from(read.data).toString('utf8'), path);
  if (isImportError(r)) {
    io.stderr.write(`fusion-mdb: ${r.error}\n`);
    return EXIT_USAGE;
  }
  session.evidence = r.evidence;
  if (r.workload !== null) session.workload = r.workload;
  return 0;
}

/** Loads --truss and --dtrace (the last one read wins the workload); an exit status. */
export async function loadTraces(opts: Options, io: IO, session: Session): Promise<number> {
  if (opts.workload !== undefined) {
    io.stderr.write('fusion-mdb: --workload and a trace (--truss, --dtrace) both give the workload: use one\n');
    return EXIT_USAGE;
  }
  for (const [kind, path] of [['truss', opts.truss], ['dtrace', opts.dtrace]] as const) {
    if (path === undefined) continue;
    const status = await loadOne(kind, path, io, session);
    if (status !== 0) return status;
  }
  return 0;
}
