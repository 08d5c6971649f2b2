import { defineConfig } from 'tsup';

// One bundled ESM entry keeps the piped start-up path to a single file read
// (style.md: start-up cost). commander and chalk are inlined; the heavy modules
// (cli-table3, @inquirer/prompts) stay external and are only reached through
// lazy import() by the commands that need them.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  splitting: true,
  clean: true,
  minify: true,
  sourcemap: false,
  noExternal: ['commander', 'chalk'],
  external: ['cli-table3', '@inquirer/prompts'],
  // commander is CommonJS and requires node built-ins: give the bundle a require().
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
