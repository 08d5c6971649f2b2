import { properties } from './set-properties';
import type { Dcmd, DcmdContext, DcmdResult } from './types';

// ::set (cmd_set, mdb_set.c): with no arguments it prints the debugger and
// target properties (set-properties.ts); with `-o pager` it turns mdb's pager
// on, `+o pager` off (mdb_set_options). The pager is on by default and only
// ever runs at a terminal: never on a pipe or with -e.

const OPTIONS = ['pager'] as const;

/**
 * mdb_set_options: each comma-separated option is applied or warned about on
 * its own (`opt=arg` to an option that takes none is refused by name), and
 * cmd_set ignores the outcome, so the dcmd succeeds either way.
 */
function setOptions(ctx: DcmdContext, list: string, enable: boolean): void {
  for (const item of list.split(',').filter((o) => o !== '')) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    if (!(OPTIONS as readonly string[]).includes(name)) ctx.session.out.error(`invalid debugger option -- ${name}`);
    else if (eq >= 0) ctx.session.out.error(`option does not accept an argument -- ${name}`);
    else ctx.session.pager = enable;
  }
}

function set(ctx: DcmdContext): DcmdResult {
  const s = ctx.session;
  const words = ctx.args;
  if (words.length === 0) {
    s.out.raw(properties(s, ctx.pipeOut));
    return 'ok';
  }
  // every argument is read before anything changes: a bad one leaves the session as it was
  const lists: (readonly [string, boolean])[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    // mdb_getopts takes `-o pager` and `-opager`; `+o` is matched by cmd_set as a word of its own
    const joined = w.startsWith('-o') && w.length > 2;
    if (w !== '-o' && w !== '+o' && !joined) return 'usage';
    const value = joined ? w.slice(2) : words[++i];
    if (value === undefined) return 'usage';
    lists.push([value, w.startsWith('-')]);
  }
  for (const [list, enable] of lists) setOptions(ctx, list, enable);
  return 'ok';
}

export const SET_DCMDS: readonly Dcmd[] = [
  {
    name: 'set', args: '[-wF] [+/-o opt] [-s dist] [-I path] [-L path] [-P prompt]', address: 'none',
    description: 'get/set debugger properties',
    help: 'With no arguments, print the debugger and target properties as mdb -k does:\n' +
      'macro and module paths, symbol matching distance, array print limits, the\n' +
      'prompt, the debugger options that are on, and whether the target is read-only.\n' +
      'Set a debugger option: -o OPT turns it on, +o OPT off. The model has one\n' +
      'option, pager: the >> More prompt after a screenful at a terminal (on by\n' +
      'default).',
    example: '::set\n::set +o pager\n::nm\n::set -o pager', run: set, helpFunc: false,
  },
];
