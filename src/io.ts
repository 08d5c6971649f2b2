import type { Readable, Writable } from 'node:stream';

/** The file operations the tool needs, so tests can inject faults (full disk, read-only dir). */
export interface FileSystem {
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: string | Buffer): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number }>;
  /** The names in a directory (/etc/system.d); optional for fakes that never list one. */
  readdir?(path: string): Promise<string[]>;
}

/** The seam between the program and the process: every byte in or out goes through it. */
export interface IO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  /** stdin is a terminal: prompt, line editing, history. */
  stdinIsTTY: boolean;
  /** stdout is a terminal: carets under bad tokens, colour unless NO_COLOR. */
  stdoutIsTTY: boolean;
  fs: FileSystem;
  /** The host the model kernel claims to run on (::status). */
  hostname?: string;
  /** This process's id, for temporary file names (::persist -f). */
  pid?: number;
}

/** The bytes of a regular file; undefined when it is missing, unreadable or not a regular file (a FIFO would block the read). */
export async function readRegularFile(fs: FileSystem, path: string): Promise<Uint8Array | undefined> {
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) return undefined;
    return await fs.readFile(path);
  } catch {
    return undefined;
  }
}

let tempCount = 0;

/**
 * Replaces `path` with `data` through a temporary file and a rename, so a full or
 * read-only disk leaves the old file as it was. Returns the error on failure
 * (the temporary file removed), undefined on success.
 */
export async function replaceFile(fs: FileSystem, path: string, data: string | Uint8Array, pid = 0): Promise<unknown> {
  const temp = `${path}.tmp-${pid}-${++tempCount}`;
  try {
    await fs.writeFile(temp, Buffer.from(data));
    await fs.rename(temp, path);
    return undefined;
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    return e;
  }
}
