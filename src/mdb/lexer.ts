// Splitting an input line into commands: `;` and newline end a command, `//`
// starts a comment, and neither counts inside a quoted string (mdb_lex.l).

/** The commands of one line, comments removed; empty commands are kept out. */
export function splitCommands(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '!' && line[i + 1] !== '=') {
      // `! shell-command`: the rest of the line is the shell's, `;` and `//` included
      out.push(line.slice(start));
      start = line.length;
      break;
    } else if (ch === ';') {
      out.push(line.slice(start, i));
      start = i + 1;
    } else if (ch === '/' && line[i + 1] === '/') {
      out.push(line.slice(start, i));
      start = line.length;
      break;
    }
  }
  if (start < line.length) out.push(line.slice(start));
  return out.filter((c) => c.trim() !== '');
}

/** Splits dcmd arguments on white space, keeping quoted strings whole (quotes removed). */
export function splitArgs(text: string): string[] | { unterminated: string } {
  const args: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (i >= text.length) break;
    const q = text[i];
    if (q === '"' || q === "'") {
      const end = text.indexOf(q, i + 1);
      if (end < 0) return { unterminated: text.slice(i) };
      args.push(text.slice(i + 1, end));
      i = end + 1;
    } else {
      let j = i;
      while (j < text.length && !/\s/.test(text[j] as string)) j++;
      args.push(text.slice(i, j));
      i = j;
    }
  }
  return args;
}
