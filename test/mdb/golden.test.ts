import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineDiff } from '../helpers/diff';
import { run } from '../helpers/io';

// Each fixtures/mdb/NAME.in is piped into `fusion-mdb $(cat NAME.args)`; stdout and
// stderr must match NAME.stdout and NAME.stderr byte for byte (whitespace kept).
// UPDATE_GOLDEN=1 rewrites the expected files after a deliberate change and
// prints what changed in each (line ends marked ⏎, so lost trailing blanks show).

const dir = join(__dirname, '../../fixtures/mdb');
const cases = readdirSync(dir).filter((f) => f.endsWith('.in')).map((f) => f.slice(0, -3));

describe('golden mdb transcripts', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(10));
  for (const name of cases) {
    it(name, async () => {
      const args = readFileSync(join(dir, `${name}.args`), 'utf8').trim().split(/\s+/);
      const r = await run(args, readFileSync(join(dir, `${name}.in`)));
      const outFile = join(dir, `${name}.stdout`);
      const errFile = join(dir, `${name}.stderr`);
      if (process.env.UPDATE_GOLDEN) {
        for (const [file, text] of [[outFile, r.stdout], [errFile, r.stderr]] as const) {
          const old = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
          if (old === text) continue;
          console.log(`golden ${file.slice(dir.length + 1)} ${old === undefined ? 'new' : 'changed'}:\n${lineDiff(old ?? '', text)}`);
          writeFileSync(file, text);
        }
      }
      expect(r.stdout).toBe(readFileSync(outFile, 'utf8'));
      expect(r.stderr).toBe(readFileSync(errFile, 'utf8'));
      expect(r.code).toBe(0);
    });
  }
});
