import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brief, boot } from './helpers';

const UNREAD = 'tcp_fusion_rcv_unread_min';

describe('booting /etc/system onto the release defaults (issue 3 must-holds)', () => {
  it('set ip:tcp_fusion_rcv_unread_min=0 boots to 0, silently', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_min=0\n');
    expect(b.value(UNREAD)).toBe(0n);
    expect(b.kernel.provenance(UNREAD)).toBe('etc-system');
    expect(b.diagnostics).toEqual([]);
  });

  it('spaces around the operator change nothing', () => {
    expect(boot('set ip:tcp_fusion_rcv_unread_min = 0\n').value(UNREAD)).toBe(0n);
  });

  it('= 0x20 then | 0x3 gives 35, and | is not a duplicate', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_min = 0x20\nset ip:tcp_fusion_rcv_unread_min | 0x3\n');
    expect(b.value(UNREAD)).toBe(35n);
    expect(b.diagnostics).toEqual([]);
  });

  it('& ~1 clears the low bit', () => {
    expect(boot('set ip:tcp_fusion_rcv_unread_min = 35\nset ip:tcp_fusion_rcv_unread_min & ~1\n').value(UNREAD)).toBe(34n);
  });

  it('octal 040 is 32', () => {
    expect(boot('set ip:tcp_fusion_rcv_unread_min = 040\n').value(UNREAD)).toBe(32n);
  });

  it('-1 is stored truncated to the 4-byte uint_t', () => {
    expect(boot('set ip:tcp_fusion_rcv_unread_min = -1\n').value(UNREAD)).toBe(0xffffffffn);
  });

  it('08 is an invalid number on its line; the default stays', () => {
    const b = boot('* tuning\nset ip:tcp_fusion_rcv_unread_min = 08\n');
    expect(brief(b.diagnostics)).toEqual(["2 invalid-number: invalid number '08'"]);
    expect(b.diagnostics[0]?.severity).toBe('error');
    expect(b.value(UNREAD)).toBe(8n);
  });

  it('Set is an unknown command (keyword-case: only set and SET are keywords)', () => {
    const b = boot('\n\nSet ip:tcp_fusion_rcv_unread_min=0\n');
    expect(brief(b.diagnostics)).toEqual(["3 keyword-case: unknown command 'Set'"]);
    expect(b.value(UNREAD)).toBe(8n);
  });

  it('SET in capitals is the same command', () => {
    expect(boot('SET ip:tcp_fusion_rcv_unread_min=0\n').value(UNREAD)).toBe(0n);
  });

  it('forceload without a colon: a warning, and the line still counts', () => {
    const b = boot('forceload drv/ipf\n');
    expect(brief(b.diagnostics)).toEqual(["1 missing-colon: A colon (:) must follow the 'forceload' command"]);
    expect(b.diagnostics[0]?.severity).toBe('warning');
    expect(b.parsed.entries).toMatchObject([{ kind: 'directive', command: 'forceload', argument: 'drv/ipf' }]);
  });

  it('rootdev without a colon: the line is dropped', () => {
    const b = boot('rootdev /pseudo/md@0:0,0,blk\n');
    expect(b.diagnostics[0]).toMatchObject({ code: 'colon-required', severity: 'error', message: "A colon (:) must follow the 'rootdev' command" });
    expect(b.parsed.entries).toEqual([]);
  });

  it('a string on | is an illegal operator (the kernel names the string, not the operator)', () => {
    const b = boot('set ip:do_tcp_fusion | "on"\n');
    expect(brief(b.diagnostics)).toEqual(["1 illegal-operator: illegal operator 'on' used on a string"]);
    expect(b.diagnostics[0]?.hint).toContain("'|'");
  });

  it('set tcp:tcp_fusion_rcv_unread_min=1: the sorry line and a hint that it lives in ip', () => {
    const b = boot('* wrong module\nset tcp:tcp_fusion_rcv_unread_min=1\n');
    expect(b.diagnostics).toMatchObject([{
      line: 2, code: 'wrong-module', severity: 'error', form: 'printf',
      message: "sorry, variable 'tcp_fusion_rcv_unread_min' is not defined in the 'tcp' module",
      hint: "the line is ignored; tcp_fusion_rcv_unread_min is a variable of the 'ip' module: set ip:tcp_fusion_rcv_unread_min=1",
    }]);
    expect(b.value(UNREAD)).toBe(8n);
  });

  it('a repeated = gives the duplicate warning naming the value applied, in hex when written in hex', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_min=16\n* later\nset ip:tcp_fusion_rcv_unread_min=0x20\n');
    expect(brief(b.diagnostics)).toEqual([
      '3 duplicate: ip:tcp_fusion_rcv_unread_min is set more than once in /etc/system. "set ip:tcp_fusion_rcv_unread_min = 0x20" applied as the current setting.',
    ]);
    expect(b.value(UNREAD)).toBe(32n);
  });

  it('the duplicate warning folds | and & after the repeat, and prints decimal for a decimal last line', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_min=1\nset ip:tcp_fusion_rcv_unread_min=040\nset ip:tcp_fusion_rcv_unread_min|3\n');
    expect(b.diagnostics[0]?.message).toContain('"set ip:tcp_fusion_rcv_unread_min = 35" applied');
    expect(b.diagnostics[0]?.line).toBe(3);
    expect(b.value(UNREAD)).toBe(35n);
  });

  it('the kernel proper: no module in the duplicate, and the sorry line says kernel', () => {
    const b = boot('set fusion_mdb_no_such_thing=1\n');
    expect(b.diagnostics.map((d) => d.code)).toEqual(['not-catalogued']);
    const dup = boot('set fusion_mdb_no_such_thing=1\nset fusion_mdb_no_such_thing=2\n');
    expect(dup.diagnostics[0]?.message).toBe(
      'fusion_mdb_no_such_thing is set more than once in /etc/system. "set fusion_mdb_no_such_thing = 2" applied as the current setting.',
    );
  });

  it('the kernel proper sorry line ends with the kernel\'s trailing space', () => {
    const b = boot('set tcp_xmit_hiwat=65536\nset do_tcp_fusion=0\n');
    expect(b.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['ndd-parameter', "sorry, variable 'tcp_xmit_hiwat' is not defined in the 'kernel' "],
      ['wrong-module', "sorry, variable 'do_tcp_fusion' is not defined in the 'kernel' "],
    ]);
    expect(b.diagnostics[0]?.hint).toContain('ndd -set /dev/tcp tcp_xmit_hiwat 65536');
  });

  it('set32 is ignored by the 64-bit model, set64 applies', () => {
    const b = boot('set32 ip:tcp_fusion_rcv_unread_min=1\nset64 ip:tcp_fusion_rcv_unread_min=2\n');
    expect(b.value(UNREAD)).toBe(2n);
    expect(brief(b.diagnostics)).toEqual(['1 set32-ignored: set32 lines are ignored by a 64-bit kernel']);
  });

  it('boot starts from the release defaults, dropping earlier values', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_min=0\n');
    const sym = b.kernel.lookup(UNREAD);
    if (!sym) throw new Error('no symbol');
    b.kernel.write(sym.addr, sym.size, 99n, 'mdb');
    b.kernel.loadDefaults();
    expect(b.value(UNREAD)).toBe(8n);
  });

  it('a reboot after a boot and an mdb write gives every symbol the value and provenance of a fresh kernel', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_min=0\nset maxusers=2048\nset rlim_fd_max=4096\n');
    const fresh = boot('').kernel;
    const sym = b.kernel.lookup('ncsize');
    if (!sym) throw new Error('no symbol');
    b.kernel.write(sym.addr, sym.size, 7n, 'mdb');
    b.kernel.loadDefaults();
    fresh.loadDefaults();
    const differ = b.kernel.symbols.filter((s) => b.kernel.value(s) !== fresh.value(s) || b.kernel.provenance(s.name) !== 'default');
    expect(differ.map((s) => s.name)).toEqual([]);
    expect(b.kernel.value(sym)).not.toBe(7n);
    expect(b.kernel.provenance('no_such_variable')).toBeUndefined();
  });

  it('a removed variable on illumos: sorry line + CR 6826274', () => {
    const b = boot('set ip:tcp_fusion_rcv_unread_min=0\n', 'illumos');
    expect(b.diagnostics).toMatchObject([{ code: 'removed', message: "sorry, variable 'tcp_fusion_rcv_unread_min' is not defined in the 'ip' module" }]);
    expect(b.diagnostics[0]?.hint).toContain('6826274');
  });
});

describe('the or-and fixture', () => {
  it('0x20, | 0x3, & ~1 boot to 34; & 0 clears a flag', () => {
    const b = boot(readFileSync('fixtures/etc-system/or-and.system'));
    expect(b.value(UNREAD)).toBe(34n);
    expect(b.value('do_tcp_direct_sockfs')).toBe(0n);
    expect(b.diagnostics).toEqual([]);
  });
});
