import { spawn } from 'node:child_process';
import type { ShellResult } from './session';

// `cmd ! shell-command` (mdb_shell_pipe): the output of cmd is the standard
// input of `/bin/sh -c shell-command`; what the shell prints comes back to be
// printed in order with the session's own output. Loaded only when used.

export function runShell(command: string, input: string): Promise<ShellResult> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => resolve({ stdout: '', stderr: '', error: `failed to exec /bin/sh: ${e.message}` }));
    child.on('close', () => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    // a command that does not read its input (`! true`) closes the pipe early: that is not an error
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
