// The documentation page of a check code, rendered from the one table in
// codes.ts: docs/checks/CODE.md, `fusion-mdb --explain CODE` and SARIF
// rules[].help all print this text.

import { CODES, type DiagnosticCode } from './codes';

const fence = (s: string): string => ['```', s, '```'].join('\n');

/** The page as Markdown (it reads as plain text at a terminal too). */
export function codePage(code: DiagnosticCode): string {
  const c = CODES[code];
  const fixable = 'fixable' in c && c.fixable;
  return [
    `# ${code}`,
    '',
    `Severity: ${c.severity}${fixable ? '. `fusion-mdb --check --fix` corrects it where the fix is certain' : ''}.`,
    '',
    `${c.summary[0]?.toUpperCase()}${c.summary.slice(1)}.`,
    '',
    '## What the kernel does',
    '',
    c.kernel,
    '',
    '## Why it matters',
    '',
    c.why,
    '',
    '## Example',
    '',
    'Reported:',
    '',
    fence(c.bad),
    '',
    'Instead:',
    '',
    fence(c.good),
    '',
    '## How to silence it',
    '',
    'For one line, put a comment on the line before it (the kernel ignores comments):',
    '',
    fence(`* fusion-mdb: disable=${code} -- the reason`),
    '',
    `For a whole file, \`* fusion-mdb: disable-file=${code}\` anywhere in it. For every file under a`,
    `directory, in its \`.fusion-mdb.json\`: \`{"rules": {"${code}": "off"}}\` (or another severity:`,
    '`note`, `warning`, `error`).',
    '',
  ].join('\n');
}

/** docs/checks/README.md: the index of the codes. */
export function codeIndex(): string {
  const rows = (Object.keys(CODES) as DiagnosticCode[]).map((code) => `| [${code}](${code}.md) | ${CODES[code].severity} | ${CODES[code].summary} |`);
  return [
    '# The checks of `fusion-mdb --check`',
    '',
    'Each diagnostic has a code and one default severity, by effect: **error** when the line will not',
    'take effect as written, **warning** when it takes effect but probably not as meant, **note** for',
    'what is informational or not checked. `fusion-mdb --explain CODE` prints a page at the terminal.',
    '',
    '| Code | Severity | What it means |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
