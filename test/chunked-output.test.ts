import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ChunkedOutput } from '../src/chunked-output';
import type { IO } from '../src/io';

// --check's output: gathered, written in large pieces, the two streams in the order given.

type Write = [stream: string, text: string];

/** An IO whose writes are recorded in order; `writeOut` as src/cli.ts gives it for a pipe. */
function recording(withWriteOut: boolean): { io: IO; writes: Write[] } {
  const writes: Write[] = [];
  const stream = (name: string): Writable => new Writable({
    write(chunk: Buffer, _enc, done) {
      writes.push([name, chunk.toString('utf8')]);
      done();
    },
  });
  const io = {
    stdout: stream('stdout'),
    stderr: stream('stderr'),
    ...(withWriteOut ? { writeOut: (b: Uint8Array) => writes.push(['writeOut', Buffer.from(b).toString('utf8')]) } : {}),
  } as unknown as IO;
  return { io, writes };
}

describe('ChunkedOutput', () => {
  it('writes nothing until flushed, then the text gathered as one write', () => {
    const { io, writes } = recording(false);
    const out = new ChunkedOutput(io);
    out.write('stdout', 'WARNING: ');
    out.write('stdout', 'invalid number\n');
    expect(writes).toEqual([]);
    out.flush();
    out.flush();
    expect(writes).toEqual([['stdout', 'WARNING: invalid number\n']]);
  });

  it('keeps stdout and stderr in the order given (a --diff on stdout, the findings on stderr)', () => {
    const { io, writes } = recording(false);
    const out = new ChunkedOutput(io);
    out.write('stdout', '--- a.system\n');
    out.write('stderr', 'fusion-mdb: a.system: applied 1 fix\n');
    out.write('stderr', 'second\n');
    out.write('stdout', '--- b.system\n');
    out.flush();
    expect(writes).toEqual([
      ['stdout', '--- a.system\n'],
      ['stderr', 'fusion-mdb: a.system: applied 1 fix\nsecond\n'],
      ['stdout', '--- b.system\n'],
    ]);
  });

  for (const [how, withWriteOut] of [['the stream', false], ['io.writeOut (one buffer used again)', true]] as const) {
    it(`writes a long run through ${how} in pieces of about 64 KB as it goes, every byte once and in order (UTF-8 kept whole)`, () => {
      const { io, writes } = recording(withWriteOut);
      const out = new ChunkedOutput(io);
      const line = 'hint: a leading 0 makes the number octal — for 8 write 8 or 0x8\n';
      const lines = 5000;
      for (let i = 0; i < lines; i++) out.write('stdout', line);
      const before = writes.length;
      out.flush();
      expect(before).toBeGreaterThan(3);
      expect(writes.every(([, t]) => t.length <= (1 << 16) + line.length)).toBe(true);
      expect(writes.map(([, t]) => t).join('')).toBe(line.repeat(lines));
    });
  }

  it('a document longer than the buffer goes through io.writeOut whole', () => {
    const { io, writes } = recording(true);
    const out = new ChunkedOutput(io);
    const doc = `{\n  "diagnostics": [${'"é",'.repeat(300_000)}]\n}\n`;
    out.write('stdout', doc);
    out.flush();
    expect(writes).toEqual([['writeOut', doc]]);
  });

  it('sends stdout through io.writeOut where there is one (no stream is made), stderr through its stream', () => {
    const { io, writes } = recording(true);
    const out = new ChunkedOutput(io);
    out.write('stdout', 'a\n');
    out.write('stderr', 'b\n');
    out.flush();
    expect(writes).toEqual([['writeOut', 'a\n'], ['stderr', 'b\n']]);
  });
});
