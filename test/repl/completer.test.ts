import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/kernel/kernel';
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
  it('completes file paths for ::etcsystem, ::persist -f and ::run -w', () => {
    expect(complete('::etcsystem fix', k, ls)).toEqual([['fixtures/'], 'fix']);
    expect(complete('::persist -f fixtures/', k, ls)).toEqual([['fixtures/etc-system/', 'fixtures/mdb/'], 'fixtures/']);
    expect(complete('::run -w fixtures/m', k, ls)).toEqual([['fixtures/mdb/'], 'fixtures/m']);
  });
  it('does not take the letters inside a number for a symbol', () => {
    expect(complete('do_tcp_fusion/W 0t3', k, ls)[0]).toEqual([]);
  });
});
