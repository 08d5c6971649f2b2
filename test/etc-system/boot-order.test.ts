import { describe, expect, it } from 'vitest';
import { bootFromFiles } from '../../src/etc-system/boot-file';
import { Kernel } from '../../src/kernel/kernel';

// The boot finds its faults name by name (every line of one mistaken name, then
// the next), the parser line by line, and some boot messages have no line at all:
// bootFromFiles hands them back file by file (in the order given), in line order,
// and the lineless ones last.

const frag = (path: string, text: string) => ({ path, data: Buffer.from(text) });

describe('the order of the findings of several files', () => {
  it('each file in the order given, its findings by line, then column; the messages of no line last', () => {
    const files = [
      frag('/etc/system.d/b', 'set tcp:tcp_xmit_hiwat=1\nset maxusers=08\nset nosuch_b=1\nset tcp:tcp_xmit_hiwat=2\n'),
      frag('/etc/system.d/a', 'set nosuch_a=1\nset ip:tcp_fusion_rcv_unread_mn=16\nset nosuch_a=2\nset maxusers=09\n'),
      frag('/etc/system', 'set ip:tcp_fusion_rcv_unread_mn=16\nset tcp:tcp_xmit_hiwat=3\nset nosuch_b=1 junk\n'),
    ];
    const ds = bootFromFiles(new Kernel('s10'), files);
    expect(ds.map((d) => `${d.file} ${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
      '/etc/system.d/b 1:5 error ndd-parameter',
      '/etc/system.d/b 2:14 error invalid-number',
      '/etc/system.d/b 3:5 note not-catalogued',
      '/etc/system.d/b 4:5 error ndd-parameter',
      '/etc/system.d/a 1:5 note not-catalogued',
      '/etc/system.d/a 2:5 error near-miss',
      '/etc/system.d/a 3:5 warning duplicate',
      '/etc/system.d/a 3:5 note not-catalogued',
      '/etc/system.d/a 4:14 error invalid-number',
      '/etc/system 1:5 error near-miss',
      '/etc/system 1:5 warning duplicate',
      '/etc/system 2:5 error ndd-parameter',
      '/etc/system 2:5 warning duplicate',
      '/etc/system 3:5 warning duplicate',
      '/etc/system 3:5 note not-catalogued',
      '/etc/system 3:16 warning extraneous-input',
    ]);
  });

  it('one file: its findings by line, whatever order the boot found them in', () => {
    // Found as: the parser's (invalid-number), then the duplicates, then name by name.
    const text = Array.from({ length: 30 }, (_, i) => [`set tcp:tcp_xmit_hiwat=${i}`, 'set maxusers=08', `set nosuch${i}=1`][i % 3]).join('\n');
    const ds = bootFromFiles(new Kernel('s10'), [frag('/etc/system', text)]);
    const kinds = ['ndd-parameter', 'invalid-number', 'not-catalogued'];
    const expected = Array.from({ length: 30 }, (_, i) => `${i + 1} ${kinds[i % 3]}`);
    // The last tcp_xmit_hiwat line is the one applied: the duplicate warning is there, after the error.
    expected.splice(28, 0, '28 duplicate');
    expect(ds.map((d) => `${d.line} ${d.code}`)).toEqual(expected);
  });

  it('one file: a boot message with no line of its own comes after every finding of a line, the others keep their order', () => {
    // On 128 MB the name cache maxusers=4096 sizes is past the inodes memory allows: the kernel
    // sets ufs_ninode to its max, and the file sets neither ncsize nor ufs_ninode to place that at.
    const kernel = new Kernel('s10', 'sun4v', { arch: 'sun4v', memory: 128n << 20n, ncpus: 8 });
    const text = 'set nosuch=1\nset maxusers=4096\nset maxusers=08\nset nosuch2=1\n';
    const ds = bootFromFiles(kernel, [frag('/etc/system', text)]);
    // (The max itself follows the model's memory sizing: test/kernel/boot-messages.test.ts.)
    expect(ds.map((d) => `${d.line}:${d.column} ${d.code} ${d.message.replace(/\d+$/, 'N')}`)).toEqual([
      '1:5 not-catalogued nosuch is not in the fusion-mdb catalogue; not checked',
      '3:14 invalid-number invalid number \'08\'',
      '4:5 not-catalogued nosuch2 is not in the fusion-mdb catalogue; not checked',
      '0:0 boot-message setting ufs_ninode to max value of N',
    ]);
  });
});

