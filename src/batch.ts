import { bootFromData } from './etc-system/boot-file';
import { checkStatus, cannotOpen } from './etc-system/checker';
import type { Diagnostic } from './etc-system/diagnostic';
import { advise } from './fusion/advice';
import { runWorkload } from './fusion/engine';
import { tunablesFromKernel } from './fusion/tunables';
import { CUSTOMER_CASE, isWorkloadError, parseWorkload, type Workload } from './fusion/workload';
import { readRegularFile, type IO } from './io';
import { Kernel } from './kernel/kernel';
import type { Session } from './mdb/session';
import { EXIT_USAGE, type Options } from './options';
import { diagnosticsJson, renderDiagnostics } from './render/diagnostics';
import { renderReport, reportJson } from './render/fusion-report';

// The batch ways in: --check, booting from --etc-system, and the fusion report.
// Loaded only when one of those options is given.

/** Exit status when --fail-on-eagain finds EAGAIN. */
export const EXIT_EAGAIN = 3;

/** Why a path that exists gave no bytes: a directory, or a FIFO or device that a read could wait on forever. */
async function notRegular(io: IO, path: string): Promise<string | undefined> {
  try {
    const st = await io.fs.stat(path);
    if (st.isDirectory()) return `${path} is a directory`;
    if (!st.isFile()) return `${path} is not a regular file (a FIFO, socket or device); fusion-mdb reads only regular files, so it never waits on one`;
  } catch { /* missing or unreadable: the message says enough */ }
  return undefined;
}

/** The kernel's "cannot open system file", with our reason when there is one. */
async function cannotOpenWhy(io: IO, path: string): Promise<Diagnostic> {
  const hint = await notRegular(io, path);
  return hint === undefined ? cannotOpen(path) : { ...cannotOpen(path), hint };
}

export function printDiagnostics(io: IO, session: Session, ds: readonly Diagnostic[], to: 'stdout' | 'stderr'): void {
  if (ds.length === 0) return;
  const text = renderDiagnostics(ds, { terminal: session.terminal && to === 'stdout', theme: session.theme });
  (to === 'stdout' ? io.stdout : io.stderr).write(text);
}

/** `--check`: diagnostics only; 0 clean, 1 errors (warnings too with --strict), 2 usage. */
export async function runCheck(opts: Options, io: IO, session: Session): Promise<number> {
  if (opts.etcSystem === undefined) {
    io.stderr.write("fusion-mdb: --check needs --etc-system FILE\n");
    return EXIT_USAGE;
  }
  const data = await readRegularFile(io.fs, opts.etcSystem);
  const ds = data === undefined ? [await cannotOpenWhy(io, opts.etcSystem)] : bootFromData(new Kernel(opts.release, opts.arch), data, opts.etcSystem);
  if (opts.json) io.stdout.write(diagnosticsJson(ds));
  else printDiagnostics(io, session, ds, 'stdout');
  if (data === undefined) return EXIT_USAGE;
  return checkStatus(ds, opts.strict);
}

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
  const data = await readRegularFile(io.fs, opts.workload);
  if (data === undefined) {
    const why = await notRegular(io, opts.workload);
    io.stderr.write(`fusion-mdb: cannot open workload file: ${opts.workload}\n${why === undefined ? '' : `  hint: ${why}\n`}`);
    return EXIT_USAGE;
  }
  const w = parseWorkload(Buffer.from(data).toString('utf8'), opts.workload);
  if (isWorkloadError(w)) {
    io.stderr.write(`fusion-mdb: ${w.error}\n`);
    return EXIT_USAGE;
  }
  session.workload = w;
  return 0;
}

/** The report: boot diagnostics, one row per flow, the verdict; or --json. */
export function printReport(opts: Options, io: IO, session: Session, diagnostics: readonly Diagnostic[]): number {
  const workload: Workload = session.workload ?? CUSTOMER_CASE;
  const tunables = tunablesFromKernel(session.kernel);
  const report = runWorkload(tunables, workload);
  if (opts.json) {
    printDiagnostics(io, session, diagnostics, 'stderr');
    io.stdout.write(`${JSON.stringify(reportJson(report, tunables, opts.release, opts.arch), null, 2)}\n`);
  } else {
    printDiagnostics(io, session, diagnostics, 'stdout');
    if (diagnostics.length) io.stdout.write('\n');
    io.stdout.write(renderReport(report, session.theme, advise(tunables, workload)));
  }
  return opts.failOnEagain && report.flows.some((f) => f.eagain > 0) ? EXIT_EAGAIN : 0;
}
