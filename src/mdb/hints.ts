import { explainUnknown } from '../kernel/explain';
import type { Kernel } from '../kernel/kernel';
import { removedHint } from '../etc-system/hints';

// What fusion-mdb adds after mdb's "unknown symbol name": why the name is not
// there and what to type instead.

export function hintFor(kernel: Kernel, name: string): string | undefined {
  const release = kernel.release;
  const why = explainUnknown(release, name.slice(name.lastIndexOf('`') + 1), kernel.arch.id);
  if (!why) return undefined;
  switch (why.code) {
    case 'ndd-parameter':
      return `hint: ${why.param.name} is an ndd parameter of ${why.param.device}, not a kernel variable; ` +
        `read it with ::ndd ${why.param.device} ${why.param.name}`;
    case 'removed':
      return `hint: ${removedHint(why.entry, release)}`;
    case 'near-miss':
      return `hint: no symbol ${name}; did you mean ${why.entry.name}?`;
    case 'other-arch':
      return `hint: ${why.entry.name} exists only on ${why.entry.arch ?? ''}; this kernel is ${kernel.arch.id} (--arch)`;
  }
}
