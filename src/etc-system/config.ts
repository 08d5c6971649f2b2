// `.fusion-mdb.json`: the project's release, arch and per-code severities for
// --check. Parsed and validated here (pure); found on disk by src/check-config.ts.

import type { ArchId, ReleaseId } from '../kernel/types';
import { CODE_NAMES, isCode, type DiagnosticCode, type Severity } from './codes';

export const CONFIG_NAME = '.fusion-mdb.json';

export type RuleLevel = Severity | 'off';

export interface CheckConfig {
  /** Where it was read from. */
  path: string;
  release?: ReleaseId;
  arch?: ArchId;
  rules: Partial<Record<DiagnosticCode, RuleLevel>>;
}

const RELEASES: readonly ReleaseId[] = ['s10', 'opensolaris', 'illumos'];
const ARCHES: readonly ArchId[] = ['sun4v', 'i86pc'];
const LEVELS: readonly RuleLevel[] = ['off', 'note', 'warning', 'error'];

/** `PATH:LINE:COL` of a byte offset in the config text. */
function where(path: string, text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return `${path}:${line}:${offset - before.lastIndexOf('\n')}`;
}

/** Where `"key"` first appears (as a property name), for messages about it. */
function keyOffset(text: string, key: string, from = 0): number {
  const i = text.indexOf(`"${key}"`, from);
  return i < 0 ? 0 : i;
}

const list = (xs: readonly string[]): string => xs.map((x) => `"${x}"`).join(', ');

/** The config, or the message to print (exit 2): the file, the position, what is wrong. */
export function parseConfig(text: string, path: string): CheckConfig | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const at = /at position (\d+)/.exec(msg);
    const offset = at ? Number(at[1]) : text.length;
    return `${where(path, text, offset)}: not valid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '')}`;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return `${where(path, text, 0)}: the config must be a JSON object`;
  const config: CheckConfig = { path, rules: {} };
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    const at = where(path, text, keyOffset(text, key));
    if (key === 'release') {
      if (!RELEASES.includes(value as ReleaseId)) return `${at}: "release" must be one of ${list(RELEASES)}, not ${JSON.stringify(value)}`;
      config.release = value as ReleaseId;
    } else if (key === 'arch') {
      if (!ARCHES.includes(value as ArchId)) return `${at}: "arch" must be one of ${list(ARCHES)}, not ${JSON.stringify(value)}`;
      config.arch = value as ArchId;
    } else if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${at}: "rules" must be an object of code: severity`;
      const rulesAt = keyOffset(text, 'rules');
      for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
        const codeAt = where(path, text, keyOffset(text, code, rulesAt));
        if (!isCode(code)) return `${codeAt}: no check has the code "${code}" (the codes: ${CODE_NAMES.join(', ')})`;
        if (!LEVELS.includes(level as RuleLevel)) return `${codeAt}: the severity of "${code}" must be one of ${list(LEVELS)}, not ${JSON.stringify(level)}`;
        config.rules[code] = level as RuleLevel;
      }
    } else {
      return `${at}: unknown key "${key}" (a config has "release", "arch" and "rules")`;
    }
  }
  return config;
}
