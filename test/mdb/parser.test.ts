import { describe, expect, it } from 'vitest';
import { splitCommands, splitArgs } from '../../src/mdb/lexer';
import { parseCommand } from '../../src/mdb/parser';

describe('mdb lexer', () => {
  it('splits on ; and drops // comments', () => {
    expect(splitCommands('a/D; b/X // c/D')).toEqual(['a/D', ' b/X ']);
    expect(splitCommands('// only a comment')).toEqual([]);
  });
  it('keeps ; and // inside quotes', () => {
    expect(splitCommands('::help "a;b//c"; x/D')).toEqual(['::help "a;b//c"', ' x/D']);
  });
  it('splits dcmd arguments, quoted ones whole', () => {
    expect(splitArgs(' -d  "a b" c')).toEqual(['-d', 'a b', 'c']);
    expect(splitArgs('"open')).toEqual({ unterminated: '"open' });
  });
});

describe('mdb parser', () => {
  it('parses addr/fmt', () => {
    expect(parseCommand('tcp_fusion_rcv_unread_min/D')).toEqual({
      k: 'format', verb: '/', fmt: 'D', args: [], text: 'D', addr: { k: 'word', text: 'tcp_fusion_rcv_unread_min' },
    });
  });
  it('parses addr,count/fmt and symbol+offset', () => {
    expect(parseCommand('sym+4,3/X')).toMatchObject({
      k: 'format', fmt: 'X',
      addr: { k: 'binary', op: '+', l: { k: 'word', text: 'sym' }, r: { k: 'word', text: '4' } },
      count: { k: 'word', text: '3' },
    });
  });
  it('parses a write with its values', () => {
    expect(parseCommand('sym/W 0t32 1')).toMatchObject({ k: 'format', verb: '/', fmt: 'W', args: ['0t32', '1'] });
  });
  it('parses expr=fmt', () => {
    expect(parseCommand('0t32=D')).toMatchObject({ k: 'format', verb: '=', fmt: 'D', addr: { k: 'word', text: '0t32' } });
  });
  it('parses dcmds and $ commands with addresses', () => {
    expect(parseCommand('sym::print -d')).toMatchObject({ k: 'dcmd', name: '::print', args: ['-d'] });
    expect(parseCommand('0t10$d')).toMatchObject({ k: 'dcmd', name: '$d', addr: { k: 'word', text: '0t10' } });
  });
  it('honours precedence: * before +, & before |', () => {
    expect(parseCommand('1+2*3')).toMatchObject({
      k: 'expr', addr: { k: 'binary', op: '+', r: { k: 'binary', op: '*' } },
    });
  });
  it('reports the token a syntax error is near', () => {
    expect(parseCommand('1+/D')).toEqual({ k: 'syntax', near: '/' });
    expect(parseCommand('a b/D')).toEqual({ k: 'syntax', near: 'b' });
    expect(parseCommand('(1/D')).toEqual({ k: 'syntax', near: '/' });
    expect(parseCommand('::')).toEqual({ k: 'syntax', near: '::' });
  });
});
