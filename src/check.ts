import { bootFromFiles } from './etc-system/boot-file';
import { cannotOpen, checkStatus } from './etc-system/checker';
import type { Diagnostic } from './etc-system/diagnostic';
import { fileKind, notRegularHint, type IO } from './io';
import { Kernel } from './kernel/kernel';
import { bootFiles, type Session } from './mdb/session';
import { EXIT_USAGE, type Options } from './options';
import { diagnosticsJson, renderDiagnostics } from './render/diagnostics';

// `--check`, and the /etc/system reading and printing the batch report shares.
// Kept apart from src/report.ts so a check never loads the engine or cli-table3.

/** Why a path that exists gave no bytes: a directory, or a FIFO or device that a read could wait on forever. */
export async function notRegular(io: IO, path: string): Promise<string | undefined> {
  return notRegularHint(path, await fileKind(io.fs, path));
}

/** The kernel's "cannot open system file", with our reason when there is one. */
export async function cannotOpenWhy(io: IO, path: string): Promise<Diagnostic> {
  const hint = await notRegular(io, path);
  return hint === undefined ? cannotOpen(path) : { ...cannotOpen(path), hint };
}

export function printDiagnostics(io: IO, session: Session, ds: readonly Diagnostic[], to: 'stdout' | 'stderr'): void {
  if (ds.length === 0) return;
  const text = renderDiagnostics(ds, { terminal: session.terminal && to === 'stdout', theme: session.theme });
  (to === 'stdout' ? io.stdout : io.stderr).write(text);
}

/** `--check`: diagnostics only (fragments first, then /etc/system); 0 clean, 1 errors (warnings too with --strict), 2 usage. */
export async function runCheck(opts: Options, io: IO, session: Session): Promise<number> {
  const { readBootFiles } = await import('./boot-files');
  const files = await readBootFiles(opts, io);
  if ('none' in files || 'usage' in files) {
    io.stderr.write(`fusion-mdb: ${'usage' in files ? files.usage : '--check needs --etc-system FILE (or --root DIR)'}\n`);
    return EXIT_USAGE;
  }
  const ds = 'cannotOpen' in files ? [await cannotOpenWhy(io, files.cannotOpen)] : bootFromFiles(new Kernel(opts.release, opts.arch, opts.machine), bootFiles(files.boot));
  if (opts.json) io.stdout.write(diagnosticsJson(ds));
  else printDiagnostics(io, session, ds, 'stdout');
  if ('cannotOpen' in files) return EXIT_USAGE;
  return checkStatus(ds, opts.strict);
}
