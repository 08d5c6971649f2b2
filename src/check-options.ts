import { Option, type Command } from 'commander';
import type { Severity } from './etc-system/codes';

// The options of `--check` (checker.md): defined here, validated here, so that
// src/options.ts stays the short table of the whole command line.

export const FORMATS = ['text', 'json', 'gcc', 'github', 'sarif', 'checkstyle', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  /** Files to check, `-` for standard input, in the order given. */
  files: string[];
  format: Format;
  failureThreshold: Severity;
  stdinName?: string;
  config?: string;
  inlineConfig: boolean;
  fix: boolean;
  diff: boolean;
  /** --release / --arch came from the command line (they win over .fusion-mdb.json). */
  releaseGiven: boolean;
  archGiven: boolean;
}

export function addCheckOptions(cmd: Command): Command {
  return cmd
    .argument('[file...]', 'with --check: the files to check (- for standard input)')
    .addOption(new Option('--format <name>', 'with --check: how to print the findings').choices(FORMATS))
    .addOption(new Option('--failure-threshold <severity>', 'with --check: exit 1 when a finding is at least this severe').choices(['error', 'warning', 'note']))
    .option('--stdin-name <name>', 'with --check: the name to report standard input under')
    .option('--config <file>', 'with --check: the .fusion-mdb.json to use (default: found upward from each file)')
    .option('--no-inline-config', 'with --check: ignore "* fusion-mdb: disable=..." comments')
    .option('--fix', 'with --check: apply the certain fixes in place (the old file kept as FILE.bak)')
    .option('--diff', 'with --check: print the certain fixes as a diff for patch -p0; write nothing');
}

type Raw = Record<string, unknown>;
const given = (o: Raw, key: string): boolean => o[key] !== undefined && o[key] !== false;

/**
 * The check options, or the usage error to print (checker.md: an option that
 * has no meaning with --check, or a --check option without it, is refused).
 */
export function checkOptions(o: Raw, args: readonly string[], sources: (key: string) => string | undefined): CheckOptions | string {
  const check = o.check === true;
  const onlyCheck: [string, string][] = [['format', '--format'], ['failureThreshold', '--failure-threshold'], ['strict', '--strict'],
    ['stdinName', '--stdin-name'], ['config', '--config'], ['fix', '--fix'], ['diff', '--diff']];
  if (!check) {
    const stray = onlyCheck.find(([key]) => given(o, key)) ?? (o.inlineConfig === false ? ['', '--no-inline-config'] : undefined);
    if (stray) return `${stray[1]} has a meaning only with --check`;
    if (args.length) return `unexpected argument '${args[0]}'`;
  } else {
    // The one list of options that have no meaning with --check: a check reads no workload or
    // trace, writes no kernel and prints nothing else.
    const notWith = ([['e', '-e'], ['workload', '--workload'], ['report', '--report'], ['failOnEagain', '--fail-on-eagain'], ['w', '-w'],
      ['truss', '--truss'], ['dtrace', '--dtrace'], ['dtraceScript', '--dtrace-script'], ['explain', '--explain']] as const)
      .find(([key]) => given(o, key));
    if (notWith) return `${notWith[1]} has no meaning with --check`;
  }
  if (o.fix === true && o.diff === true) return '--fix and --diff do not go together: --diff shows what --fix would write';
  if (o.json === true && o.format !== undefined && o.format !== 'json') return `--json and --format ${String(o.format)} do not go together`;
  if (o.strict === true && o.failureThreshold !== undefined && o.failureThreshold !== 'warning') {
    return `--strict is --failure-threshold warning; it does not go with --failure-threshold ${String(o.failureThreshold)}`;
  }
  const etc = Array.isArray(o.etcSystem) ? (o.etcSystem as string[]) : [];
  const files = [...etc, ...args];
  if (files.filter((f) => f === '-').length > 1) return 'standard input (-) can be checked once';
  if (check && files.length === 0 && o.stdinName !== undefined) files.push('-');
  if (o.fix === true && files.includes('-')) return '--fix cannot rewrite standard input; use --diff';
  return {
    files,
    format: o.json === true ? 'json' : (o.format as Format | undefined) ?? 'text',
    failureThreshold: o.strict === true ? 'warning' : (o.failureThreshold as Severity | undefined) ?? 'error',
    ...(typeof o.stdinName === 'string' ? { stdinName: o.stdinName } : {}),
    ...(typeof o.config === 'string' ? { config: o.config } : {}),
    inlineConfig: o.inlineConfig !== false,
    fix: o.fix === true,
    diff: o.diff === true,
    releaseGiven: sources('release') === 'cli',
    archGiven: sources('arch') === 'cli',
  };
}

/** Options that may be given once: a repeat is a usage error, never last-wins. */
export function repeated(o: Raw): string | undefined {
  for (const [key, flag] of [['etcSystem', '--etc-system'], ['workload', '--workload'], ['e', '-e']] as const) {
    const v = o[key];
    if (Array.isArray(v) && v.length > 1) {
      return `${flag} given ${v.length} times ('${v.join("', '")}'); give it once`;
    }
  }
  return undefined;
}

/** Commander's collector for options that may appear more than once. */
export const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];
