import { describe, expect, it } from 'vitest';
import { Output } from '../../src/mdb/output';

// What a signal leaves printed: the answers of the commands that finished, in the
// order they were printed, and nothing of the one it cut short.

function output() {
  const written: string[] = [];
  const out = new Output((s) => written.push(`out:${s}`), (s) => written.push(`err:${s}`), false);
  return { out, written };
}

describe('Output.flushAnswered', () => {
  it('writes the finished answers and drops the start of the one cut short', () => {
    const { out, written } = output();
    out.line('first');
    out.answered();
    out.line('half of the second');
    out.flushAnswered();
    expect(written).toEqual(['out:first\n']);
  });

  it('keeps stderr before stdout, as they were printed', () => {
    const { out, written } = output();
    out.error('no such thing');
    out.line('then an answer');
    out.answered();
    out.flushAnswered();
    expect(written).toEqual(['err:mdb: no such thing\n', 'out:then an answer\n']);
  });

  it('an unfinished error line drops the stdout printed after it', () => {
    const { out, written } = output();
    out.line('done');
    out.answered();
    out.note('a note of the command cut short');
    out.line('more of it');
    out.flushAnswered();
    expect(written).toEqual(['out:done\n']);
  });

  it('after a flush the marks start again', () => {
    const { out, written } = output();
    out.line('one');
    out.answered();
    out.flush();
    out.line('two, unfinished');
    out.flushAnswered();
    expect(written).toEqual(['out:one\n']);
  });
});
