import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { program } from '../src/options';
import { realFs } from './helpers/io';

// The option list in src/options.ts is the source of --help and of shell
// completion; the README and docs/check.md describe it in prose. This keeps
// them naming every option, so one added later is documented too.

const doc = (path: string): string => readFileSync(join(__dirname, '..', path), 'utf8');

describe('the documented options', () => {
  it('every option of the command line is named in the README or docs/check.md', () => {
    const quiet = new PassThrough();
    const cmd = program({ stdin: quiet, stdout: quiet, stderr: quiet, env: {}, stdinIsTTY: false, stdoutIsTTY: false, fs: realFs });
    const options = cmd.createHelp().visibleOptions(cmd).flatMap((o) => [o.short, o.long]).filter((f) => f !== undefined);
    expect(options.length).toBeGreaterThan(20);
    const text = doc('README.md') + doc('docs/check.md');
    const missing = options.filter((f) => !new RegExp(`\`(?:fusion-mdb [^\`]*)?${f}[\` ]`).test(text));
    expect(missing).toEqual([]);
  });
});
