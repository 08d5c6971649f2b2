// ::tunables: one row per variable or ndd parameter, with its default, what the
// boot file gives it, its live value, and where the live value came from.

import type { Provenance } from '../kernel/types';
import { columns } from './fusion-words';
import type { Theme } from './theme';

export interface TunableRow {
  name: string;
  /** The module of a variable, the device of an ndd parameter. */
  module: string;
  /** Bytes; undefined for an ndd parameter (not a kernel variable). */
  size: number | undefined;
  default: bigint;
  boot: bigint;
  live: bigint;
  source: Provenance;
  /** How the boot worked out the boot value (`derived: ...`), when it did. */
  derived?: string;
}

const HEAD = ['name', 'module', 'size', 'default', 'boot', 'live', 'source'];
const NUMERIC = [false, false, true, true, true, true, false];

const SOURCE: Record<Provenance, string> = { default: 'default', 'etc-system': '/etc/system', mdb: 'mdb', ndd: 'ndd' };

function row(r: TunableRow, theme: Theme): string[] {
  // A live value the next boot does not give back is the one to notice.
  const live = r.live === r.boot ? String(r.live) : theme.warn(String(r.live));
  const source = r.source === 'mdb' || r.source === 'ndd' ? theme.warn(SOURCE[r.source]) : SOURCE[r.source];
  return [r.name, r.module, r.size === undefined ? '-' : String(r.size), String(r.default), String(r.boot), live, source];
}

/** The table, then one line saying what was left out and what a reboot loses. */
export function renderTunables(rows: readonly TunableRow[], total: number, all: boolean, theme: Theme): string {
  const table = rows.length > 0 ? columns(HEAD, rows.map((r) => row(r, theme)), theme, NUMERIC) : '';
  const lost = rows.filter((r) => r.source === 'mdb' || r.source === 'ndd').length;
  const notes = [
    all || rows.length === total ? '' : `${rows.length} of ${total} shown (the fusion variables and what differs from the default); ::tunables -a lists all`,
    lost === 0 ? '' : `${lost} live value${lost === 1 ? '' : 's'} from mdb or ndd will not survive ::reboot; ::persist prints the /etc/system lines that keep the mdb ones`,
  ].filter(Boolean);
  // What the kernel worked out at boot, and from what: param_calc, dnlc_init, arc_init, setupclock.
  const derived = rows.filter((r) => r.derived !== undefined).map((r) => `${r.name} ${r.boot} ${r.derived}`);
  const boot = derived.length ? ['worked out at boot:', ...derived.map((d) => `  ${d}`)].join('\n') : '';
  return [table, boot, ...notes].filter(Boolean).join('\n');
}
