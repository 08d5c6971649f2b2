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

  // iob_pager (mdb_io.c): after a screenful less one line, mdb asks before going on;
  // mdb_module_load_all prints the dmods first. Ctrl-R searches the history.
  it('shows Loading modules, pages ::nm with mdb\'s More prompt, and finds history with Ctrl-R', async () => {
    start('three', 'NO_COLOR=1');
    const first = await waitFor('three', /^>$/m);
    expect(first).toMatch(/^Loading modules: \[ unix krtld genunix specfs dtrace/);
    expect(first).toMatch(/::help explains the commands, ::dcmds lists them, \$q quits\.\n>$/m);
    keys('three', '::nm', 'Enter');
    const page1 = await waitFor('three', /^>> More \[<space>, <cr>, q, n, c, a\] \?/m);
    // 40 rows: 39 lines of output (the first screenful, counted from the command's
    // first line) and the More prompt on the last row
    const lines = page1.split('\n');
    const more = lines.findIndex((l) => l.startsWith('>> More'));
    expect(more).toBe(39);
    expect(lines[0]).toMatch(/^Value {14}Size/);
    keys('three', 'Space');
    // the next screenful: a new More prompt under lines that were not on the first page
    const lastOfPage1 = lines[more - 1] as string;
    let page2 = page1;
    for (let i = 0; i < 200 && (page2 === page1 || !/^>> More/m.test(page2)); i++) {
      await new Promise((r) => setTimeout(r, 50));
      page2 = screen('three');
    }
    expect(page2).toMatch(/^>> More \[<space>, <cr>, q, n, c, a\] \?/m);
    const lines2 = page2.split('\n');
    expect(lines2.indexOf(lastOfPage1)).toBeLessThan(lines2.findIndex((l) => l.startsWith('>> More')) - 30);
    keys('three', 'q');
    await waitFor('three', /^>$/m);
    keys('three', '::status', 'Enter');
    await waitFor('three', /operating system:[^\n]*\n(?:[^>\n][^\n]*\n)*>$/m);
    keys('three', '$d', 'Enter');
    await waitFor('three', /radix = 16 base ten\n>$/m);
    keys('three', 'C-r');
    keys('three', 'stat');
    await waitFor('three', /\(reverse-i-search\)'stat': ::status/);
    keys('three', 'Enter');
    await waitFor('three', /radix = 16 base ten\n> ::status\ndebugging live kernel[^\n]*\noperating system:[^\n]*\n(?:[^>\n][^\n]*\n)*>$/m);
    keys('three', '::set +o pager', 'Enter');
    keys('three', '::nm', 'Enter');
    const all = await waitFor('three', /\|[a-z_0-9]+\n>$/m);
    expect(all).not.toMatch(/>> More/);
    // ::set -P: the next prompt is the new one
    keys('three', '::set -P "kvm> "', 'Enter');
    await waitFor('three', /^kvm>$/m);
    keys('three', '$q', 'Enter');
    await waitFor('three', /EXIT=0/);
  });
});
