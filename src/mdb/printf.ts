// The column rules mdb's printf engine applies (mdb_io.c): left-justified
// fields, tab stops at multiples of 16 for labels, wrapping at 80 columns.

export const COLUMNS = 80;
export const TABSTOP = 16;

/** `%-Ns`: pad on the right to `width`. */
export function left(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** Pads `s` to the next multiple of `stop` (`%16T`); already on a stop → unchanged unless empty. */
export function toStop(s: string, stop: number): string {
  const rem = s.length % stop;
  return rem === 0 && s.length > 0 ? s : s + ' '.repeat(stop - rem);
}

/** A label `sym:` padded to column 16 or the next multiple of 16 when longer. */
export function label(text: string): string {
  const s = `${text}:`;
  return s.length < TABSTOP ? left(s, TABSTOP) : toStop(s, TABSTOP);
}

/** Lays out fields after a prefix, wrapping at 80 columns with a 16-space indent. */
export function wrapFields(prefix: string, fields: readonly string[]): string {
  const lines: string[] = [];
  let line = prefix;
  for (const field of fields) {
    if (line.length + field.length > COLUMNS && line.trim() !== '') {
      lines.push(line);
      line = ' '.repeat(TABSTOP);
    }
    line += field;
  }
  lines.push(line);
  return lines.join('\n');
}
