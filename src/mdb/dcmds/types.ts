import type { Session } from '../session';

export type DcmdResult = 'ok' | 'error' | 'usage' | 'quit';

export interface DcmdContext {
  session: Session;
  args: string[];
  /** The explicit address (`addr::cmd`), if one was given. */
  addr: bigint | undefined;
  count: bigint | undefined;
}

/** One row of the dcmd table: ::dcmds, ::help and completion are generated from it. */
export interface Dcmd {
  /** `nm` for `::nm`, `$d` for `$d`. */
  name: string;
  /** Arguments after the name in the synopsis, e.g. `[-d]` or `name [variable]`. */
  args: string;
  address: 'none' | 'optional' | 'required';
  /** One line, for ::dcmds. */
  description: string;
  /** A paragraph for ::help NAME. */
  help?: string;
  options?: readonly (readonly [string, string])[];
  example?: string;
  run(ctx: DcmdContext): DcmdResult | Promise<DcmdResult>;
}

/** `[address]::walk name [variable]`. */
export function synopsis(d: Dcmd): string {
  const addr = d.address === 'optional' ? '[address]' : d.address === 'required' ? 'address' : '';
  const name = d.name.startsWith('$') ? d.name : `::${d.name}`;
  return `${addr}${name}${d.args ? ` ${d.args}` : ''}`;
}
