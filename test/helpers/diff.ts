// A small line diff for golden files: what an update changes is printed, so a
// re-recorded golden is read, not waved through.

/** `-` lines of `before`, `+` lines of `after`, with up to `context` unchanged lines around each change. */
export function lineDiff(before: string, after: string, context = 2): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // LCS table, from the end
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const ops: { op: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { ops.push({ op: ' ', text: a[i]! }); i++; j++; }
    else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) ops.push({ op: '+', text: b[j++]! });
    else ops.push({ op: '-', text: a[i++]! });
  }
  const keep = ops.map((o, k) => o.op !== ' ' || ops.slice(Math.max(0, k - context), k + context + 1).some((x) => x.op !== ' '));
  const out: string[] = [];
  let skipped = false;
  ops.forEach((o, k) => {
    if (!keep[k]) { skipped = true; return; }
    if (skipped) out.push('@@');
    skipped = false;
    // trailing blanks matter in goldens: show where a line ends
    out.push(`${o.op}${o.text}${o.op === ' ' ? '' : '⏎'}`);
  });
  return out.join('\n');
}
