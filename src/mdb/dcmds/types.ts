import type { Session } from '../session';

export type DcmdResult = 'ok' | 'error' | 'usage' | 'quit';

export interface DcmdContext {
  session: Session;
  args: string[];
  /** The explicit address (`addr::cmd`, or one a pipeline passed), if one was given. */
  addr: bigint | undefined;
  count: bigint | undefined;
  /** stdout goes to a pipe (`| stage`, `! shell`): mdb's pipe iob, which never wraps (DCMD_PIPE_OUT). */
  pipeOut: boolean;
  /** The session's dcmd table, for the dcmds that list or describe dcmds (::help, ::dcmds). */
  table: DcmdTable;
}

/** Every dcmd, in ::dcmds order, and lookup by name (`nm`, `::nm`, `$d`). */
export interface DcmdTable {
  readonly list: readonly Dcmd[];
  find(name: string): Dcmd | undefined;
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
  /**
   * Where the dcmd takes a file name (tab completion offers paths there): '' for
   * its first argument (`::etcsystem FILE`), else the word before it: the option
   * that takes one (`-f` for `::persist -f FILE`), or choices split by `|`
   * (`truss|dtrace` for `::import truss FILE`).
   */
  fileArg?: string;
  /**
   * false for the mdb built-ins that have no help function in mdb_cmds.c: their
   * usage message then has no "try '::help NAME'" line (mdb_dcmd_usage).
   */
  helpFunc?: boolean;
  run(ctx: DcmdContext): DcmdResult | Promise<DcmdResult>;
}

/**
 * A dcmd whose code is loaded when it first runs: the row (for ::dcmds, ::help
 * and completion) costs nothing, and a piped `/D` never reads the module.
 */
export const lazyRun = (load: () => Promise<Dcmd['run']>): Dcmd['run'] => async (ctx) => (await load())(ctx);

/** mdb_dcmd_usage: `Usage: [address]::nm [-DPdghnopuvx] ...`; a dcmd taking no address is named bare. */
export function usageLine(d: Dcmd): string {
  const dollar = d.name.startsWith('$');
  const prefix = d.address === 'optional' ? (dollar ? '[address]' : '[address]::')
    : d.address === 'required' ? (dollar ? 'address' : 'address::') : '';
  return `Usage: ${prefix}${d.name} ${d.args}`;
}

/** `[address]::walk name [variable]`. */
export function synopsis(d: Dcmd): string {
  const addr = d.address === 'optional' ? '[address]' : d.address === 'required' ? 'address' : '';
  const name = d.name.startsWith('$') ? d.name : `::${d.name}`;
  return `${addr}${name}${d.args ? ` ${d.args}` : ''}`;
}
