import { codePage } from './etc-system/code-page';
import { CODE_NAMES, isCode } from './etc-system/codes';
import type { IO } from './io';
import { EXIT_USAGE } from './options';

// `fusion-mdb --explain CODE`: the documentation page of a check code.

export function runExplain(code: string, io: IO): number {
  if (!isCode(code)) {
    io.stderr.write(`fusion-mdb: no check has the code '${code}'\n  hint: the codes are ${CODE_NAMES.join(', ')}\n`);
    return EXIT_USAGE;
  }
  io.stdout.write(codePage(code));
  return 0;
}
