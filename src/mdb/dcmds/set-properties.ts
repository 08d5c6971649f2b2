import type { Arch } from '../../kernel/types';
import { Iob } from '../iob';
import type { Session } from '../session';

// `::set` with no arguments: the debugger and target properties ::set can
// change, as print_properties (mdb_set.c) prints them. The layout is the same
// in the OpenSolaris source of 2005 and in today's illumos: the two search
// paths one directory a line, a blank line after each, then labels
// right-justified in 26 columns. The option lists are written one piece at a
// time under an indent of 27, so a piece that would pass column 80 starts the
// next line (and the ", " before it stays at the end of the line above).

/** print_properties: labels are `%*s` in this many columns. */
const LABEL_INDENT = 26;
/** print_path: the directories after the first line up under it, 14 columns in. */
const PATH_INDENT = 14;

/** MDB_DEF_IPATH and MDB_DEF_LPATH of a 64-bit mdb (mdb_main.c). */
const MACRO_PATH = '%r/usr/platform/%p/lib/adb/%i:%r/usr/platform/%m/lib/adb/%i:%r/usr/lib/adb/%i';
const MODULE_PATH = '%r/usr/platform/%p/lib/mdb/%t/%i:%r/usr/platform/%m/lib/mdb/%t/%i:%r/usr/lib/mdb/%t/%i';

/**
 * mdb_path_alloc for `mdb -k`: %r is empty (mdb runs from /usr/bin/<isa>, so
 * the root is `/`, which expands to nothing), %p the kernel's platform string,
 * %m the machine from its utsname, %i the target's ISA, %t the target name
 * `kvm`. Directories are not checked or merged: on i86pc, where platform and
 * machine are both `i86pc`, the first two are the same.
 */
export function kvmPath(template: string, arch: Arch): string[] {
  const tokens: Record<string, string> = { r: '', p: arch.platform, m: arch.id, i: arch.isa, t: 'kvm' };
  return template
    .replace(/%([rpmit])/g, (_, t: string) => tokens[t] as string)
    .split(':')
    .filter((dir) => dir !== '');
}

function printPath(label: string, path: readonly string[]): string {
  const [first, ...rest] = path;
  const lines = first === undefined ? [] : [first, ...rest.map((dir) => `${' '.repeat(PATH_INDENT)}${dir}`)];
  return `${label}${lines.map((l) => `${l}\n`).join('')}\n`;
}

/** One option as print_properties writes it: each piece is its own mdb_printf call, checked for wrapping on its own. */
type Option = readonly string[];

/**
 * The debugger options that are on: follow_exec_mode and follow_fork_mode
 * first (both `ask`, mdb_create's zeroed state), then the flags set, in
 * print_properties' order. mdb_create turns on pager, stop_on_bpt_nosym and
 * write_readback; of these only pager can change here (`::set +o pager`). The
 * flag stays set on a pipe too: only the terminal ever pages.
 */
function debuggerOptions(s: Session): Option[] {
  return [
    ['follow_exec_mode=', 'ask'],
    // COMMAFLAG("follow_fork_mode") has no `=`: mdb prints `follow_fork_modeask`
    ['follow_fork_mode', 'ask'],
    ...(s.pager ? [['pager']] : []),
    ['stop_on_bpt_nosym'],
    ['write_readback'],
  ];
}

/** A label and its comma-separated list, wrapping under the list's own start (mdb_inc_indent). */
function optionList(iob: Iob, label: string, options: readonly Option[]): void {
  iob.field(label, LABEL_INDENT, false);
  iob.text(' ');
  iob.setIndent(true);
  options.forEach((pieces, i) => {
    if (i > 0) iob.text(', ');
    for (const piece of pieces) iob.text(piece);
  });
  iob.text('\n');
  iob.setIndent(false);
}

/** What `::set` prints: on a pipe (`::set ! grep`) nothing wraps, as mdb's pipe iob never does. */
export function properties(s: Session, pipeOut: boolean): string {
  const arch = s.kernel.arch;
  // the paths are printed with auto-wrap off, however long they are
  const paths = `\n${printPath('  macro path: ', kvmPath(MACRO_PATH, arch))}${printPath(' module path: ', kvmPath(MODULE_PATH, arch))}`;
  // mdb -s is not modelled: m_symdist stays 0, which prints as 0 in any radix
  const labels = [
    `${'symbol matching distance:'.padStart(LABEL_INDENT)} 0 (smart mode)`,
    // MDB_DEF_ARRMEM and MDB_DEF_ARRSTR (mdb.h); ::print of arrays is not modelled
    `${'array member print limit:'.padStart(LABEL_INDENT)} 32`,
    ' array string print limit: 1024',
    // MDB_DEF_PROMPT unless ::set -P changed it; set whether or not a terminal shows it
    `${'command prompt:'.padStart(LABEL_INDENT)} "${s.prompt}"`,
  ].map((l) => `${l}\n`).join('');
  const iob = new Iob({ autowrap: !pipeOut, margin: LABEL_INDENT + 1 });
  optionList(iob, 'debugger options:', debuggerOptions(s));
  // mdb_tgt_getflags of the kvm target: MDB_TGT_F_RDWR with -w or after $W
  optionList(iob, 'target options:', [[s.writable ? 'read-write' : 'read-only']]);
  return paths + labels + iob.take();
}
