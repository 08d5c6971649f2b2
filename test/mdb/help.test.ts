import { describe, expect, it } from 'vitest';
import { DCMDS } from '../../src/mdb/dcmds/table';
import { synopsis } from '../../src/mdb/dcmds/types';
import { pipe } from '../helpers/io';

// ::help, ::dcmds and completion all come from the one dcmd table.

describe('help from the dcmd table', () => {
  it('::dcmds lists every row, sorted, as %-24s - %s', async () => {
    const r = await pipe(['::dcmds']);
    expect(r.stdout).toBe(DCMDS.map((d) => `${d.name.padEnd(24)} - ${d.description}\n`).join(''));
  });

  for (const d of DCMDS) {
    it(`::help ${d.name} gives name, synopsis, description, options and an example`, async () => {
      const r = await pipe([`::help ${d.name}`]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`NAME\n  ${d.name} - ${d.description}\n`);
      expect(r.stdout).toContain(`SYNOPSIS\n  ${synopsis(d)}\n`);
      expect(r.stdout).toContain('DESCRIPTION\n');
      expect(r.stdout).toContain('EXAMPLE\n');
      for (const [flag] of d.options ?? []) expect(r.stdout).toContain(`  ${flag}`);
    });
  }

  it('::help with no argument explains the command form', async () => {
    const r = await pipe(['::help']);
    expect(r.stdout).toContain('[address] [,count] verb [arguments ...]');
  });

  it('::help of an unknown name uses mdb\'s words', async () => {
    expect((await pipe(['::help nosuch'])).stderr).toBe('mdb: unknown command: nosuch\n');
  });
});
