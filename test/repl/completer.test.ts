import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/kernel/kernel';
import { DCMDS } from '../../src/mdb/dcmds/table';
import { complete } from '../../src/repl/completer';

const k = new Kernel();
const ls = (dir: string): string[] => (dir === '.' ? ['fixtures/', 'README.md'] : dir === 'fixtures' ? ['etc-system/', 'mdb/'] : []);

describe('tab completion', () => {
  it('completes dcmd names after ::', () => {
    expect(complete('::st', k, ls)).toEqual([['::status'], '::st']);
    expect(complete('tcp_fusion_rcv_unread_min::pr', k, ls)).toEqual([['::print'], '::pr']);
  });
  it('completes symbol names', () => {
    expect(complete('tcp_fusion_rcv_u', k, ls)).toEqual([['tcp_fusion_rcv_unread_min'], 'tcp_fusion_rcv_u']);
    expect(complete('do_tcp_', k, ls)[0]).toEqual(['do_tcp_direct_sockfs', 'do_tcp_fusion']);
  });
  it('offers the format characters after /', () => {
    const [hits, typed] = complete('do_tcp_fusion/', k, ls);
    expect(typed).toBe('');
    expect(hits).toContain('D');
    expect(hits).toContain('W');
    expect(complete('do_tcp_fusion/4', k, ls)[0]).toContain('4X');
    expect(complete('do_tcp_fusion/D', k, ls)[0]).toEqual([]);
  });
  it('completes file paths for ::etcsystem, ::persist -f, ::run -w and ::import truss|dtrace', () => {
    expect(complete('::import truss fix', k, ls)).toEqual([['fixtures/'], 'fix']);
    expect(complete('::import dtrace fixtures/e', k, ls)).toEqual([['fixtures/etc-system/'], 'fixtures/e']);
    expect(complete('::etcsystem fix', k, ls)).toEqual([['fixtures/'], 'fix']);
    expect(complete('::persist -f fixtures/', k, ls)).toEqual([['fixtures/etc-system/', 'fixtures/mdb/'], 'fixtures/']);
    expect(complete('::run -w fixtures/m', k, ls)).toEqual([['fixtures/mdb/'], 'fixtures/m']);
  });
  it('offers no paths where no file goes: ::wizard takes no argument, ::persist a file only after -f', () => {
    expect(complete('::wizard fix', k, ls)).toEqual([[], 'fix']);
    expect(complete('::persist fix', k, ls)).toEqual([[], 'fix']);
  });
  it('the dcmd table marks every file argument its synopses name, and no other', () => {
    const marked = DCMDS.filter((d) => d.fileArg !== undefined).map((d) => `${d.name} ${d.fileArg}`);
    expect(marked.sort()).toEqual(['etcsystem ', 'import truss|dtrace', 'persist -f', 'run -w']);
    const named = DCMDS.filter((d) => /\bfile\b/.test(d.args)).map((d) => d.name);
    expect(named.sort()).toEqual(['etcsystem', 'import', 'persist', 'run']);
  });
  it('does not take the letters inside a number for a symbol', () => {
    expect(complete('do_tcp_fusion/W 0t3', k, ls)[0]).toEqual([]);
  });
});
