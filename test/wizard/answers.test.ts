import { describe, expect, it } from 'vitest';
import { makeTheme, PLAIN } from '../../src/render/theme';
import { parseCount, parseName, parsePattern } from '../../src/wizard/answers';
import { promptTheme } from '../../src/wizard/theme';

describe('wizard answers', () => {
  it('counts are positive integers, decimal or 0x hex', () => {
    expect(parseCount(' 24 ')).toBe(24);
    expect(parseCount('0x18')).toBe(24);
    expect(parseCount('0')).toBe('give a positive integer: 0 is not allowed here');
    expect(parseCount('-3')).toBe('"-3" is not a positive integer (decimal, or hex with 0x)');
    expect(parseCount('0t24')).toBe('"0t24" is not a positive integer (decimal, or hex with 0x)');
    expect(parseCount('9007199254740993')).toBe('9007199254740993 is past 2^53: give a smaller number');
  });

  it('a pattern is a comma list of sizes, each checked with its place', () => {
    expect(parsePattern('12, 696')).toEqual([12, 696]);
    expect(parsePattern('1460')).toEqual([1460]);
    expect(parsePattern('  ')).toBe('give at least one write size in bytes, e.g. 12, 696');
    expect(parsePattern('12,,696')).toBe('write size 2 is empty: separate sizes with single commas, e.g. 12, 696');
    expect(parsePattern('12, 0')).toBe('write size 2: give a positive integer: 0 is not allowed here');
  });

  it('a name is any text but blanks', () => {
    expect(parseName(' bulk ', 'local')).toEqual({ name: 'bulk' });
    expect(parseName('', 'local')).toBe('give a name, e.g. local');
  });
});

describe('wizard prompt theme', () => {
  it('has no escape codes and ASCII figures without colour or a UTF-8 locale', () => {
    const t = promptTheme(PLAIN);
    const shown = [t.prefix.idle, t.prefix.done, t.icon.cursor, t.icon.checked, t.style.error('bad'), t.style.keysHelpTip([['↑↓', 'navigate'], ['⏎', 'select']])];
    expect(shown).toEqual(['?', 'v', '>', '[x]', '> bad', 'up/down navigate, enter select']);
  });

  it('colours and unicode follow the session theme', () => {
    const t = promptTheme(makeTheme({ FORCE_COLOR: '1', LANG: 'en_US.UTF-8' }, false));
    expect(t.prefix.done).toBe('\x1b[32m✔\x1b[39m');
    expect(t.style.keysHelpTip([['⏎', 'select']])).toBe('\x1b[2m⏎ select\x1b[22m');
  });
});
