// A system file's physical lines with their ends kept: "\r\n", "\n" or a lone
// "\r" ends a line, as Source.place() counts them, so a rewrite keeps CRLF as CRLF.

export interface Line {
  body: string;
  eol: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ body: text.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ body: text.slice(start), eol: '' });
  return lines;
}
