import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The shape of the build that start-up depends on (tsup.config.ts, build/start.cjs).

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'dist');

/** Runs the bin with a hook that lists every module it requires; a child that fails fails the test. */
function loadedBy(args: string[], input: string, status = 0): string[] {
  const hook = join(mkdtempSync(join(tmpdir(), 'fusion-mdb-hook-')), 'hook.cjs');
  writeFileSync(hook, [
    "const Module = require('node:module'); const seen = []; const load = Module._load;",
    'Module._load = function (request, ...rest) { seen.push(request); return load.call(this, request, ...rest); };',
    // Node's own modules (net, stream) load inside Node, past Module._load: moduleLoadList names them.
    "process.on('exit', () => require('node:fs').writeSync(2, `LOADED ${JSON.stringify([...seen, ...process.moduleLoadList])}\\n`));",
  ].join('\n'));
  // --require is a flag the shipped cache was not made with: the cache made for it goes beside the hook.
  const env = { ...process.env, XDG_CACHE_HOME: dirname(hook) };
  const r = spawnSync(process.execPath, ['--require', hook, join(ROOT, 'bin/fusion-mdb.cjs'), ...args], { input, encoding: 'utf8', env });
  expect({ status: r.status, signal: r.signal }, r.stderr).toEqual({ status, signal: null });
  const m = /^LOADED (.*)$/m.exec(r.stderr);
  if (!m) throw new Error(`the child printed no module list: ${r.stderr}`);
  return JSON.parse(m[1] as string) as string[];
}

describe('the built bundle', () => {
  it('has no native import(): a script run from a code cache could not resolve it', () => {
    expect(readFileSync(join(DIST, 'fusion-mdb.cjs'), 'utf8')).not.toMatch(/\bimport\(/);
  });

  it('is ASCII: the starter reads it as latin1, which copies it rather than decoding UTF-8', () => {
    expect(readFileSync(join(DIST, 'fusion-mdb.cjs')).every((c) => c <= 0x7f)).toBe(true);
  });

  it('a piped /D loads nothing it does not use', () => {
    const loaded = loadedBy(['-k'], 'tcp_fusion_rcv_unread_min/D\n');
    expect(loaded).toContain('node:vm');
    for (const heavy of ['cli-table3', './inquirer.cjs', 'node:child_process', 'node:tty', 'node:readline']) {
      expect(loaded).not.toContain(heavy);
    }
  });

  it('a piped /D through pipes reads and writes the descriptors: Node\'s net and stream modules stay unloaded', () => {
    const loaded = loadedBy(['-k'], 'tcp_fusion_rcv_unread_min/D\n');
    expect(loaded).toContain('NativeModule fs');
    for (const heavy of ['NativeModule net', 'NativeModule stream', 'NativeModule tty']) expect(loaded).not.toContain(heavy);
  });

  it('--check and a booted piped /D load neither the engine\'s tables nor cli-table3', () => {
    const file = join(ROOT, 'fixtures/etc-system/customer-case.system');
    expect(loadedBy(['--check', '--etc-system', file], '')).not.toContain('cli-table3');
    expect(loadedBy(['-k', '--etc-system', file], 'tcp_fusion_rcv_unread_min/D\n')).not.toContain('cli-table3');
  });

  it('the report does load cli-table3, lazily', () => {
    expect(loadedBy(['--workload', join(ROOT, 'fixtures/workloads/customer-case.json')], '')).toContain('cli-table3');
  });

  it('has code caches next to it, written at build time and named after the Node that wrote them: one for mdb, one for --check', () => {
    const caches = readdirSync(DIST).filter((f) => /^fusion-mdb\.[0-9a-f]{8}\.cache$/.test(f));
    expect(caches).toHaveLength(1);
    expect(readFileSync(join(DIST, caches[0] as string)).length).toBeGreaterThan(10_000);
    const check = (caches[0] as string).replace(/\.cache$/, '.check.cache');
    // Warmed by a check, it holds the parser, the boot and the renderers the /D one does not.
    expect(readFileSync(join(DIST, check)).length).toBeGreaterThan(readFileSync(join(DIST, caches[0] as string)).length);
  });

  it('the wizard\'s prompts are the four it asks with, not all of inquirer', () => {
    const prompts = readFileSync(join(DIST, 'inquirer.cjs'), 'utf8');
    expect(prompts.length).toBeLessThan(100_000);
    expect(prompts).not.toMatch(/iconv|external-editor/);
  });
});
