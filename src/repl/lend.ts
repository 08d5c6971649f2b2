import type { Interface } from 'node:readline';
import { ReadStream } from 'node:tty';
import type { IO } from '../io';
import type { LendTerminal } from '../terminal';

type Listener = (...args: unknown[]) => void;

/**
 * How the REPL gives the terminal to ::wizard, whose prompts each open their own
 * readline on the same stdin. Pausing our readline is not enough: a paused
 * readline still handles every keypress the stream emits once another reader
 * resumes it, and would take the wizard's answers for mdb commands. So while the
 * wizard runs, our readline's keypress listeners are taken off stdin; afterwards
 * they go back, and raw mode too (a closing readline leaves the terminal cooked).
 */
export function lender(rl: Interface, io: IO): LendTerminal {
  return async (use) => {
    rl.pause();
    const ours = io.stdin.listeners('keypress') as Listener[];
    for (const l of ours) io.stdin.removeListener('keypress', l);
    try {
      return await use({ input: io.stdin, output: io.stdout });
    } finally {
      for (const l of ours) io.stdin.on('keypress', l);
      if (io.stdin instanceof ReadStream && io.stdin.isTTY) io.stdin.setRawMode(true);
      rl.resume();
    }
  };
}
