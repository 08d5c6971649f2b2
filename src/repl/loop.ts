import { createInterface } from 'node:readline';
import type { IO } from '../io';
import type { Session } from '../mdb/session';
import { lender } from './lend';

// The terminal loop: a `> ` prompt, one line at a time. Ctrl-C abandons the
// line and keeps the session, as mdb does; Ctrl-D leaves.

export async function runRepl(session: Session, io: IO): Promise<void> {
  const rl = createInterface({ input: io.stdin, output: io.stdout, prompt: '> ', terminal: true });
  session.lendTerminal = lender(rl, io);
  let lineNo = 0;
  let closing = false;
  rl.on('SIGINT', () => {
    rl.write('', { ctrl: true, name: 'u' });
    io.stdout.write('\n');
    rl.prompt();
  });
  const done = new Promise<void>((resolve) => rl.once('close', () => resolve()));
  // Lines typed (or pasted) while a command runs wait their turn.
  let queue = Promise.resolve();
  rl.prompt();
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      if (closing) return;
      const r = await session.runLine(line, ++lineNo);
      session.out.flush();
      if (r.quit) {
        closing = true;
        rl.close();
        return;
      }
      rl.prompt();
    });
  });
  await done;
  if (!closing) io.stdout.write('\n');
}
