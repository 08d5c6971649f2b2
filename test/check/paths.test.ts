import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigFinder } from '../../src/check-config';
import { dirPart, resolverFrom } from '../../src/check-paths';
import type { IO } from '../../src/io';
import { realFs } from '../helpers/io';

// A --check resolves every name it is given, and finds each file's directory: the
// shortcuts for plain names must answer exactly what path.resolve and path.dirname do.

/** Names built from the parts that make resolve() and dirname() work: empty parts, . and .., slashes at either end. */
const part = fc.constantFrom('', '.', '..', '...', '.a', 'a.', 'etc', 'system', 'host 01', 'a\\b');
const name = fc.tuple(fc.boolean(), fc.array(part, { maxLength: 6 })).map(([absolute, parts]) => `${absolute ? '/' : ''}${parts.join('/')}`);
const cwd = fc.constantFrom('/', '/work', '/work/hosts', '/work/', '/work//hosts', '/work/./x', '/work/../x', '/a/..');

describe('the paths of a --check', () => {
  it('resolverFrom(cwd)(name) is resolve(cwd, name)', () => {
    fc.assert(fc.property(cwd, fc.array(name, { maxLength: 5 }), (dir, names) => {
      const resolveIn = resolverFrom(dir);
      for (const n of names) expect(resolveIn(n)).toBe(resolve(dir, n));
    }), { numRuns: 2000 });
  });

  it('plain names are the working directory and the name joined; odd ones are resolved', () => {
    const resolveIn = resolverFrom('/work');
    expect(['hosts/a/system', '/etc/system', 'a/./b', 'a//b', '../x', '/etc/', '/', '', '...', '/a/.b'].map(resolveIn))
      .toEqual(['/work/hosts/a/system', '/etc/system', '/work/a/b', '/work/a/b', '/x', '/etc', '/', '/work', '/work/...', '/a/.b']);
  });

  it('dirPart(name), resolved, is the directory dirname() gives; undefined for a name that is a directory itself', () => {
    fc.assert(fc.property(cwd, name, (dir, n) => {
      const last = n.slice(n.lastIndexOf('/') + 1);
      const own = last === '' || last === '.' || last === '..';
      const given = dirPart(n);
      expect(given === undefined).toBe(own);
      if (given !== undefined) expect(resolve(dir, given)).toBe(resolve(dir, dirname(n)));
    }), { numRuns: 2000 });
  });

  it('dirPart by example', () => {
    expect(['a', '/a', 'a/b', 'a//b', '//a', 'a/./b', 'a/', 'a/.', 'a/..', '', '.', '..', 'a/...'].map(dirPart))
      .toEqual(['.', '/', 'a', 'a/', '/', 'a/.', undefined, undefined, undefined, undefined, undefined, undefined, 'a']);
  });
});

describe('the config of each file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-paths-'));
  mkdirSync(join(dir, 'hosts/a'), { recursive: true });
  writeFileSync(join(dir, 'hosts/.fusion-mdb.json'), JSON.stringify({ release: 'illumos' }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const io: IO = {
    stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough(), env: {},
    stdinIsTTY: false, stdoutIsTTY: false, fs: realFs, cwd: dir,
  };

  it('is looked up once per directory, and then answered at once, the same for each spelling', async () => {
    const finder = new ConfigFinder(io);
    const first = finder.forFile('hosts/a/one');
    expect(first).toBeInstanceOf(Promise);
    const found = await first;
    expect(found.config).toMatchObject({ release: 'illumos', path: join(dir, 'hosts/.fusion-mdb.json') });
    // Another file of the directory: no promise to wait on.
    expect(finder.forFile('hosts/a/two')).toBe(found);
    // Another spelling of it: looked up by its resolved name, which is known.
    expect(await finder.forFile('hosts//a/three')).toEqual(found);
    expect(await finder.forFile(`${dir}/hosts/a/four`)).toEqual(found);
    // A directory of its own without a config, under one already looked up: at once too (a host per directory).
    const other = finder.forFile('hosts/b/system');
    expect(other).not.toBeInstanceOf(Promise);
    expect(other).toEqual(found);
    // A name that is a directory itself: the config of the directory above it.
    expect((await finder.forFile('hosts/a/..')).config).toBeUndefined();
    expect((await finder.forFile(undefined)).config).toBeUndefined();
  });
});
