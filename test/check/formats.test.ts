import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CODE_NAMES } from '../../src/etc-system/codes';
import { run } from '../helpers/io';
import { scratch } from './helpers';

// --format: SARIF validated against the OASIS SARIF 2.1.0 schema (fixtures/sarif),
// the JSON document against the schema we ship (schemas/), and the exact lines of
// gcc, github, checkstyle and junit.

const ROOT = join(__dirname, '../..');
const { dir, put } = scratch();
const BAD = put('bad.system', '* two findings\nset tcp_fusion_rcv_unread_min=0\nforceload drv/ipf\n');
const CLEAN = put('clean.system', 'set ip:do_tcp_fusion=0\n');
const json = (name: string): object => JSON.parse(readFileSync(join(ROOT, name), 'utf8')) as object;

describe('--format sarif', () => {
  const sarif04 = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(sarif04);
  const validate = sarif04.compile(json('fixtures/sarif/sarif-schema-2.1.0.json'));

  it('validates against the OASIS SARIF 2.1.0 schema, with the required structure', async () => {
    const r = await run(['--check', '--format', 'sarif', 'bad.system', 'clean.system', join(dir, 'missing.system')], '', { cwd: dir });
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string; help: { text: string }; defaultConfiguration: { level: string } }[] } };
        results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: object } }[] }[] }[];
    };
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.version).toBe('2.1.0');
    const [only] = log.runs;
    expect(log.runs).toHaveLength(1);
    expect(only?.tool.driver.name).toBe('fusion-mdb');
    expect(only?.tool.driver.rules.map((x) => x.id)).toEqual(CODE_NAMES);
    expect(only?.tool.driver.rules.find((x) => x.id === 'near-miss')?.defaultConfiguration.level).toBe('error');
    expect(only?.tool.driver.rules.find((x) => x.id === 'near-miss')?.help.text).toBe(readFileSync(join(ROOT, 'docs/checks/near-miss.md'), 'utf8'));
    expect(only?.results.map((x) => [x.ruleId, x.level, x.locations[0]?.physicalLocation.artifactLocation.uri, x.locations[0]?.physicalLocation.region])).toEqual([
      ['wrong-module', 'error', 'bad.system', { startLine: 2, startColumn: 5, endColumn: 30 }],
      ['missing-colon', 'warning', 'bad.system', { startLine: 3, startColumn: 11, endColumn: 14 }],
      ['cannot-open', 'error', 'missing.system', undefined],
    ]);
    expect(r.code).toBe(1);
  });

  it('a path with spaces and an absolute path are relative URI references', async () => {
    const spaced = put('my host.system', 'set tcp_fusion_rcv_unread_min=1\n');
    const r = await run(['--check', '--format', 'sarif', spaced], '', { cwd: dir });
    const log = JSON.parse(r.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(validate(log)).toBe(true);
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('my%20host.system');
  });
});

describe('--format json', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(json('schemas/check-result.schema.json'));

  it('one document that validates against schemas/check-result.schema.json', async () => {
    const r = await run(['--check', '--format', 'json', BAD, CLEAN]);
    const doc = JSON.parse(r.stdout) as { files: string[]; summary: object; diagnostics: object[] };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.files).toEqual([BAD, CLEAN]);
    expect(doc.summary).toEqual({ errors: 1, warnings: 1, notes: 0, files: 2 });
    expect(doc.diagnostics[0]).toEqual({
      file: BAD, line: 2, column: 5, endColumn: 30, severity: 'error', code: 'wrong-module',
      message: "sorry, variable 'tcp_fusion_rcv_unread_min' is not defined in the 'kernel' ",
      hint: "the line is ignored; tcp_fusion_rcv_unread_min is a variable of the 'ip' module: set ip:tcp_fusion_rcv_unread_min=0",
      fix: { line: 2, column: 5, endColumn: 30, text: 'ip:tcp_fusion_rcv_unread_min' },
    });
    expect((await run(['--check', '--json', BAD, CLEAN])).stdout).toBe(r.stdout);
  });

  it('the schema ships in the package', () => {
    expect((json('package.json') as { files: string[] }).files).toEqual(expect.arrayContaining(['schemas', 'docs']));
  });
});

describe('--format github, checkstyle, junit', () => {
  it('github: workflow commands, escaped as the runner requires', async () => {
    const odd = put('a,b:c.system', 'set tcp_fusion_rcv_unread_min=1\n');
    const r = await run(['--check', '--format', 'github', BAD, odd]);
    expect(r.stdout).toBe(
      `::error file=${BAD.replace(/:/g, '%3A')},line=2,col=5,endColumn=30,title=wrong-module::sorry, variable 'tcp_fusion_rcv_unread_min' is not defined in the 'kernel' %0Ahint: the line is ignored; tcp_fusion_rcv_unread_min is a variable of the 'ip' module: set ip:tcp_fusion_rcv_unread_min=0\n` +
      `::warning file=${BAD},line=3,col=11,endColumn=14,title=missing-colon::A colon (:) must follow the 'forceload' command%0Ahint: put a colon after the command: 'forceload: ...'\n` +
      `::error file=${dir}/a%2Cb%3Ac.system,line=1,col=5,endColumn=30,title=wrong-module::sorry, variable 'tcp_fusion_rcv_unread_min' is not defined in the 'kernel' %0Ahint: the line is ignored; tcp_fusion_rcv_unread_min is a variable of the 'ip' module: set ip:tcp_fusion_rcv_unread_min=1\n`);
    expect(r.code).toBe(1);
  });

  it('gcc and github: a mistake repeated line after line, among others, each finding at its own place', async () => {
    const text = ['set ndd_x=1', ' set tcp:tcp_xmit_hiwat=65536', 'set maxusers=08', 'set tcp:tcp_xmit_hiwat=65536', '\tset  ip:tcp_fusion_rcv_unread_mn=16', 'set tcp:tcp_xmit_hiwat=1'].join('\n');
    const file = put('repeated.system', `${text}\n`);
    const NDD = "sorry, variable 'tcp_xmit_hiwat' is not defined in the 'tcp' module";
    const gcc = (await run(['--check', '--format', 'gcc', 'repeated.system'], '', { cwd: dir })).stdout;
    expect(gcc).toBe([
      'repeated.system:1:5: note: ndd_x is not in the fusion-mdb catalogue; not checked [not-catalogued]',
      `repeated.system:2:6: error: ${NDD} [ndd-parameter]`,
      "repeated.system:3:14: error: invalid number '08' [invalid-number]",
      `repeated.system:4:5: error: ${NDD} [ndd-parameter]`,
      "repeated.system:5:7: error: sorry, variable 'tcp_fusion_rcv_unread_mn' is not defined in the 'ip' module [near-miss]",
      `repeated.system:6:5: error: ${NDD} [ndd-parameter]`,
      // The kernel's check_system_file() warns of a name set twice whether or not it exists.
      'repeated.system:6:5: warning: tcp:tcp_xmit_hiwat is set more than once in repeated.system. "set tcp:tcp_xmit_hiwat = 1" applied as the current setting. [duplicate]',
      '',
    ].join('\n'));
    const github = (await run(['--check', '--format', 'github', file])).stdout.split('\n');
    expect(github.slice(1, 4).map((l) => l.split('::')[1])).toEqual([
      `error file=${file},line=2,col=6,endColumn=24,title=ndd-parameter`,
      `error file=${file},line=3,col=14,endColumn=16,title=invalid-number`,
      `error file=${file},line=4,col=5,endColumn=23,title=ndd-parameter`,
    ]);
    expect(github[5]?.split('::')[1]).toBe(`error file=${file},line=6,col=5,endColumn=23,title=ndd-parameter`);
    expect(new Set([github[1], github[3]].map((l) => l?.split('::')[2])).size).toBe(1);
  });

  it('checkstyle: one <file> per file, severities error, warning, info', async () => {
    const r = await run(['--check', '--format', 'checkstyle', 'bad.system', 'clean.system'], '', { cwd: dir });
    expect(r.stdout).toBe([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<checkstyle version="4.3">',
      '  <file name="bad.system">',
      `    <error line="2" column="5" severity="error" message="sorry, variable &apos;tcp_fusion_rcv_unread_min&apos; is not defined in the &apos;kernel&apos;  (hint: the line is ignored; tcp_fusion_rcv_unread_min is a variable of the &apos;ip&apos; module: set ip:tcp_fusion_rcv_unread_min=0)" source="fusion-mdb.wrong-module"/>`,
      `    <error line="3" column="11" severity="warning" message="A colon (:) must follow the &apos;forceload&apos; command (hint: put a colon after the command: &apos;forceload: ...&apos;)" source="fusion-mdb.missing-colon"/>`,
      '  </file>',
      '  <file name="clean.system">',
      '  </file>',
      '</checkstyle>',
      '',
    ].join('\n'));
  });

  it('junit: one testcase per file, failing at the threshold', async () => {
    const r = await run(['--check', '--format', 'junit', 'bad.system', 'clean.system'], '', { cwd: dir });
    expect(r.stdout).toBe([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="fusion-mdb --check" tests="2" failures="1" errors="0">',
      '  <testsuite name="fusion-mdb --check" tests="2" failures="1" errors="0">',
      '    <testcase classname="fusion-mdb.check" name="bad.system">',
      '      <failure message="1 error, 0 warnings, 0 notes" type="wrong-module">' +
      'bad.system:2:5: error: sorry, variable &apos;tcp_fusion_rcv_unread_min&apos; is not defined in the &apos;kernel&apos;  [wrong-module]\n' +
      '  hint: the line is ignored; tcp_fusion_rcv_unread_min is a variable of the &apos;ip&apos; module: set ip:tcp_fusion_rcv_unread_min=0\n' +
      'bad.system:3:11: warning: A colon (:) must follow the &apos;forceload&apos; command [missing-colon]\n' +
      '  hint: put a colon after the command: &apos;forceload: ...&apos;</failure>',
      '    </testcase>',
      '    <testcase classname="fusion-mdb.check" name="clean.system"></testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n'));
  });
});

describe('exit status and thresholds', () => {
  const warnOnly = put('warn.system', 'forceload drv/ipf\n');
  const noteOnly = put('note.system', 'set ip:fusion_mdb_uncatalogued_knob=1\n');
  it.each([
    [[], warnOnly, 0], [['--strict'], warnOnly, 1], [['--failure-threshold', 'warning'], warnOnly, 1],
    [['--failure-threshold', 'warning'], noteOnly, 0], [['--failure-threshold', 'note'], noteOnly, 1], [['--failure-threshold', 'error'], BAD, 1],
  ] as [string[], string, number][])('%j %s: exit %i', async (flags, file, code) => {
    expect((await run(['--check', ...flags, file])).code).toBe(code);
  });

  it('-q: only what is at or above the threshold, no hints, no summary', async () => {
    expect((await run(['--check', '-q', BAD])).stdout).toBe(`sorry, variable 'tcp_fusion_rcv_unread_min' is not defined in the 'kernel'  [error: wrong-module]\n  at line 2 of ${BAD}\n`);
    expect((await run(['--check', '-q', warnOnly])).stdout).toBe('');
    expect((await run(['--check', '-q', '--strict', warnOnly])).stdout).toBe(`WARNING: A colon (:) must follow the 'forceload' command on line 1 of ${warnOnly} [warning: missing-colon]\n`);
  });
});
