import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

// Start-up is the product's speed (issue 2: a piped `/D` within 1.3x of
// `node -e ''`), so the build is shaped for it:
// - one CommonJS bundle: a single file read, and a module reached only through
//   import() (REPL, report, wizard) loads its dependencies when first used (an
//   ESM bundle hoists them to start-up; split chunks measured slower);
// - dist/cli.cjs (build/start.cjs) runs the bundle from a V8 code cache that one
//   warm-up run writes at build time (and, on another Node, from one made on
//   first use: see build/start.cjs);
// - two stand-ins keep unused modules from loading at start-up (see below).

const NO_CHILD_PROCESS = fileURLToPath(new URL('./build/no-child-process.cjs', import.meta.url));
// chalk's terminal probe loads node:tty at import; we always give chalk its level
// from our own colour policy (src/render/theme.ts), so the probe-free variant
// chalk ships for browsers is all the bundle needs.
const INQUIRER_REQUIRE = fileURLToPath(new URL('./build/inquirer-require.cjs', import.meta.url));
const CHALK_NO_PROBE = fileURLToPath(new URL('./node_modules/chalk/source/vendor/supports-color/browser.js', import.meta.url));

/** dist/cli.cjs, stamped with the bundle's hash, and the code cache warmed by one piped `/D`. */
function writeStarter(): void {
  const bundle = readFileSync('dist/fusion-mdb.cjs');
  // build/start.cjs reads the bundle as latin1, which only ASCII survives unchanged (esbuild escapes the rest).
  if (bundle.some((c) => c > 0x7f)) throw new Error('dist/fusion-mdb.cjs holds bytes past ASCII: build/start.cjs would misread them');
  const build = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
  writeFileSync('dist/cli.cjs', readFileSync('build/start.cjs', 'utf8').replace('__BUILD_ID__', build));
  // Warmed without the builder's NODE_OPTIONS: the shipped caches are for a plain `node`.
  const env = { ...process.env, NODE_OPTIONS: '', FUSION_MDB_CODE_CACHE: 'write' };
  const warm = spawnSync(process.execPath, ['dist/cli.cjs', '-k'], { input: 'tcp_fusion_rcv_unread_min/D\n', env });
  if (warm.status !== 0) throw new Error(`warming the code cache failed: ${warm.stderr}`);
  // The --check cache: a check of a file with the common findings (status 1), printed as text.
  const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-warm-'));
  try {
    writeFileSync(join(dir, 'system'), CHECK_WARM_UP);
    const check = spawnSync(process.execPath, ['dist/cli.cjs', '--check', join(dir, 'system')], { env });
    if (check.status !== 1) throw new Error(`warming the --check code cache failed: ${check.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the --check cache is warmed on: comments, plain and module-qualified lines, and the common mistakes. */
const CHECK_WARM_UP = [
  '* fusion-mdb warms the code cache --check runs from on this file',
  'set maxusers = 2048',
  'set ip:tcp_fusion_rcv_unread_min = 0x20',
  'set ip:tcp_fusion_rcv_unread_min | 0x3',
  'set ip:do_tcp_fusion = 1',
  'set tcp:tcp_xmit_hiwat = 65536',
  'forceload: drv/ipf',
  'set ip:tcp_fusion_rcv_unread_mn = 16',
  'set maxusers = 08',
  'set rlim_fd_max = 65536',
  'set maxusers = 4096',
  '',
].join('\n');

export default defineConfig({
  entry: { 'fusion-mdb': 'src/cli.ts', inquirer: 'src/wizard/prompts.ts' },
  format: ['cjs'],
  target: 'node20',
  platform: 'node',
  splitting: false,
  clean: true,
  // FUSION_MDB_NO_MINIFY=1 npm run build keeps the names, for a readable --cpu-prof.
  minify: process.env.FUSION_MDB_NO_MINIFY !== '1',
  sourcemap: false,
  // A script run from a code cache cannot resolve a native import(), so none may
  // remain (test/e2e/bundle.test.ts): esbuild turns import() of our own modules
  // into lazy initialisers, node built-ins are reached through node:fs etc., and
  // the wizard's prompts (@inquirer, ES modules only) are bundled on their own
  // as dist/inquirer.cjs, which the wizard require()s when it first runs.
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
      build.onResolve({ filter: /^\.\/prompts$/ }, (args) =>
        (args.importer.endsWith(`wizard${sep}index.ts`) ? { path: INQUIRER_REQUIRE } : undefined));
      build.onResolve({ filter: /^\.\/inquirer\.cjs$/ }, (args) =>
        (args.importer === INQUIRER_REQUIRE ? { path: './inquirer.cjs', external: true } : undefined));
    },
  }],
});
