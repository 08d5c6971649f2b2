import { Writable } from 'node:stream';
import type { Terminal } from '../terminal';
import { parsed, validator } from './answers';
import type { PromptTheme } from './theme';

/** The prompts (src/wizard/prompts.ts), imported by runWizard on first use (never on the piped start-up path). */
export type Prompts = typeof import('./prompts');

/** What every question needs: the prompt functions, the terminal and the colours. */
export interface Ask {
  prompts: Prompts;
  terminal: Terminal;
  theme: PromptTheme;
}

/**
 * The streams of one prompt. inquirer ends its output when a prompt is done,
 * which would close a terminal that is not process.stdout (a test's stream, a
 * pty's): each prompt gets its own pass-through instead, reporting the width.
 */
function promptStreams(t: Terminal): { input: Terminal['input']; output: Writable } {
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      t.output.write(chunk);
      done();
    },
  });
  const { columns, rows } = t.output as { columns?: number; rows?: number };
  return { input: t.input, output: Object.assign(output, { columns, rows }) };
}

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

/** A typed answer, refused in place until `parse` accepts it; an empty answer takes `def`. */
export async function askText<T>(ask: Ask, message: string, def: string, parse: (text: string) => T | string): Promise<T> {
  const text = await ask.prompts.input(
    { message, default: def, validate: validator(parse), theme: ask.theme },
    promptStreams(ask.terminal),
  );
  return parsed(parse, text);
}

/** One of a few choices, moved through with the arrow keys. */
export function askChoice<T extends string>(ask: Ask, message: string, choices: readonly Choice<T>[], def: T): Promise<T> {
  return ask.prompts.select<T>({ message, choices, default: def, theme: ask.theme }, promptStreams(ask.terminal));
}

export function askYesNo(ask: Ask, message: string, def: boolean): Promise<boolean> {
  return ask.prompts.confirm({ message, default: def, theme: ask.theme }, promptStreams(ask.terminal));
}

/** The chosen values of a checkbox list; space toggles, enter accepts. */
export function askSome<T extends string>(ask: Ask, message: string, choices: readonly Choice<T>[], checked: ReadonlySet<T>): Promise<T[]> {
  const items = choices.map((c) => ({ ...c, checked: checked.has(c.value) }));
  return ask.prompts.checkbox<T>({ message, choices: items, theme: ask.theme }, promptStreams(ask.terminal));
}
