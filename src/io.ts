import type { Readable, Writable } from 'node:stream';

/** The file operations the tool needs, so tests can inject faults (full disk, read-only dir). */
export interface FileSystem {
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: string | Buffer): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean; size: number }>;
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
