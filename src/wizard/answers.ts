// The wizard's typed answers: each parser gives the value or the sentence that
// the prompt shows under the answer, so a bad answer is refused in place.

/** A count or a size: decimal, or hex with 0x as mdb users write it. */
export function parseCount(text: string): number | string {
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : /^0x[0-9a-f]+$/i.test(t) ? Number.parseInt(t.slice(2), 16) : NaN;
  if (Number.isNaN(n)) return `"${t}" is not a positive integer (decimal, or hex with 0x)`;
  if (n <= 0) return 'give a positive integer: 0 is not allowed here';
  if (!Number.isSafeInteger(n)) return `${t} is past 2^53: give a smaller number`;
  return n;
}

/** The write sizes, in bytes, comma-separated: "12, 696". */
export function parsePattern(text: string): number[] | string {
  const items = text.split(',').map((s) => s.trim());
  if (items.every((s) => s === '')) return 'give at least one write size in bytes, e.g. 12, 696';
  const sizes: number[] = [];
  for (const [i, item] of items.entries()) {
    if (item === '') return `write size ${i + 1} is empty: separate sizes with single commas, e.g. 12, 696`;
    const n = parseCount(item);
    if (typeof n === 'string') return `write size ${i + 1}: ${n}`;
    sizes.push(n);
  }
  return sizes;
}

/** A name (of a workload, a flow, a file): any text but blanks, wrapped so it is not taken for a complaint. */
export function parseName(text: string, example: string): { name: string } | string {
  const name = text.trim();
  return name === '' ? `give a name, e.g. ${example}` : { name };
}

export const formatPattern = (pattern: readonly number[]): string => pattern.join(', ');

/** An inquirer `validate` from a parser: true, or the parser's sentence. */
export function validator<T>(parse: (text: string) => T | string): (text: string) => true | string {
  return (text) => {
    const r = parse(text);
    return typeof r === 'string' ? r : true;
  };
}

/** A parser that also accepts an empty answer, as "leave it out". */
export function optionalAnswer<T>(parse: (text: string) => T | string): (text: string) => T | undefined | string {
  return (text) => (text.trim() === '' ? undefined : parse(text));
}

/** The value of an answer the prompt has already validated. */
export function parsed<T>(parse: (text: string) => T | string, text: string): T {
  const r = parse(text);
  if (typeof r === 'string') throw new Error(`answer passed its check but does not parse: ${r}`);
  return r;
}
