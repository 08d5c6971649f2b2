import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A scratch directory removed after the file's tests; `put` writes a file in it and returns its path. */
export function scratch(): { dir: string; put: (name: string, data: string | Buffer) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    put: (name, data) => {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    },
  };
}
