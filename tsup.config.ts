import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

// Start-up is the product's speed (issue 2: a piped `/D` within 1.3x of
// `node -e ''`), so the build is shaped for it:
// - one CommonJS bundle: a single file read, and a module reached only through
//   import() (REPL, report, wizard) loads its dependencies when first used (an
//   ESM bundle hoists them to start-up; split chunks measured slower);
// - dist/cli.cjs (build/start.cjs) runs the bundle from a V8 code cache that one
//   warm-up run writes at build time;
// - two stand-ins keep unused modules from loading at start-up (see below).

const NO_CHILD_PROCESS = fileURLToPath(new URL('./build/no-child-process.cjs', import.meta.url));
// chalk's terminal probe loads node:tty at import; we always give chalk its level
// from our own colour policy (src/render/theme.ts), so the probe-free variant
// chalk ships for browsers is all the bundle needs.
const INQUIRER_REQUIRE = fileURLToPath(new URL('./build/inquirer-require.cjs', import.meta.url));
const CHALK_NO_PROBE = fileURLToPath(new URL('./node_modules/chalk/source/vendor/supports-color/browser.js', import.meta.url));

/** dist/cli.cjs, and the code cache warmed by one piped `/D`. */
function writeStarter(): void {
  copyFileSync('build/start.cjs', 'dist/cli.cjs');
  const warm = spawnSync(process.execPath, ['dist/cli.cjs', '-k'], {
    input: 'tcp_fusion_rcv_unread_min/D\n',
    env: { ...process.env, FUSION_MDB_CODE_CACHE: 'write' },
  });
  if (warm.status !== 0) throw new Error(`warming the code cache failed: ${warm.stderr}`);
}

export default defineConfig({
  entry: { 'fusion-mdb': 'src/cli.ts', inquirer: 'build/inquirer.ts' },
  format: ['cjs'],
  target: 'node20',
  platform: 'node',
  splitting: false,
  clean: true,
  minify: true,
  sourcemap: false,
  // A script run from a code cache cannot resolve a native import(), so none may
  // remain (test/e2e/bundle.test.ts): esbuild turns import() of our own modules
  // into lazy initialisers, node built-ins are reached through node:fs etc., and
  // @inquirer/prompts (ES modules only) is bundled on its own as
  // dist/inquirer.cjs, which the wizard require()s when it first runs.
  noExternal: ['commander', 'chalk', /^@inquirer\//],
  external: ['cli-table3'],
  // Keep `node:` specifiers for our plugin to see (tsup would strip them first).
  removeNodeProtocol: false,
  onSuccess: async () => writeStarter(),
  esbuildPlugins: [{
    name: 'start-up-stand-ins',
    setup(build) {
      build.onResolve({ filter: /^node:child_process$/ }, (args) =>
        (/[\\/]commander[\\/]/.test(args.importer) ? { path: NO_CHILD_PROCESS } : undefined));
      build.onResolve({ filter: /^#supports-color$/ }, () => ({ path: CHALK_NO_PROBE }));
      build.onResolve({ filter: /^@inquirer\/prompts$/ }, (args) =>
        (args.importer.endsWith('inquirer.ts') ? undefined : { path: INQUIRER_REQUIRE }));
      build.onResolve({ filter: /^\.\/inquirer\.cjs$/ }, (args) =>
        (args.importer === INQUIRER_REQUIRE ? { path: './inquirer.cjs', external: true } : undefined));
    },
  }],
});
