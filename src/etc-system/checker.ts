// `--check`: parse a system file and boot a fresh model kernel with it, and
// report everything the kernel and fusion-mdb have to say, in file order.

import { Kernel } from '../kernel/kernel';
import type { Machine } from '../kernel/machine';
import type { ArchId, ReleaseId } from '../kernel/types';
import { bootFromData, bootParsed } from './boot-file';
import { parseSystemFile } from './parser';
import type { DiagnosticCode, Severity } from './codes';
import type { RuleLevel } from './config';
import { byPlace, makeDiagnostic, revised, type Diagnostic } from './diagnostic';
import { findSuppressions, unsuppressed } from './suppress';

/** Never throws: any bytes give diagnostics. */
export function checkSystemFile(input: string | Uint8Array, path: string, release: ReleaseId = 's10', arch: ArchId = 'sun4v', machine?: Machine): Diagnostic[] {
  return bootFromData(new Kernel(release, arch, machine), input, path);
}

// modsysfile.c read_system_file(): the kernel's words when the file cannot be read.
export function cannotOpen(path: string): Diagnostic {
  return makeDiagnostic(path, 0, 0, 'cannot-open', 'warn', `cannot open system file: ${path}`, '', 0);
}

const RANK: Record<Severity, number> = { note: 0, warning: 1, error: 2 };

/** A finding counts against the failure threshold (checker.md: error by default, warning with --strict). */
export const atOrAbove = (threshold: Severity) => (d: Diagnostic): boolean => RANK[d.severity] >= RANK[threshold];

/** `--check` exit status: 1 when there are errors (or warnings, with --strict), else 0. */
export function checkStatus(diagnostics: readonly Diagnostic[], strict = false): 0 | 1 {
  return diagnostics.some(atOrAbove(strict ? 'warning' : 'error')) ? 1 : 0;
}

export interface CheckSettings {
  /** Per-code severities from .fusion-mdb.json; 'off' drops the code. */
  rules?: Partial<Record<DiagnosticCode, RuleLevel>>;
  /** Honour `* fusion-mdb: disable=` comments (not with --no-inline-config). */
  inline?: boolean;
}

/**
 * `--check` of one file on `kernel` (rebooted from the release defaults): the
 * kernel's and fusion-mdb's diagnostics, less those the file's comments silence,
 * at the severities the config gives, in file order.
 */
export function checkFile(kernel: Kernel, data: Uint8Array, path: string, settings: CheckSettings = {}): Diagnostic[] {
  const parsed = parseSystemFile(data, path);
  let ds = bootParsed(kernel, [parsed]);
  // A file none of whose comments can be a `fusion-mdb:` one is not searched for them.
  if (settings.inline !== false && parsed.mayDisable) {
    const s = findSuppressions(data, path);
    ds = unsuppressed(ds, s);
    if (s.unknown.length) ds = [...ds, ...s.unknown].sort(byPlace);
  }
  const rules = settings.rules;
  if (!rules || Object.keys(rules).length === 0) return ds;
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const level = rules[d.code];
    if (level === 'off') continue;
    out.push(level === undefined ? d : revised(d, { severity: level }));
  }
  return out;
}
