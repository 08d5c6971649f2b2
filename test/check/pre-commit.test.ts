import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// .pre-commit-hooks.yaml: the hook runs --check on /etc/system files and fragments only.

const YAML = readFileSync(join(__dirname, '../../.pre-commit-hooks.yaml'), 'utf8');
const field = (name: string): string | undefined => new RegExp(`^\\s+${name}: (.+)$`, 'm').exec(YAML)?.[1];

describe('.pre-commit-hooks.yaml', () => {
  it('one hook, fusion-mdb-check, that runs fusion-mdb --check', () => {
    expect(YAML).toMatch(/^- id: fusion-mdb-check$/m);
    expect(field('entry')).toBe('fusion-mdb --check');
    expect(field('language')).toBe('node');
  });
  it('its files pattern takes system, *.system and system.d fragments, and nothing else', () => {
    const files = new RegExp(field('files') ?? '$^');
    for (const f of ['system', 'etc/system', 'hosts/web04/etc/system', 'db01.system', 'etc/system.d/network:fusion']) expect(f, f).toMatch(files);
    for (const f of ['system.c', 'README.md', 'etc/system.bak', 'etc/system.d/.self-assembly', 'src/etc-system/parser.ts']) expect(f, f).not.toMatch(files);
  });
});
