// `--check`: parse a system file and boot a fresh model kernel with it, and
// report everything the kernel and fusion-mdb have to say, in file order.

import { Kernel } from '../kernel/kernel';
import type { Machine } from '../kernel/machine';
import type { ArchId, ReleaseId } from '../kernel/types';
import { bootFromData } from './boot-file';
import { severityOf } from './codes';
import type { Diagnostic } from './diagnostic';

/** Never throws: any bytes give diagnostics. */
export function checkSystemFile(input: string | Uint8Array, path: string, release: ReleaseId = 's10', arch: ArchId = 'sun4v', machine?: Machine): Diagnostic[] {
  return bootFromData(new Kernel(release, arch, machine), input, path);
}

// modsysfile.c read_system_file(): the kernel's words when the file cannot be read.
export function cannotOpen(path: string): Diagnostic {
  return {
    file: path, line: 0, column: 0, severity: severityOf('cannot-open'), code: 'cannot-open',
    message: `cannot open system file: ${path}`, text: '', form: 'warn',
  };
}

/** `--check` exit status: 1 when there are errors (or warnings, with --strict), else 0. */
export function checkStatus(diagnostics: readonly Diagnostic[], strict = false): 0 | 1 {
  return diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning')) ? 1 : 0;
}
