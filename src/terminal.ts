import type { Readable, Writable } from 'node:stream';

/** The terminal, lent to a dialogue that reads it with its own line reader (::wizard's prompts). */
export interface Terminal {
  input: Readable;
  output: Writable;
}

/**
 * Gives the terminal to `use` until it settles. The REPL provides this: its own
 * line reader hears nothing meanwhile, so no answer is taken for an mdb command.
 */
export type LendTerminal = <T>(use: (terminal: Terminal) => Promise<T>) => Promise<T>;
