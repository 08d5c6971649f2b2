import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { main } from '../../src/main';
import { run } from './io';

// The built bundle's own main (dist/fusion-mdb.cjs exports it beside run()), for
// end-to-end tests of the bundled code that need no process of their own: the
// process wiring is what test/e2e/bin.test.ts and the fault tests spawn it for.

const ROOT = join(__dirname, '../..');

export const bundledMain = (createRequire(__filename)(join(ROOT, 'dist/fusion-mdb.cjs')) as { main: typeof main }).main;

/** `fusion-mdb ARGS < input` through the bundle, in this process, with NO_COLOR set and the checkout as the directory. */
export async function runBundled(args: string[], input = ''): Promise<{ stdout: string; stderr: string; status: number }> {
  const r = await run(args, input, { main: bundledMain, env: { NO_COLOR: '1' }, cwd: ROOT });
  return { stdout: r.stdout, stderr: r.stderr, status: r.code };
}
