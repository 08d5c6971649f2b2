import type { Readable, Writable } from 'node:stream';

/** Who owns a file and its permission bits: what a replaced file keeps. */
export interface Ownership {
  mode: number;
  uid: number;
  gid: number;
}

/** What stat tells; a file system that knows no owners (an in-memory one) leaves them out. */
export interface FileStat extends Partial<Ownership> {
  isFile(): boolean;
  isDirectory(): boolean;
  size: number;
}

/** The file operations the tool needs, so tests can inject faults (full disk, read-only dir). src/node-fs.ts is the real one. */
export interface FileSystem {
  readFile(path: string): Promise<Buffer>;
  /** Creates a new file (never one that exists), with `keep`'s mode and owner when given, on disk when it resolves. */
  writeFile(path: string, data: string | Buffer, keep?: Ownership): Promise<void>;
  /** Renames, durably: the directory is flushed too. */
  rename(from: string, to: string): Promise<void>;
  /** Copies a file, keeping its mode, owner and group where this user may (a backup as `cp -p` makes it). */
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<FileStat>;
  /** The names in a directory (/etc/system.d); optional for fakes that never list one. */
  readdir?(path: string): Promise<string[]>;
  /**
   * The bytes of a regular file in one step (open, fstat, read, close), undefined when it is
   * missing, unreadable or not a regular file; optional: readRegularFile() stats then reads.
   */
  readRegular?(path: string): Promise<Buffer | undefined>;
}

/** The seam between the program and the process: every byte in or out goes through it. */
export interface IO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  /**
   * Piped input read from the file descriptor itself, and stdout bytes written to it: what
   * src/cli.ts gives when stdin and stdout are pipes or files, so that a piped run never loads
   * Node's stream modules. Unset (tests, a terminal): io.stdin and io.stdout. writeOut keeps
   * no reference to `data` once it returns.
   */
  input?: () => AsyncIterable<Uint8Array | string>;
  writeOut?: (data: Uint8Array) => void;
  /** stdin is a terminal: prompt, line editing, history. */
  stdinIsTTY: boolean;
  /** stdout is a terminal: carets under bad tokens, colour unless NO_COLOR. */
  stdoutIsTTY: boolean;
  fs: FileSystem;
  /** The host the model kernel claims to run on (::status). */
  hostname?: string;
  /** This process's id, for temporary file names (::persist -f). */
  pid?: number;
  /** The working directory: --check finds .fusion-mdb.json upward from it and makes SARIF paths relative to it. */
  cwd?: string;
}

/** What stat says is at a path, in the words the callers decide by. */
export type FileKind =
  | { kind: 'file' }
  | { kind: 'directory' }
  /** A FIFO, socket or device: a read could wait forever. */
  | { kind: 'special' }
  | { kind: 'missing' }
  /** stat failed for another reason (permission, I/O): the error says which. */
  | { kind: 'unknown'; error: unknown };

/** Stats `path` once; every stat-then-decide in the tool goes through here. */
export async function fileKind(fs: FileSystem, path: string): Promise<FileKind> {
  try {
    const st = await fs.stat(path);
    return st.isFile() ? { kind: 'file' } : st.isDirectory() ? { kind: 'directory' } : { kind: 'special' };
  } catch (e) {
    return (e as { code?: unknown }).code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unknown', error: e };
  }
}

/** Why a path that exists gives no bytes to read: a directory, or a FIFO or device a read could wait on forever. */
export function notRegularHint(path: string, k: FileKind): string | undefined {
  if (k.kind === 'directory') return `${path} is a directory`;
  if (k.kind === 'special') return `${path} is not a regular file (a FIFO, socket or device); fusion-mdb reads only regular files, so it never waits on one`;
  return undefined;
}

/** The bytes of a regular file; undefined when it is missing, unreadable or not a regular file (a FIFO would block the read). */
export async function readRegularFile(fs: FileSystem, path: string): Promise<Uint8Array | undefined> {
  if (fs.readRegular) return fs.readRegular(path);
  if ((await fileKind(fs, path)).kind !== 'file') return undefined;
  try {
    return await fs.readFile(path);
  } catch {
    return undefined;
  }
}

/** A user-named file read: its bytes, or that it cannot be opened and, where we know, why. */
export type ReadFile = { data: Uint8Array } | { cannotOpen: true; hint?: string };

/**
 * The one reader of a file the user names (--workload, --truss, --dtrace, ::run -w, ::import):
 * only a regular file is read (a FIFO or device could block the read forever), and a directory
 * or FIFO gets the same reason whichever option named it.
 */
export async function readUserFile(fs: FileSystem, path: string): Promise<ReadFile> {
  const data = await readRegularFile(fs, path);
  if (data !== undefined) return { data };
  const hint = notRegularHint(path, await fileKind(fs, path));
  return hint === undefined ? { cannotOpen: true } : { cannotOpen: true, hint };
}

let tempCount = 0;

/** The mode and owner of the file at `path`, if it exists and the file system knows them. */
async function ownership(fs: FileSystem, path: string): Promise<Ownership | undefined> {
  try {
    const { mode, uid, gid } = await fs.stat(path);
    return mode === undefined || uid === undefined || gid === undefined ? undefined : { mode, uid, gid };
  } catch {
    return undefined;
  }
}

/**
 * Replaces `path` with `data` through a temporary file and a rename, so a full or
 * read-only disk or a crash leaves the old file as it was: the new file gets the
 * old one's mode, owner and group (a root:sys 0644 /etc/system stays so) and is
 * flushed to disk, and so is the directory after the rename. Returns the error on
 * failure (the temporary file removed), undefined on success.
 */
export async function replaceFile(fs: FileSystem, path: string, data: string | Uint8Array, pid = 0): Promise<unknown> {
  const temp = `${path}.tmp-${pid}-${++tempCount}`;
  try {
    await fs.writeFile(temp, Buffer.from(data), await ownership(fs, path));
    await fs.rename(temp, path);
    return undefined;
  } catch (e) {
    await fs.unlink(temp).catch(() => undefined);
    return e;
  }
}
