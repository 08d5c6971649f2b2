import type { Theme } from '../render/theme';

/** The part of inquirer's prompt theme the wizard sets: every prompt type accepts it. */
export interface PromptTheme {
  prefix: { idle: string; done: string };
  icon: { cursor: string; checked: string; unchecked: string };
  style: {
    answer(text: string): string;
    message(text: string): string;
    error(text: string): string;
    defaultAnswer(text: string): string;
    help(text: string): string;
    highlight(text: string): string;
    key(text: string): string;
    description(text: string): string;
    keysHelpTip(keys: [key: string, action: string][]): string;
  };
}

// The keys select and checkbox name in their help line, as ASCII.
const ASCII_KEYS: Record<string, string> = { '↑↓': 'up/down', '⏎': 'enter' };

/**
 * The prompts in the session's colours and figures: inquirer's own theme colours
 * by node's styleText, which follows the process, not the IO the session was
 * given, and its figures assume a unicode terminal.
 */

export function promptTheme(theme: Theme): PromptTheme {
  const u = theme.unicode;
  return {
    prefix: { idle: theme.accent('?'), done: theme.ok(u ? '✔' : 'v') },
    icon: { cursor: u ? '❯' : '>', checked: theme.ok(u ? '◉' : '[x]'), unchecked: u ? '◯' : '[ ]' },
    style: {
      answer: (t) => theme.accent(t),
      message: (t) => theme.head(t),
      error: (t) => theme.bad(`> ${t}`),
      defaultAnswer: (t) => theme.dim(`(${t})`),
      help: (t) => theme.dim(t),
      highlight: (t) => theme.accent(t),
      key: (t) => theme.accent(`<${t}>`),
      description: (t) => theme.accent(t),
      keysHelpTip: (keys) => theme.dim(keys.map(([k, action]) => `${u ? k : (ASCII_KEYS[k] ?? k)} ${action}`).join(u ? ' • ' : ', ')),
    },
  };
}
