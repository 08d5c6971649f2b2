import { readBootFiles } from './boot-files';
import { cannotOpenWhy, printDiagnostics } from './check';
import type { Diagnostic } from './etc-system/diagnostic';
import { loadWorkloadFile } from './fusion/workload-file';
import type { IO } from './io';
import type { Session } from './mdb/session';
import { EXIT_USAGE, type Options } from './options';

// The batch ways in: booting from --etc-system and loading --workload. Loaded
// only when one of those options is given; the report itself is src/report.ts.

/**
 * Boots the session's kernel from --etc-system (with --system-d fragments) or
 * --root: the files become the boot of later ::reboot. Returns the
 * diagnostics (none without a boot file), or an exit status when the files
 * cannot be read.
 */
export async function bootFromOption(opts: Options, io: IO, session: Session): Promise<Diagnostic[] | number> {
  const files = await readBootFiles(opts, io);
  if ('none' in files) return [];
  if ('usage' in files) {
    io.stderr.write(`fusion-mdb: ${files.usage}\n`);
    return EXIT_USAGE;
  }
  if ('cannotOpen' in files) {
    printDiagnostics(io, session, [await cannotOpenWhy(io, files.cannotOpen)], 'stderr');
    return EXIT_USAGE;
  }
  session.boots.next = files.boot;
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
