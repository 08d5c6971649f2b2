import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHistory, historyPath, loadHistory, parseHistory, saveHistory } from '../../src/repl/history';
import { realFs } from '../helpers/io';

describe('history file', () => {
  it('lives in ~/.fusion_mdb_history unless FUSION_MDB_HISTORY says otherwise', () => {
    expect(historyPath({ HOME: '/home/op' })).toBe('/home/op/.fusion_mdb_history');
    expect(historyPath({ HOME: '/home/op', FUSION_MDB_HISTORY: '/tmp/h' })).toBe('/tmp/h');
  });
  it('keeps each command once, the newest first', () => {
    expect(parseHistory('a\nb\na\nc\n')).toEqual(['c', 'a', 'b']);
    expect(formatHistory(['c', 'a', 'b'])).toBe('b\na\nc\n');
  });
  it('round-trips through the file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hist-')), 'h');
    expect(await saveHistory(realFs, path, ['x/D', '$d'])).toBeUndefined();
    expect(await loadHistory(realFs, path)).toEqual(['x/D', '$d']);
  });
  it('a missing file is an empty history', async () => {
    expect(await loadHistory(realFs, '/nonexistent/dir/h')).toEqual([]);
  });
  it('a failed save leaves the old file intact and says why', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hist-')), 'h');
    writeFileSync(path, 'old/D\n');
    const failing = { ...realFs, rename: async () => { throw new Error('ENOSPC: no space left on device'); } };
    expect(await saveHistory(failing, path, ['new/D'])).toMatch(/ENOSPC/);
    expect(readFileSync(path, 'utf8')).toBe('old/D\n');
  });
  it('an unwritable directory is reported, not thrown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hist-'));
    chmodSync(dir, 0o555);
    const why = await saveHistory(realFs, join(dir, 'h'), ['x']);
    chmodSync(dir, 0o755);
    // root ignores directory permissions; then the save simply works
    expect(why === undefined || /EACCES|EPERM/.test(why)).toBe(true);
  });
  it('a history file kept as a symbolic link (a dotfiles tree) is saved through it; the link stays', async () => {
    const home = mkdtempSync(join(tmpdir(), 'hist-'));
    mkdirSync(join(home, 'dotfiles'));
    writeFileSync(join(home, 'dotfiles/h'), 'old/D\n');
    symlinkSync('dotfiles/h', join(home, '.h'));
    expect(await saveHistory(realFs, join(home, '.h'), ['new/D'])).toBeUndefined();
    expect(readFileSync(join(home, 'dotfiles/h'), 'utf8')).toBe('new/D\n');
    expect([lstatSync(join(home, '.h')).isSymbolicLink(), readlinkSync(join(home, '.h'))]).toEqual([true, 'dotfiles/h']);
    expect(readdirSync(join(home, 'dotfiles'))).toEqual(['h']);
  });
  it('a link to nowhere is not replaced by a file: the save says why', async () => {
    const home = mkdtempSync(join(tmpdir(), 'hist-'));
    symlinkSync('dotfiles/h', join(home, '.h'));
    expect(await saveHistory(realFs, join(home, '.h'), ['new/D'])).toBe(`cannot write ${join(home, '.h')}: it is a symbolic link to dotfiles/h, which does not exist`);
    expect(lstatSync(join(home, '.h')).isSymbolicLink()).toBe(true);
    expect(readdirSync(home)).toEqual(['.h']);
  });
});
