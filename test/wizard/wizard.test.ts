import { describe, expect, it } from 'vitest';
import { CUSTOMER_CASE, isWorkloadError, parseWorkload, type Workload } from '../../src/fusion/workload';
import type { FileSystem } from '../../src/io';
import { Kernel } from '../../src/kernel/kernel';
import { PLAIN } from '../../src/render/theme';
import { runWizard, type WizardResult } from '../../src/wizard/index';
import { FakeTerminal, KEY, memoryFs } from './terminal';

// The wizard in-process, driven key by key as a user at a terminal would.

function start(fs: FileSystem = memoryFs(), defaults: Workload = CUSTOMER_CASE): { term: FakeTerminal; done: Promise<WizardResult> } {
  const term = new FakeTerminal();
  const done = runWizard({ input: term.input, output: term.output, kernel: new Kernel('s10', 'sun4v'), theme: PLAIN, fs, defaults });
  return { term, done };
}

const FLOW_QUESTIONS = ['the peer is', 'write sizes in bytes', 'bursts', 'writes per burst', 'the writes are', 'the reader reads', 'set socket options'];

/** Enter on every question of flow `n` named `name`. */
async function acceptFlow(term: FakeTerminal, n: number, name: string): Promise<void> {
  await term.answer(`Flow ${n}: name`, KEY.enter);
  for (const q of FLOW_QUESTIONS) await term.answer(`${name}: ${q}`, KEY.enter);
}

async function acceptCustomerCase(term: FakeTerminal): Promise<void> {
  await term.answer('Workload name', KEY.enter);
  await term.answer('How many flows', KEY.enter);
  await acceptFlow(term, 1, 'local');
  await acceptFlow(term, 2, 'remote');
}

describe('::wizard dialogue', () => {
  it('accepting every default gives the customer case and its report', async () => {
    const { term, done } = start();
    await acceptCustomerCase(term);
    await term.answer('Save this workload as JSON?', 'n', KEY.enter);
    expect(await done).toEqual({ workload: CUSTOMER_CASE });
    expect(term.screen).toContain('local  yes   49152  24576      8  24000   2000     9     0      0 count eagain');
    expect(term.screen).toContain('Flow local, fused, gets 2000 EAGAIN (the first at write 9)');
    expect(term.screen).toContain('Try "tcp_fusion_rcv_unread_min/W 0t24"');
  });

  it('a new pattern and burst count make the workload', async () => {
    const { term, done } = start();
    await term.answer('Workload name', 'small-writes', KEY.enter);
    await term.answer('How many flows', '1', KEY.enter);
    await term.answer('Flow 1: name', KEY.enter);
    await term.answer('local: the peer is', KEY.enter);
    await term.answer('local: write sizes in bytes', '100, 0x200,300', KEY.enter);
    await term.answer('local: bursts', '50', KEY.enter);
    await term.answer('local: writes per burst', '6', KEY.enter);
    await term.answer('local: the writes are', KEY.down, KEY.enter);
    await term.answer('local: the reader reads', KEY.down, KEY.enter);
    await term.answer('after every N writes; N', '3', KEY.enter);
    await term.answer('local: set socket options', KEY.enter);
    await term.answer('Save this workload as JSON?', 'n', KEY.enter);
    expect(await done).toEqual({
      workload: {
        name: 'small-writes',
        flows: [{ name: 'local', peer: 'local', pattern: [100, 512, 300], bursts: 50, burstWrites: 6, mode: 'blocking', reader: { every: 3 } }],
      },
    });
  });

  it('options, exceptions and an IP Filter drop are asked only when wanted', async () => {
    const { term, done } = start();
    await term.answer('Workload name', KEY.enter);
    await term.answer('How many flows', '1', KEY.enter);
    await term.answer('Flow 1: name', KEY.enter);
    for (const q of FLOW_QUESTIONS.slice(0, -1)) await term.answer(`local: ${q}`, KEY.enter);
    await term.answer('local: set socket options', 'y', KEY.enter);
    await term.answer('local: SO_SNDBUF', '393216', KEY.enter);
    await term.answer('local: SO_RCVBUF', KEY.enter);
    await term.answer('local: the receiver is', KEY.down, KEY.enter);
    await term.answer('local: what keeps the pair unfused', KEY.down, KEY.space, KEY.enter);
    await term.answer('local: an IP Filter rule drops', '100', KEY.enter);
    await term.answer('Save this workload as JSON?', 'n', KEY.enter);
    const r = await done;
    expect(r !== 'cancelled' && r.workload.flows[0]).toMatchObject({ sndbuf: 393216, receiver: 'tli', ipqos: true, ipfilterDropAt: 100 });
    expect(r !== 'cancelled' && r.workload.flows[0]).not.toHaveProperty('rcvbuf');
  });

  it('refuses a bad answer in place and takes the corrected one', async () => {
    const { term, done } = start();
    await term.answer('Workload name', KEY.enter);
    await term.answer('How many flows', '1', KEY.enter);
    await term.answer('Flow 1: name', KEY.enter);
    await term.answer('local: the peer is', KEY.enter);
    await term.answer('local: write sizes in bytes', '12, 69x', KEY.enter);
    await term.next('> write size 2: "69x" is not a positive integer (decimal, or hex with 0x)');
    term.type(KEY.backspace, '6', KEY.enter);
    await term.answer('local: bursts', '0', KEY.enter);
    await term.next('> give a positive integer: 0 is not allowed here');
    term.type(KEY.backspace, '10', KEY.enter);
    for (const q of FLOW_QUESTIONS.slice(3)) await term.answer(`local: ${q}`, KEY.enter);
    await term.answer('Save this workload as JSON?', 'n', KEY.enter);
    const r = await done;
    expect(r !== 'cancelled' && r.workload.flows[0]).toMatchObject({ pattern: [12, 696], bursts: 10 });
  });

  it('refuses a second flow with the first one\'s name', async () => {
    const { term, done } = start();
    await term.answer('Workload name', KEY.enter);
    await term.answer('How many flows', KEY.enter);
    await acceptFlow(term, 1, 'local');
    await term.answer('Flow 2: name', 'local', KEY.enter);
    await term.next('> flow 1 is already called local: flow names must differ');
    term.type(KEY.ctrlC);
    expect(await done).toBe('cancelled');
  });

  it('Ctrl-C cancels cleanly', async () => {
    const { term, done } = start();
    await term.answer('Workload name', KEY.enter);
    await term.answer('How many flows', KEY.ctrlC);
    expect(await done).toBe('cancelled');
    expect(term.screen).not.toMatch(/Error|at .*\.js/);
  });
});

/** The customer case, then yes to saving it, into `file` (typed; enter alone takes the default). */
async function saveCustomerCase(term: FakeTerminal, ...file: string[]): Promise<void> {
  await acceptCustomerCase(term);
  await term.answer('Save this workload as JSON?', KEY.enter);
  await term.answer('File', ...file, KEY.enter);
}

describe('::wizard saving', () => {
  it('writes JSON that parseWorkload accepts', async () => {
    const fs = memoryFs();
    const { term, done } = start(fs);
    await saveCustomerCase(term);
    await term.next('workload customer-case saved to ./workload.json');
    expect(await done).toEqual({ workload: CUSTOMER_CASE, savedTo: './workload.json' });
    const text = fs.files.get('./workload.json')?.toString('utf8') ?? '';
    const back = parseWorkload(text, './workload.json');
    expect(isWorkloadError(back)).toBe(false);
    expect(back).toEqual(CUSTOMER_CASE);
    expect([...fs.files.keys()]).toEqual(['./workload.json']);
  });

  it('does not replace an existing file when the user says no, and asks again', async () => {
    const fs = memoryFs({ './workload.json': 'keep me\n' });
    const { term, done } = start(fs);
    await saveCustomerCase(term);
    await term.answer('./workload.json exists. Replace it?', KEY.enter);
    await term.answer('Save this workload as JSON?', 'n', KEY.enter);
    expect(await done).toEqual({ workload: CUSTOMER_CASE });
    expect(fs.files.get('./workload.json')?.toString()).toBe('keep me\n');
    expect([...fs.files.keys()]).toEqual(['./workload.json']);
  });

  it('replaces it after a yes, keeping the old one as .bak', async () => {
    const fs = memoryFs({ 'w.json': 'old\n' });
    const { term, done } = start(fs);
    await saveCustomerCase(term, 'w.json');
    await term.answer('w.json exists. Replace it?', 'y', KEY.enter);
    await term.next('workload customer-case saved to w.json (the old file is in w.json.bak)');
    expect(await done).toEqual({ workload: CUSTOMER_CASE, savedTo: 'w.json' });
    expect(fs.files.get('w.json.bak')?.toString()).toBe('old\n');
  });

  it('says why a write failed and asks again', async () => {
    const fs = memoryFs();
    const full: FileSystem = { ...fs, writeFile: async () => Promise.reject(new Error('ENOSPC: no space left on device')) };
    const { term, done } = start(full);
    await saveCustomerCase(term);
    await term.next('cannot write ./workload.json: ENOSPC: no space left on device; ./workload.json is unchanged');
    await term.answer('Save this workload as JSON?', 'n', KEY.enter);
    expect(await done).toEqual({ workload: CUSTOMER_CASE });
    expect([...fs.files.keys()]).toEqual([]);
  });

  it('Ctrl-C at the save question keeps the workload, unsaved', async () => {
    const { term, done } = start();
    await acceptCustomerCase(term);
    await term.answer('Save this workload as JSON?', KEY.ctrlC);
    expect(await done).toEqual({ workload: CUSTOMER_CASE });
  });
});
