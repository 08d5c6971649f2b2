import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/etc-system/checker';
import { cannotOpen } from '../../src/etc-system';
import { revised, settled, type Diagnostic } from '../../src/etc-system/diagnostic';
import { Kernel } from '../../src/kernel/kernel';
import { renderDiagnostics } from '../../src/render/diagnostics';
import { PLAIN } from '../../src/render/theme';
import { PATH } from './helpers';

// A finding reads its source line from the file only when it is shown: the
// line under the caret must still be the finding's own, whatever came between.

const TEXT = 'set maxusers=1024\nset tcp:tcp_xmit_hiwat=65536\n* comment\nset ip:tcp_fusion_rcv_unread_mn=16\n';
const FILE = Buffer.from(TEXT);

/** Whether the findings of a file (settled or not) still hold the file's bytes after a full collection. */
async function fileKept(settle: boolean): Promise<boolean> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let ref: WeakRef<Buffer> | undefined;
  const ds = ((): Diagnostic[] => {
    const bytes = Buffer.from(TEXT);
    ref = new WeakRef(bytes);
    const found = checkFile(new Kernel('s10'), bytes, PATH);
    return settle ? settled(found) : found;
  })();
  // A WeakRef is cleared only after the job that made it.
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  const kept = ref?.deref() !== undefined;
  expect(ds).toHaveLength(2);
  return kept;
}

describe('the source line of a finding', () => {
  it('each finding shows its own line, read after all of them were made', () => {
    const ds = checkFile(new Kernel('s10'), FILE, PATH);
    expect(ds.map((d) => [d.line, d.text])).toEqual([
      [2, 'set tcp:tcp_xmit_hiwat=65536'],
      [4, 'set ip:tcp_fusion_rcv_unread_mn=16'],
    ]);
    // Read again, in the other order: the same lines.
    expect([ds[1]?.text, ds[0]?.text]).toEqual(['set ip:tcp_fusion_rcv_unread_mn=16', 'set tcp:tcp_xmit_hiwat=65536']);
  });

  it('settled: each finding holds its own line, lets go of the file, and still shows the line', async () => {
    // A finding keeps its file until it is settled (so its line can be read when shown).
    expect(await fileKept(false)).toBe(true);
    expect(await fileKept(true)).toBe(false);
    const ds = checkFile(new Kernel('s10'), FILE, PATH);
    expect(settled(ds)).toBe(ds);
    expect(ds.map((d) => [d.line, d.text])).toEqual([
      [2, 'set tcp:tcp_xmit_hiwat=65536'],
      [4, 'set ip:tcp_fusion_rcv_unread_mn=16'],
    ]);
  });

  it('a severity from the config keeps the line and the caret', () => {
    const ds = checkFile(new Kernel('s10'), FILE, PATH, { rules: { 'near-miss': 'warning' } });
    expect(renderDiagnostics(ds.slice(1), { terminal: true, theme: PLAIN, codes: true })).toBe(
      "sorry, variable 'tcp_fusion_rcv_unread_mn' is not defined in the 'ip' module [warning: near-miss]\n" +
      '  at line 4 of /etc/system\n' +
      '    4 | set ip:tcp_fusion_rcv_unread_mn=16\n' +
      `      |     ${'^'.repeat('ip:tcp_fusion_rcv_unread_mn'.length)}\n` +
      "  hint: the line is ignored; did you mean 'ip:tcp_fusion_rcv_unread_min'? set ip:tcp_fusion_rcv_unread_min=16\n");
  });

  it('revised: another severity or hint, every other field kept', () => {
    const [d] = checkFile(new Kernel('s10'), FILE, PATH);
    if (!d) throw new Error('no finding');
    const r = revised(d, { severity: 'note', hint: 'see the runbook' });
    expect({ ...pick(r), text: r.text }).toEqual({ ...pick(d), severity: 'note', hint: 'see the runbook', text: d.text });
    const open = revised(cannotOpen('/etc/nope'), { hint: 'no such file' });
    expect([open.text, open.message, open.hint]).toEqual(['', 'cannot open system file: /etc/nope', 'no such file']);
  });
});

const pick = (d: ReturnType<typeof revised>) => ({
  file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, form: d.form, message: d.message, hint: d.hint, length: d.length, fix: d.fix,
});

describe('the line under the caret, whatever ends the lines', () => {
  // An unknown name (placed from the table's numbers) and an invalid number (placed by the parser).
  const lines = ['* tuning', 'set ip:tcp_fusion_rcv_unread_mn=16', 'set ip:tcp_fusion_rcv_unread_min=08'];
  const shown = (ending: string): string[] => {
    const ds = checkFile(new Kernel('s10'), Buffer.from(lines.join(ending) + ending), PATH);
    return renderDiagnostics(ds, { terminal: true, theme: PLAIN, codes: false }).split('\n').filter((l) => l.includes(' | '));
  };
  const expected = [
    '    2 | set ip:tcp_fusion_rcv_unread_mn=16',
    `      |     ${'^'.repeat('ip:tcp_fusion_rcv_unread_mn'.length)}`,
    '    3 | set ip:tcp_fusion_rcv_unread_min=08',
    '      |                                  ^^',
  ];

  it.each([['\n'], ['\r\n'], ['\r']])('lines ended by %j', (ending) => {
    expect(shown(ending)).toEqual(expected);
  });
});
