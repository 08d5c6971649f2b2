import { getopts } from './getopts';
import { properties } from './set-properties';
import type { Dcmd, DcmdContext, DcmdResult } from './types';

// ::set (cmd_set, mdb_set.c): with no arguments it prints the debugger and
// target properties (set-properties.ts). Of its options the model has -o and
// +o (mdb_set_options; the one option is pager), -w and +w (the target opened
// for writing, or not: as $W) and -P (the prompt). -F, -W, -I, -L, -s and -D
// change nothing the model has, so they are refused with the usage message.

const OPTIONS = ['pager'] as const;
/** MDB_PROMPTLEN (mdb.h). */
const PROMPT_MAX = 35;

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

interface SetRequest {
  on?: string;
  off?: string;
  write?: boolean;
  prompt?: string;
}

/**
 * cmd_set's argument loop: mdb_getopts reads `-w`, `-o LIST`, `-P PROMPT`
 * (grouped or attached as usual); where it stops, `+w` and `+o LIST` are taken
 * as words of their own and getopts goes on. The last value of an option wins.
 */
function parse(words: readonly string[]): SetRequest | 'usage' {
  const req: SetRequest = {};
  let rest = words;
  let minusW = false;
  let plusW = false;
  for (;;) {
    const p = getopts(rest, { w: false, o: true, P: true });
    if (p === 'usage') return 'usage';
    if (p.options.has('w')) minusW = true;
    const on = p.options.get('o');
    if (typeof on === 'string') req.on = on;
    const prompt = p.options.get('P');
    if (typeof prompt === 'string') req.prompt = prompt;
    const [word, next, ...more] = p.args;
    if (word === undefined) break;
    if (word === '+w') {
      plusW = true;
      rest = p.args.slice(1);
    } else if (word === '+o' && next !== undefined) {
      req.off = next;
      rest = more;
    } else {
      return 'usage';
    }
  }
  if (minusW && plusW) return 'usage';
  if (minusW || plusW) req.write = minusW;
  return req;
}

function set(ctx: DcmdContext): DcmdResult {
  const s = ctx.session;
  if (ctx.args.length === 0) {
    s.out.raw(properties(s, ctx.pipeOut));
    return 'ok';
  }
  // every argument is read before anything changes: a bad one leaves the session as it was
  const req = parse(ctx.args);
  if (req === 'usage') return 'usage';
  if (req.write !== undefined) s.writable = req.write;
  // -o before +o, and both before -P, as cmd_set applies them
  if (req.on !== undefined) setOptions(ctx, req.on, true);
  if (req.off !== undefined) setOptions(ctx, req.off, false);
  if (req.prompt !== undefined) {
    // mdb_set_prompt refuses a long one and keeps the old; the dcmd still succeeds
    if (req.prompt.length > PROMPT_MAX) s.out.error(`prompt may not exceed ${PROMPT_MAX} characters`);
    else s.prompt = req.prompt.replace(/%%/g, '%');
  }
  return 'ok';
}

export const SET_DCMDS: readonly Dcmd[] = [
  {
    name: 'set', args: '[-wF] [+/-o opt] [-s dist] [-I path] [-L path] [-P prompt]', address: 'none',
    description: 'get/set debugger properties',
    help: 'With no arguments, print the debugger and target properties as mdb -k does:\n' +
      'macro and module paths, symbol matching distance, array print limits, the\n' +
      'prompt, the debugger options that are on, and whether the target is read-only.\n' +
      '-o OPT turns a debugger option on, +o OPT off; the model has one option,\n' +
      'pager: the >> More prompt after a screenful at a terminal (on by default).\n' +
      '-w opens the target for writing (as $W), +w makes it read-only again.\n' +
      '-P sets the prompt.',
    example: '::set\n::set +o pager\n::nm\n::set -o pager\n::set -P "kvm> "', run: set, helpFunc: false,
  },
];
