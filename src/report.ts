import { printDiagnostics } from './check';
import type { Diagnostic } from './etc-system/diagnostic';
import { advise } from './fusion/advice';
import { runWorkload } from './fusion/engine';
import { tunablesFromKernel } from './fusion/tunables';
import { CUSTOMER_CASE, type Workload } from './fusion/workload';
import type { IO } from './io';
import type { Session } from './mdb/session';
import type { Options } from './options';
import { renderReport, reportJson } from './render/fusion-report';

// The batch report: the engine and the tables, loaded only when it is printed.

/** Exit status when --fail-on-eagain finds EAGAIN. */
export const EXIT_EAGAIN = 3;

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
