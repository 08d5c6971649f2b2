import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { IO } from '../../src/io';
import { main } from '../../src/main';
import { run } from '../helpers/io';
import { FakeTerminal, KEY, memoryFs } from './terminal';

// ::wizard as the session runs it: at the REPL it borrows the terminal and gives
// it back; anywhere else it is one mdb error line.

const NEEDS_TERMINAL = 'mdb: ::wizard needs a terminal; write the workload as JSON and use ::run -w FILE\n';

function terminalSession(): { term: FakeTerminal; stderr: () => string; exit: Promise<number> } {
  const term = new FakeTerminal();
  const err = new PassThrough();
  let stderr = '';
  err.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const io: IO = {
    stdin: term.input, stdout: term.output, stderr: err, env: {},
    stdinIsTTY: true, stdoutIsTTY: false, fs: memoryFs(), hostname: 'lab1',
  };
  return { term, stderr: () => stderr, exit: main(['-k'], io) };
}

/** The mdb prompt is back and reads lines again; `$q` leaves cleanly, and nothing went to stderr. */
async function promptIsBack(term: FakeTerminal, exit: Promise<number>, stderr: () => string): Promise<void> {
  await term.answer('> ', '0t10=D', KEY.enter);
  await term.next('10');
  await term.answer('> ', '$q', KEY.enter);
  expect(await exit).toBe(0);
  expect(stderr()).toBe('');
}

describe('::wizard in the session', () => {
  it('is one mdb error line when commands come from a pipe', async () => {
    const r = await run(['-k'], '::wizard\n0t10=D\n');
    expect(r.stderr).toBe(NEEDS_TERMINAL);
    expect(r.stdout).toContain('10');
  });

  it('is the same error with -e, where no prompt can lend the terminal', async () => {
    const r = await run(['-k', '-e', '::wizard'], '', { stdinIsTTY: true });
    expect(r.stderr).toBe(NEEDS_TERMINAL);
    expect(r.code).toBe(1);
  });

  it('takes arguments as a usage error', async () => {
    const r = await run(['-k'], '::wizard now\n');
    expect(r.stderr).toBe("Usage: wizard \nmdb: try '::help wizard' for more information\n");
  });

  it('at the prompt, the answers go to the wizard and never to mdb', async () => {
    const { term, stderr, exit } = terminalSession();
    await term.answer('> ', '::wizard', KEY.enter);
    // Typed at the mdb prompt, this name would be an unknown symbol.
    await term.answer('Workload name', 'nosuchsym', KEY.enter);
    await term.answer('How many flows', '1', KEY.enter);
    await term.answer('Flow 1: name', KEY.enter);
    for (const q of ['the peer is', 'write sizes', 'bursts', 'writes per burst', 'the writes are', 'the reader reads', 'set socket options']) {
      await term.answer(`local: ${q}`, KEY.enter);
    }
    await term.answer('Save this workload as JSON?', 'n', KEY.enter);
    await term.next("workload nosuchsym is now the session's workload (not saved)");
    await promptIsBack(term, exit, stderr);
    expect(term.screen).not.toContain('> nosuchsym');
  });

  it('Ctrl-C in the wizard returns to the prompt and the session goes on', async () => {
    const { term, stderr, exit } = terminalSession();
    await term.answer('> ', '::wizard', KEY.enter);
    await term.answer('Workload name', KEY.ctrlC);
    await term.next('wizard cancelled; the workload is unchanged');
    await promptIsBack(term, exit, stderr);
  });
});
