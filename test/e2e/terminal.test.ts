import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The real binary in a real terminal (tmux): the prompt, Tab completion, history
// recalled by a second session, Ctrl-C keeping the session (and leaving ::wizard),
// clean exits, and no
// colour escapes under NO_COLOR. CI installs tmux (.ci/run); without it the
// suite is skipped only outside CI.

const BIN = join(__dirname, '../../bin/fusion-mdb.cjs');
const SOCKET = `fusion-mdb-test-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const suite = hasTmux || process.env.CI ? describe : describe.skip;
const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-tty-'));
const HISTORY = join(dir, 'history');

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Starts fusion-mdb in a fresh tmux window; the pane stays after it exits, showing its status. */
function start(name: string, env: string): void {
  const cmd = `env ${env} FUSION_MDB_HISTORY=${HISTORY} ${process.execPath} ${BIN}; echo EXIT=$?; sleep 30`;
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '40', cmd);
  tmux('pipe-pane', '-t', name, '-o', `cat >> ${join(dir, `${name}.raw`)}`);
}

const screen = (name: string): string => tmux('capture-pane', '-p', '-t', name);
const keys = (name: string, ...k: string[]): string => tmux('send-keys', '-t', name, ...k);

async function waitFor(name: string, re: RegExp, ms = 10_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const s = screen(name);
    if (re.test(s)) return s;
    if (Date.now() > end) throw new Error(`timed out waiting for ${re} in:\n${s}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
});

suite('fusion-mdb at a terminal', () => {
  it('prompts, completes with Tab, survives Ctrl-C and leaves cleanly with $q', async () => {
    start('one', 'NO_COLOR=1');
    await waitFor('one', /\$q quits\.\n>$/m);
    keys('one', 'tcp_fusion_rcv_u', 'Tab');
    await waitFor('one', /^> tcp_fusion_rcv_unread_min$/m);
    keys('one', '/D', 'Enter');
    await waitFor('one', /^tcp_fusion_rcv_unread_min: {6}8/m);
    keys('one', 'this line is abandoned', 'C-c');
    await waitFor('one', /^> this line is abandoned\^C\n>$/m);
    keys('one', 'do_tcp_fusion/D', 'Enter');
    await waitFor('one', /^do_tcp_fusion: {2}1/m);
    keys('one', '::wizard', 'Enter');
    await waitFor('one', /Workload name/);
    keys('one', 'C-c');
    await waitFor('one', /wizard cancelled[^\n]*\n>$/m);
    keys('one', '$q', 'Enter');
    const s = await waitFor('one', /EXIT=\d+/);
    expect(s).toMatch(/> \$q\n\nEXIT=0/);
    const raw = readFileSync(join(dir, 'one.raw'), 'latin1');
    // NO_COLOR: readline moves the cursor, but nothing is coloured.
    expect(raw).not.toMatch(/\x1b\[[0-9;]*m/);
  });

  it('recalls the history of the first session and leaves with Ctrl-D on its own line', async () => {
    start('two', 'NO_COLOR=1');
    await waitFor('two', /^>$/m);
    keys('two', 'Up');
    await waitFor('two', /^> \$q$/m);
    keys('two', 'Up');
    await waitFor('two', /^> ::wizard$/m);
    keys('two', 'Up');
    await waitFor('two', /^> do_tcp_fusion\/D$/m);
    keys('two', 'C-c');
    await waitFor('two', /^>$/m);
    keys('two', 'C-d');
    const s = await waitFor('two', /EXIT=\d+/);
    expect(s).toMatch(/\n>\nEXIT=0/);
    expect(readFileSync(HISTORY, 'utf8')).toBe('tcp_fusion_rcv_unread_min/D\ndo_tcp_fusion/D\n::wizard\n$q\n');
  });
});
