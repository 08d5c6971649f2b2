import { cannotOpenWhy, printDiagnostics } from './check';
import type { Diagnostic } from './etc-system/diagnostic';
import { loadWorkloadFile } from './fusion/workload-file';
import { readRegularFile, type IO } from './io';
import type { Session } from './mdb/session';
import { EXIT_USAGE, type Options } from './options';

// The batch ways in: booting from --etc-system and loading --workload. Loaded
// only when one of those options is given; the report itself is src/report.ts.

/**
 * Boots the session's kernel from --etc-system: the file becomes the boot file
 * of later ::reboot. Returns the diagnostics, or an exit status when the file
 * cannot be opened.
 */
export async function bootFromOption(opts: Options, io: IO, session: Session): Promise<Diagnostic[] | number> {
  const path = opts.etcSystem as string;
  const data = await readRegularFile(io.fs, path);
  if (data === undefined) {
    printDiagnostics(io, session, [await cannotOpenWhy(io, path)], 'stderr');
    return EXIT_USAGE;
  }
  session.boot = { path, data };
  return session.reboot();
}

/** Loads --workload into the session; a bad file is one line naming the field, exit 2. */
export async function loadWorkload(opts: Options, io: IO, session: Session): Promise<number> {
  if (opts.workload === undefined) return 0;
  const r = await loadWorkloadFile(io.fs, opts.workload);
  if ('cannotOpen' in r) {
    io.stderr.write(`fusion-mdb: cannot open workload file: ${opts.workload}\n${r.hint === undefined ? '' : `  hint: ${r.hint}\n`}`);
    return EXIT_USAGE;
  }
  if ('error' in r) {
    io.stderr.write(`fusion-mdb: ${r.error}\n`);
    return EXIT_USAGE;
  }
  session.workload = r.workload;
  return 0;
}
