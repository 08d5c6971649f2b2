import type { Workload } from '../fusion/workload';
import { dtraceEvidence, dtraceWorkload, importDtrace } from './dtrace';
import type { Evidence } from './replay';
import { importTruss, isImportError, traceWorkload, type ImportError } from './truss';
import { trussEvidence } from './truss-evidence';

export type TraceKind = 'truss' | 'dtrace';
export const TRACE_KINDS: readonly TraceKind[] = ['truss', 'dtrace'];

/** A trace read: what it saw, and its workload (null when no socket took a write). */
export interface Imported {
  evidence: Evidence;
  workload: Workload | null;
}

const workloadName = (file: string): string => file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'trace';

/** Reads a trace of either kind; never throws. */
export function importTrace(kind: TraceKind, text: string, file: string): Imported | ImportError {
  if (kind === 'truss') {
    const imp = importTruss(text, file);
    if (isImportError(imp)) return imp;
    return { evidence: trussEvidence(imp), workload: traceWorkload(imp, workloadName(file)) };
  }
  const imp = importDtrace(text, file);
  if (isImportError(imp)) return imp;
  return { evidence: dtraceEvidence(imp), workload: dtraceWorkload(imp, workloadName(file)) };
}

export { isImportError, type ImportError };
