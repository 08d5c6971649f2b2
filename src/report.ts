import { printDiagnostics } from './check';
import type { Diagnostic } from './etc-system/diagnostic';
import { advise } from './fusion/advice';
import { runWorkload } from './fusion/engine';
import { tunablesFromKernel } from './fusion/tunables';
import { CUSTOMER_CASE, type Workload } from './fusion/workload';
import { compareLatched, replay } from './import/replay';
import type { IO } from './io';
import type { Session } from './mdb/session';
import type { Options } from './options';
import { adviceTaken } from './render/fusion-advice';
import { renderReport, reportJson, verdictStatus, verdictText, type ReportJsonExtras } from './render/fusion-report';
import { renderLatched, renderReplay } from './render/replay';

// The batch report: the engine and the tables, loaded only when it is printed.

/** Exit status when --fail-on-eagain finds EAGAIN. */
export const EXIT_EAGAIN = 3;

const diagnosticRow = ({ file, line, column, severity, code, message, hint }: Diagnostic) =>
  ({ file, line, column, severity, code, message, ...(hint ? { hint } : {}) });

/** The report: boot diagnostics, the trace read, one row per flow, the verdict, the replay; or --json. */
type Say = (to: 'stdout' | 'stderr') => boolean;

/** Boot diagnostics for the report; `shown`: already printed (on stderr, before piped commands), so not again. */
type BootSaid = readonly Diagnostic[] | { diagnostics: readonly Diagnostic[]; shown: true };

export function printReport(opts: Options, io: IO, session: Session, said: BootSaid): number {
  const diagnostics = 'shown' in said ? said.diagnostics : said;
  // -q: no hints and no notes; and what stderr already had is not printed twice.
  const say: Say = (to) => !('shown' in said) && printDiagnostics(io, session, diagnostics, to, opts.quiet);
  const evidence = session.evidence;
  if (evidence !== undefined && session.workload === undefined) return printNoFlows(opts, io, session, diagnostics, say);
  const workload: Workload = session.workload ?? CUSTOMER_CASE;
  const tunables = tunablesFromKernel(session.kernel);
  const report = runWorkload(tunables, workload);
  const advice = advise(tunables, workload);
  const replayed = evidence === undefined ? null : replay(tunables, workload, evidence, advice);
  if (opts.json) {
    say('stderr');
    const extras: ReportJsonExtras = {
      diagnostics: diagnostics.map(diagnosticRow),
      verdict: { status: verdictStatus(report), text: verdictText(report, advice) },
      advice,
      trace: evidence === undefined ? null : {
        kind: evidence.kind, file: evidence.file, summary: evidence.summary, replay: replayed ?? [],
        latched: compareLatched(tunables, workload, evidence),
      },
    };
    io.stdout.write(`${JSON.stringify({ ...reportJson(report, tunables, opts.release, opts.arch), ...extras }, null, 2)}\n`);
  } else {
    if (say('stdout')) io.stdout.write('\n');
    if (evidence !== undefined) io.stdout.write(`${evidence.summary.join('\n')}\n\n`);
    io.stdout.write(renderReport(report, session.theme, advice));
    if (evidence !== undefined && replayed !== null) {
      io.stdout.write(`\n${renderReplay(evidence.file, opts.release, replayed, adviceTaken(advice))}`);
      const latched = renderLatched(compareLatched(tunables, workload, evidence));
      if (latched) io.stdout.write(`\n${latched}`);
    }
  }
  return opts.failOnEagain && report.flows.some((f) => f.eagain > 0) ? EXIT_EAGAIN : 0;
}

/** A trace with no write on a TCP socket: what it holds, and nothing to replay. */
function printNoFlows(opts: Options, io: IO, session: Session, diagnostics: readonly Diagnostic[], say: Say): number {
  const ev = session.evidence as NonNullable<Session['evidence']>;
  const none = 'no TCP socket took a write in this trace: nothing to replay';
  const latched = compareLatched(tunablesFromKernel(session.kernel), null, ev);
  if (opts.json) {
    say('stderr');
    io.stdout.write(`${JSON.stringify({ release: opts.release, arch: opts.arch, diagnostics: diagnostics.map(diagnosticRow), flows: [],
      verdict: { status: 'ok', text: none }, advice: null, trace: { kind: ev.kind, file: ev.file, summary: ev.summary, replay: [], latched } }, null, 2)}\n`);
    return 0;
  }
  if (say('stdout')) io.stdout.write('\n');
  const compared = renderLatched(latched);
  io.stdout.write(`${ev.summary.join('\n')}\n\n${none}\n${compared ? `\n${compared}` : ''}`);
  return 0;
}
