import type { Dcmd, DcmdContext, DcmdResult } from './types';

// ::set, for the debugger options the model has (mdb_set_options in mdb_main.c
// and cmd_set): `-o pager` turns mdb's pager on, `+o pager` off. The pager is
// on by default at a terminal and never runs on a pipe or with -e.

const OPTIONS = ['pager'] as const;

function set(ctx: DcmdContext): DcmdResult {
  const s = ctx.session;
  const words = ctx.args;
  if (words.length === 0) return 'usage';
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const flag = w.slice(0, 2);
    if (flag !== '-o' && flag !== '+o') return 'usage';
    const value = w.length > 2 ? w.slice(2) : words[++i];
    if (value === undefined) return 'usage';
    // -o and +o take a comma-separated list, as mdb_set_options reads it
    for (const opt of value.split(',')) {
      if (!(OPTIONS as readonly string[]).includes(opt)) {
        s.out.error(`invalid debugger option -- ${opt}`);
        return 'error';
      }
      s.pager = flag === '-o';
    }
  }
  return 'ok';
}

export const SET_DCMDS: readonly Dcmd[] = [
  {
    name: 'set', args: '[-wF] [+/-o opt] [-s dist] [-I path] [-L path] [-P prompt]', address: 'none',
    description: 'get/set debugger properties',
    help: 'Set a debugger option: -o OPT turns it on, +o OPT off. The model has one option,\npager: the >> More prompt after a screenful at a terminal (on by default).',
    example: '::set +o pager\n::nm\n::set -o pager', run: set, helpFunc: false,
  },
];
