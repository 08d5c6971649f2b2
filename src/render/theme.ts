import { Chalk, type ChalkInstance } from 'chalk';

/** The colour policy, decided once: the only place that knows about escape codes. */
export interface Theme {
  enabled: boolean;
  /** UTF-8 locale: unicode blocks in charts, else ASCII. */
  unicode: boolean;
  ok(s: string): string;
  warn(s: string): string;
  bad(s: string): string;
  dim(s: string): string;
  head(s: string): string;
  accent(s: string): string;
}

/**
 * NO_COLOR (any non-empty value) turns colour off; FORCE_COLOR (not "0") turns it on
 * even for a pipe; otherwise colour follows whether stdout is a terminal.
 */
export function colourEnabled(env: Record<string, string | undefined>, stdoutIsTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stdoutIsTTY && env.TERM !== 'dumb';
}

export function unicodeLocale(env: Record<string, string | undefined>): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}

/** Colour off: every style gives the string back as it is (what chalk does at level 0, without its call). */
const asIs = (s: string): string => s;

export function makeTheme(env: Record<string, string | undefined>, stdoutIsTTY: boolean): Theme {
  const enabled = colourEnabled(env, stdoutIsTTY);
  const unicode = unicodeLocale(env);
  if (!enabled) return { enabled, unicode, ok: asIs, warn: asIs, bad: asIs, dim: asIs, head: asIs, accent: asIs };
  const c: ChalkInstance = new Chalk({ level: 1 });
  return {
    enabled,
    unicode,
    ok: (s) => c.green(s),
    warn: (s) => c.yellow(s),
    bad: (s) => c.red(s),
    dim: (s) => c.dim(s),
    head: (s) => c.bold(s),
    accent: (s) => c.cyan(s),
  };
}

/** A theme with no colour, for tests and piped output. */
export const PLAIN: Theme = makeTheme({ NO_COLOR: '1' }, false);
