import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ChunkedOutput } from '../src/chunked-output';
import type { IO } from '../src/io';
import type { TextSink } from '../src/render/diagnostics';

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

  it('takes bytes already encoded and line numbers among the text, in the order given', () => {
    const { io, writes } = recording(true);
    const out = new ChunkedOutput(io);
    out.write('stderr', 'first\n');
    out.select('stdout');
    const sink: TextSink = out;
    for (const n of [0, 1, 9, 10, 99, 100, 4096, 65535, 1000000, 99999999, 100000000, 999999999, 1000000000, 2147483647, 9007199254740991]) {
      sink.bytes(Buffer.from('line ', 'utf8'));
      sink.number(n);
      sink.text(' — ok\n');
    }
    out.flush();
    expect(writes[0]).toEqual(['stderr', 'first\n']);
    expect(writes.slice(1).map(([, t]) => t).join('')).toBe(
      [0, 1, 9, 10, 99, 100, 4096, 65535, 1000000, 99999999, 100000000, 999999999, 1000000000, 2147483647, 9007199254740991].map((n) => `line ${n} — ok\n`).join(''));
  });

  it('bytes and numbers fill the buffer to the edge and go on in the next piece, none lost or repeated', () => {
    const { io, writes } = recording(true);
    const out = new ChunkedOutput(io);
    const piece = Buffer.from('  at line ', 'utf8');
    let expected = '';
    for (let n = 1; n <= 20000; n++) {
      out.bytes(piece);
      out.number(n);
      expected += `  at line ${n}`;
    }
    out.flush();
    expect(writes.length).toBeGreaterThan(3);
    expect(writes.every(([, t]) => t.length <= 1 << 16)).toBe(true);
    expect(writes.map(([, t]) => t).join('')).toBe(expected);
  });

  it('bytes longer than the buffer go out whole, after what is gathered; a stream is given a copy it may keep', () => {
    // A stream that keeps what it is given and reads it later, as a slow pipe's queue does.
    const kept: [string, Uint8Array][] = [];
    const keeping = (name: string) => ({ write: (chunk: Uint8Array) => kept.push([name, chunk]) });
    const out = new ChunkedOutput({ stdout: keeping('stdout'), stderr: keeping('stderr') } as unknown as IO);
    const big = Buffer.from('x'.repeat(100_000));
    out.write('stdout', 'before\n');
    out.bytes(big);
    big.fill('y');
    out.write('stdout', 'after\n');
    out.write('stderr', 'then\n');
    out.write('stdout', 'last\n');
    out.flush();
    expect(kept.map(([name, b]) => [name, Buffer.from(b).toString('utf8')])).toEqual([
      ['stdout', 'before\n'], ['stdout', 'x'.repeat(100_000)], ['stdout', 'after\n'], ['stderr', 'then\n'], ['stdout', 'last\n'],
    ]);
  });
});

