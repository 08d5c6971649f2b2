import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fdWriter, isPlainFd, readFd } from '../src/fd-io';

// Piped input and output through the descriptors (src/cli.ts uses these for pipes and files).

const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-fd-'));

describe('reading and writing a descriptor', () => {
  it('reads a file of several 64 KB chunks whole and in order', async () => {
    const file = join(dir, 'in');
    const text = Array.from({ length: 20_000 }, (_, i) => `line ${i}/D`).join('\n');
    writeFileSync(file, text);
    const fd = openSync(file, 'r');
    const chunks: Buffer[] = [];
    for await (const c of readFd(fd, () => { throw new Error('no fallback expected'); })) chunks.push(Buffer.from(c));
    closeSync(fd);
    expect(chunks.length).toBeGreaterThan(2);
    expect(Buffer.concat(chunks).toString()).toBe(text);
  });

  it('writes bytes whole, then through the stream once someone else uses it', () => {
    const file = join(dir, 'out');
    const fd = openSync(file, 'w');
    const streamed: string[] = [];
    const gone = (): never => { throw new Error('no EPIPE expected'); };
    const w = fdWriter(fd, () => ({ write: (d: Uint8Array) => streamed.push(Buffer.from(d).toString()) }), gone);
    w.write(Buffer.from('maxusers:\n'));
    w.useStream();
    w.write(Buffer.from('after\n'));
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('maxusers:\n');
    expect(streamed).toEqual(['after\n']);
  });

  it('the stream gets a copy: the caller may fill its buffer again at once', () => {
    const fd = openSync(join(dir, 'copied'), 'w');
    const queued: Uint8Array[] = [];
    const gone = (): never => { throw new Error('no EPIPE expected'); };
    const w = fdWriter(fd, () => ({ write: (d: Uint8Array) => queued.push(d) }), gone);
    w.useStream();
    const scratch = Buffer.from('ip:tcp_fusion_rcv_unread_min\n');
    w.write(scratch);
    scratch.fill('x');
    closeSync(fd);
    expect(queued.map((d) => Buffer.from(d).toString())).toEqual(['ip:tcp_fusion_rcv_unread_min\n']);
  });

  it('a regular file and /dev/null are plain, a descriptor that is not open is not', () => {
    const fd = openSync(join(dir, 'in'), 'r');
    expect(isPlainFd(fd)).toBe(true);
    closeSync(fd);
    expect(isPlainFd(999_999)).toBe(false);
    const devNull = openSync('/dev/null', 'r+');
    expect(isPlainFd(devNull)).toBe(true);
    closeSync(devNull);
  });
});
