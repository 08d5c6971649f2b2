import { CUSTOMER_CASE } from '../../fusion/workload';
import type { Dcmd, DcmdContext, DcmdResult } from './types';

// ::wizard (issue 5): builds a workload by asking, runs it, offers to save it.
// The prompts (src/wizard, @inquirer/prompts) load only when it runs.

export const NEEDS_TERMINAL = '::wizard needs a terminal; write the workload as JSON and use ::run -w FILE';

async function wizard({ session, args }: DcmdContext): Promise<DcmdResult> {
  if (args.length > 0) return 'usage';
  const lend = session.lendTerminal;
  if (!session.interactive || lend === undefined) {
    session.out.error(NEEDS_TERMINAL);
    return 'error';
  }
  session.out.flush();
  try {
    const { runWizard } = await import('../../wizard/index');
    const defaults = session.workload ?? CUSTOMER_CASE;
    const r = await lend((t) => runWizard({ ...t, kernel: session.kernel, theme: session.theme, fs: session.fs, pid: session.pid, defaults }));
    if (r === 'cancelled') {
      session.out.line('wizard cancelled; the workload is unchanged');
      return 'ok';
    }
    session.workload = r.workload;
    const saved = r.savedTo === undefined ? 'not saved' : `saved to ${r.savedTo}`;
    session.out.line(`workload ${r.workload.name} is now the session's workload (${saved})`);
    return 'ok';
  } catch (e) {
    // Never a stack trace at the prompt: the session goes on.
    session.out.error(`::wizard: ${e instanceof Error ? e.message : String(e)}`);
    return 'error';
  }
}

export const WIZARD_DCMDS: readonly Dcmd[] = [{
  name: 'wizard',
  args: '',
  address: 'none',
  description: 'build a workload by answering questions, run it, save it as JSON',
  help:
    'Ask for a workload: its flows and, for each, the peer, the write sizes, bursts, write mode,\n' +
    'reader policy, socket options, fusion exceptions and an IP Filter drop. Every default is the\n' +
    "session's workload (at first the customer case). Run it on the live tunables, print the report,\n" +
    'and offer to save it as JSON for ::run -w or --workload; an existing file is replaced only\n' +
    "after you say so. The new workload becomes the session's. Ctrl-C returns to the prompt.\n" +
    'Needs a terminal.',
  example: '::wizard',
  run: wizard,
}];
