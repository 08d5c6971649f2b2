// The certain fixes of checker.md applied to a file's bytes (--fix), or shown
// as a unified diff that `patch -p0` applies (--diff). A file is bytes, one
// character per byte: line ends (CRLF stays CRLF) and every other byte are kept.

import type { Fix } from './diagnostic';
import { splitLines, type Line } from './lines';

/** The file with the fixes applied; overlapping fixes on a line: the first (leftmost) wins. */
export function applyFixes(data: Uint8Array, fixes: readonly Fix[]): Buffer {
  const lines = splitLines(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1'));
  const byLine = new Map<number, Fix[]>();
  for (const f of fixes) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  for (const [n, fs] of byLine) {
    const line = lines[n - 1];
    if (!line) continue;
    let body = line.body;
    let limit = Infinity;
    // Right to left, so the columns of the fixes still to apply stay true.
    for (const f of [...fs].sort((a, b) => b.column - a.column)) {
      if (f.endColumn - 1 > limit) continue;
      body = body.slice(0, f.column - 1) + f.text + body.slice(f.endColumn - 1);
      limit = f.column - 1;
    }
    line.body = body;
  }
  return Buffer.from(lines.map((l) => l.body + l.eol).join(''), 'latin1');
}

const CONTEXT = 3;

/** `--- NAME` / `+++ NAME` unified diff of two versions with the same line count (fixes change lines, never add them). */
export function unifiedDiff(name: string, before: Uint8Array, after: Uint8Array): string {
  const a = splitLines(Buffer.from(before).toString('latin1'));
  const b = splitLines(Buffer.from(after).toString('latin1'));
  const changed: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i]?.body !== b[i]?.body) changed.push(i);
  if (changed.length === 0) return '';
  const out = [`--- ${name}`, `+++ ${name}`];
  const show = (l: Line | undefined, mark: string): string[] => {
    const text = `${mark}${l?.body ?? ''}${l?.eol === '\r\n' ? '\r' : ''}`;
    return l?.eol === '' ? [text, '\\ No newline at end of file'] : [text];
  };
  for (let k = 0; k < changed.length;) {
    // One hunk: changes no more than 2 * CONTEXT lines apart.
    let last = k;
    while (last + 1 < changed.length && (changed[last + 1] as number) - (changed[last] as number) <= 2 * CONTEXT) last++;
    const from = Math.max(0, (changed[k] as number) - CONTEXT);
    const to = Math.min(a.length - 1, (changed[last] as number) + CONTEXT);
    const count = to - from + 1;
    out.push(`@@ -${from + 1},${count} +${from + 1},${count} @@`);
    const hunk = new Set(changed.slice(k, last + 1));
    const body: string[] = [];
    for (let i = from; i <= to; i++) {
      if (!hunk.has(i)) body.push(...show(a[i], ' '));
      else body.push(...show(a[i], '-'), ...show(b[i], '+'));
    }
    out.push(...body);
    k = last + 1;
  }
  return `${out.join('\n')}\n`;
}
