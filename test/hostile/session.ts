import type { FileSystem } from '../../src/io';
import { Kernel, toSigned } from '../../src/kernel/kernel';
import { Output } from '../../src/mdb/output';
import { Session } from '../../src/mdb/session';
import { makeTheme } from '../../src/render/theme';

// An in-process mdb session for the hostile-input tests: what it prints is kept
// line by line, and its file system refuses everything, so no fuzzed
// `::persist -f /etc/system` or `::etcsystem FILE` can touch the disk.

const refused = (syscall: string) => async (): Promise<never> => {
  throw Object.assign(new Error(`EROFS: read-only file system, ${syscall}`), { code: 'EROFS' });
};

export const readOnlyFs: FileSystem = {
  readFile: async (p) => { throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' }); },
  stat: async (p) => { throw Object.assign(new Error(`ENOENT: no such file or directory, stat '${p}'`), { code: 'ENOENT' }); },
  writeFile: refused('open'),
  rename: refused('rename'),
  copyFile: refused('copyfile'),
  unlink: refused('unlink'),
  chown: refused('fchown'),
  chmod: refused('fchmod'),
};

export interface Captured {
  session: Session;
  /** Everything written to stdout / stderr since the last take(). */
  take(): { stdout: string; stderr: string };
}

export function captured(writable: boolean, kernel: Kernel = new Kernel()): Captured {
  let stdout = '';
  let stderr = '';
  const session = new Session({
    kernel,
    out: new Output((s) => { stdout += s; }, (s) => { stderr += s; }, false),
    writable,
    theme: makeTheme({ NO_COLOR: '1' }, false),
    io: { stdinIsTTY: false, stdoutIsTTY: false, hostname: 'lab1', fs: readOnlyFs, env: { NO_COLOR: '1' }, pid: 0 },
    shell: async () => ({ stdout: '', stderr: '' }),
  });
  return {
    session,
    take() {
      session.out.flush();
      const r = { stdout, stderr };
      stdout = '';
      stderr = '';
      return r;
    },
  };
}

/** Every symbol's live value and every ndd parameter, as one comparable list. */
export function snapshot(kernel: Kernel): string[] {
  return [
    ...kernel.symbols.map((s) => `${s.name}=${kernel.value(s).toString(16)}`),
    ...kernel.nddParams().map((n) => `${n.param.device} ${n.param.name}=${n.value}`),
  ];
}

/** What `do_tcp_fusion/D` must print for the session's current kernel. */
export function probeExpected(kernel: Kernel): string {
  const sym = kernel.lookup('do_tcp_fusion');
  if (!sym) throw new Error('the model has no do_tcp_fusion');
  const value = toSigned(kernel.value(sym), sym.size);
  return `do_tcp_fusion:\n${'do_tcp_fusion:'.padEnd(16)}${String(value).padEnd(16)}\n`;
}

/**
 * The shapes a session's stderr line may take: mdb's own (`mdb: `, `Usage: `),
 * fusion-mdb's additions (`note: `, `hint: `), and ndd(1M)'s exact words from `::ndd`.
 */
export const STDERR_LINE = new RegExp([
  /^(mdb: |Usage: |note: |hint: )\S/.source,
  /^name is non-existent for this module$/.source,
  /^for a list of valid names, use name '\?'$/.source,
  /^operation failed: Invalid argument$/.source,
  /^open of \S.* failed: No such file or directory$/.source,
].join('|'));
