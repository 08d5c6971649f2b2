// What the report says of a truss import: the file in a line, each flow, the writes on
// other descriptors, the text not used; and what the trace saw, for the replay.

import type { Evidence } from './replay';
import type { TracedFlow, TrussImport } from './truss';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function flowLine(f: TracedFlow): string {
  const peer = f.peer === null ? 'peer not shown (no -v sockaddr line): modelled as local' : `${f.peer} (${f.address ?? ''})`;
  const extra = [
    f.eagainAt.length ? `${f.eagainAt.length} EAGAIN (the first at write ${f.eagainAt[0]})` : 'no EAGAIN',
    f.blockedAt.length ? `${plural(f.blockedAt.length, 'sleeping write')}` : '',
    f.failed ? `${plural(f.failed, 'write')} failed otherwise` : '',
  ].filter(Boolean).join(', ');
  return `  ${f.name}: ${peer}, ${f.nonblocking ? 'non-blocking' : 'blocking'}, ${plural(f.sizes.length, 'write')} went in, ${extra}`;
}

/** What the report says of an import, and what it saw per flow. */
export function trussEvidence(imp: TrussImport): Evidence {
  const inFlows = imp.flows.reduce((n, f) => n + f.sizes.length + f.eagainAt.length + f.failed, 0);
  const elsewhere = imp.other.reduce((n, o) => n + o.writes, 0);
  const rest = imp.writes - inFlows - elsewhere;
  const summary = [
    `${imp.file}: ${plural(imp.lines, 'line')}, ${plural(imp.calls, 'system call')}, ${plural(imp.writes, 'write call')}: ` +
      `${inFlows} on ${plural(imp.flows.length, 'TCP socket')}, ${elsewhere} on other descriptors${rest > 0 ? `, ${rest} of 0 bytes or unknown size` : ''}`,
    ...imp.flows.map(flowLine),
    ...imp.other.map((o) => `  ${o.pid === null ? '' : `${o.pid}/`}fd${o.fd}: ${plural(o.writes, 'write')}, not modelled: ${o.why}`),
    ...(imp.skippedCount === 0 ? [] : [
      `${plural(imp.skippedCount, 'piece')} of text not used:`,
      ...imp.skipped.slice(0, 5).map((s) => `  line ${s.line}: ${s.why}: ${s.text}`),
      ...(imp.skippedCount > 5 ? [`  ... and ${imp.skippedCount - 5} more`] : []),
    ]),
  ];
  return { kind: 'truss', file: imp.file, summary, flows: imp.flows.map((f) => ({ flow: f.name, eagainAt: f.eagainAt })), latched: [] };
}
