import { importTrace, isImportError, TRACE_KINDS, type TraceKind } from '../../import';
import { readUserFile } from '../../io';
import { orList } from './fusion-common';
import type { DcmdContext, DcmdResult } from './types';

// ::import truss FILE, ::import dtrace FILE: a trace becomes the session workload, and
// ::run then compares the model with what the trace saw.

export async function importDcmd(ctx: DcmdContext): Promise<DcmdResult> {
  if (ctx.args.length !== 2) return 'usage';
  const [kind, path] = ctx.args as [string, string];
  const s = ctx.session;
  if (!(TRACE_KINDS as readonly string[]).includes(kind)) {
    s.out.error(`cannot import "${kind}": the kinds are ${orList(TRACE_KINDS)}`);
    return 'error';
  }
  const read = await readUserFile(s.fs, path);
  if ('cannotOpen' in read) {
    s.out.error(`cannot open ${kind} file: ${path}`);
    if (read.hint !== undefined) s.out.note(`hint: ${read.hint}`);
    return 'error';
  }
  const r = importTrace(kind as TraceKind, Buffer.from(read.data).toString('utf8'), path);
  if (isImportError(r)) {
    s.out.error(r.error);
    return 'error';
  }
  for (const line of r.evidence.summary) s.out.line(line);
  if (r.workload === null) {
    s.out.line('no TCP socket took a write in this trace: the session workload is unchanged');
    return 'ok';
  }
  s.workload = r.workload;
  s.evidence = r.evidence;
  s.out.line(`the session workload is now ${r.workload.name} (${r.workload.flows.map((f) => f.name).join(', ')}): ::run replays it`);
  return 'ok';
}
