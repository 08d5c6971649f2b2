// mdb_getopts(): single-letter options. An option that takes a value accepts it
// attached (`-s4000`) or as the next word (`-s 4000`); flags may be grouped
// (`-dq`). Options come first, as mdb reads them: the first word that is not
// an option ends them (so does `--`), and everything after it is an argument,
// a word starting with `-` included — which the dcmds then refuse with their
// usage, as mdb's do (`::trace local -n 0t12` is a bad call). An unknown
// option, or one missing its value, is a bad call too.

/** Per letter: true when the option takes a value. */
export type OptionSpec = Readonly<Record<string, boolean>>;

export interface ParsedOptions {
  /** Flags seen, and the last value of each option that takes one. */
  options: Map<string, string | true>;
  /** The words after the options. */
  args: string[];
}

export function getopts(words: readonly string[], spec: OptionSpec): ParsedOptions | 'usage' {
  const options = new Map<string, string | true>();
  const args: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--') {
      args.push(...words.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      args.push(...words.slice(i));
      break;
    }
    for (let j = 1; j < word.length; j++) {
      const letter = word[j] as string;
      const takesValue = spec[letter];
      if (takesValue === undefined) return 'usage';
      if (!takesValue) {
        options.set(letter, true);
        continue;
      }
      const attached = word.slice(j + 1);
      const value = attached !== '' ? attached : words[++i];
      if (value === undefined) return 'usage';
      options.set(letter, value);
      break;
    }
  }
  return { options, args };
}

/** The value of an option that takes one, if it was given. */
export function optionValue(p: ParsedOptions, letter: string): string | undefined {
  const v = p.options.get(letter);
  return typeof v === 'string' ? v : undefined;
}
