import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeIndex, codePage } from '../../src/etc-system/code-page';
import { CODE_NAMES, CODES } from '../../src/etc-system/codes';
import { run } from '../helpers/io';

// Every code of the checker has one default severity, a page in docs/checks/
// (rendered from src/etc-system/codes.ts: UPDATE_GOLDEN=1 rewrites them) and an
// --explain text. A new code fails here until its page is written.

const DOCS = 'docs/checks';

function inSync(file: string, text: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
  expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/etc-system/codes.test.ts`).toBe(true);
  expect(readFileSync(file, 'utf8'), `${file} is out of date`).toBe(text);
}

describe('the code registry', () => {
  it('codes are stable kebab-case names', () => {
    for (const code of CODE_NAMES) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  for (const code of CODE_NAMES) {
    it(`${code}: a docs page and an --explain text with every section`, async () => {
      const page = codePage(code);
      for (const heading of ['## What the kernel does', '## Why it matters', '## Example', '## How to silence it']) {
        expect(page).toContain(heading);
      }
      expect(page).toContain(`Severity: ${CODES[code].severity}`);
      expect(page).toContain(`disable=${code}`);
      inSync(`${DOCS}/${code}.md`, page);
      const r = await run(['--explain', code]);
      expect(r).toEqual({ stdout: page, stderr: '', code: 0 });
    });
  }

  it('docs/checks holds a page for each code and nothing else, and an index', () => {
    inSync(`${DOCS}/README.md`, codeIndex());
    const pages = readdirSync(DOCS).filter((f) => f !== 'README.md').sort();
    expect(pages).toEqual(CODE_NAMES.map((c) => `${c}.md`).sort());
  });

  it('--explain of a code that does not exist: exit 2, the list of codes', async () => {
    const r = await run(['--explain', 'wrong-modul']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^fusion-mdb: no check has the code 'wrong-modul'\n  hint: the codes are syntax, unknown-command, .*wrong-module/);
  });

  it('the page reads as the user sees it', async () => {
    const r = await run(['--explain', 'mdb-radix']);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      '# mdb-radix',
      '',
      'Severity: error. `fusion-mdb --check --fix` corrects it where the fix is certain.',
    ]);
    expect(r.stdout).toContain('```\nset maxusers = 0t512\n```\n\nInstead:\n\n```\nset maxusers = 512\n```');
  });
});
