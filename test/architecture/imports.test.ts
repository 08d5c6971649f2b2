import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// No import cycles in src/: a cycle makes a module's exports depend on which
// file was loaded first (a table read before it is built throws at start-up).
// Two checks: the graph of runtime imports (type-only imports and lazy
// `await import()` are not edges) has no cycle, and every module loads on its
// own, first, in a fresh module registry. For the second, src/ is compiled
// file by file (no bundling: each import stays a load of its own module) and
// one child Node loads each module with an empty module cache.

const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const ALL = files(SRC);

/** The src/ files a file imports at load time. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^;]*?from\s+)?'(\.[^']+)'/gms)) {
    const base = resolve(dirname(file), m[1] as string);
    const hit = [`${base}.ts`, join(base, 'index.ts')].find((p) => ALL.includes(p));
    if (hit) out.push(hit);
  }
  return out;
}

describe('module graph', () => {
  it('has no import cycle among the runtime imports of src/', () => {
    const graph = new Map(ALL.map((f) => [f, runtimeImports(f)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(SRC, p)).join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f) ?? []) walk(g, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of ALL) walk(f, []);
    expect(cycles).toEqual([]);
  });

  describe('each module, loaded first on its own', () => {
    const out = mkdtempSync(join(tmpdir(), 'fusion-mdb-imports-'));
    afterAll(() => rmSync(out, { recursive: true, force: true }));
    // cli.ts is the entry point: loading it runs the program
    const modules = ALL.filter((f) => !f.endsWith('/cli.ts')).map((f) => relative(SRC, f));
    let failures: Record<string, string> = {};
    let loaded: string[] = [];

    beforeAll(async () => {
      // File by file, outside the package's `"type": "module"` (which would make every
      // default import of a package its whole module object).
      await Promise.all(ALL.map(async (f) => {
        const js = await transform(readFileSync(f, 'utf8'), { loader: 'ts', format: 'cjs', target: 'node20', sourcefile: f });
        const dest = join(out, 'src', relative(SRC, f).replace(/\.ts$/, '.js'));
        mkdirSync(dirname(dest), { recursive: true });
        writeFileSync(dest, js.code);
      }));
      // src/ reads ../package.json; ours is CommonJS, as compiled.
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(out, 'package.json'), JSON.stringify({ ...pkg, type: 'commonjs' }));
      // Every module's own cache entries are dropped before the next one loads: each
      // starts from an empty registry (node: built-ins and packages stay, as they are not ours).
      const script = `
        const { join } = require('node:path');
        const dir = process.argv[1];
        const failures = {}, loaded = [];
        for (const m of process.argv.slice(2)) {
          for (const k of Object.keys(require.cache)) if (k.startsWith(dir)) delete require.cache[k];
          try { require(join(dir, 'src', m.replace(/\\.ts$/, '.js'))); loaded.push(m); }
          catch (e) { failures[m] = String(e && e.stack || e); }
        }
        process.stdout.write(JSON.stringify({ failures, loaded }));`;
      const r = spawnSync(process.execPath, ['--no-warnings', '-e', script, out, ...modules], {
        encoding: 'utf8', env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      });
      expect(r.stderr).toBe('');
      ({ failures, loaded } = JSON.parse(r.stdout) as { failures: Record<string, string>; loaded: string[] });
    });

    for (const m of modules) {
      it(`loads ${m} first, on its own`, () => {
        expect(failures[m]).toBeUndefined();
        expect(loaded).toContain(m);
      });
    }
  });
});
