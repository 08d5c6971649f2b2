import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// No import cycles in src/: a cycle makes a module's exports depend on which
// file was loaded first (a table read before it is built throws at start-up).
// Two checks: the graph of runtime imports (type-only imports and lazy
// `await import()` are not edges) has no cycle, and every module loads on its
// own, first, in a fresh module registry.

const SRC = resolve(__dirname, '../../src');

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
  for (const m of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
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

  // cli.ts is the entry point: importing it runs the program
  for (const file of ALL.filter((f) => !f.endsWith('/cli.ts'))) {
    it(`loads ${relative(SRC, file)} first, on its own`, async () => {
      vi.resetModules();
      await expect(import(file)).resolves.toBeDefined();
    });
  }
});
