import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';

// CI runs `npm install` in a fresh clone before the tests: the install must not
// rewrite a tracked file (package-lock.json above all), or every clone of the
// project starts out dirty. Outside CI a developer's tree may be mid-change.
it.runIf(process.env.CI)('npm install in a fresh clone leaves no tracked file changed', () => {
  const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' });
  expect(changed).toBe('');
});
