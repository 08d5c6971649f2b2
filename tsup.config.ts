import { defineConfig } from 'tsup';

// One bundled file keeps the piped start-up path to a single file read (style.md:
// start-up cost; splitting into chunks measured slower). It is CommonJS so that a
// module reached only through import() (the REPL, the batch report, the wizard)
// loads its own dependencies (node:readline, cli-table3, @inquirer/prompts) when
// it is first used: an ESM bundle would hoist those imports to start-up.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['cjs'],
  target: 'node20',
  platform: 'node',
  splitting: false,
  clean: true,
  minify: true,
  sourcemap: false,
  noExternal: ['commander', 'chalk'],
  external: ['cli-table3', '@inquirer/prompts'],
});
