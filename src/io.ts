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
  /** Creates a new file (never one that exists) with `mode` less the umask (0o666 when not given), on disk when it resolves. */
  writeFile(path: string, data: string | Buffer, mode?: number): Promise<void>;
  /** Renames, durably: the directory is flushed too. */
  rename(from: string, to: string): Promise<void>;
  /** Copies a file's bytes to a new file (never one that exists). */
  copyFile(from: string, to: string): Promise<void>;
  /**
   * Gives a file an owner and group, as chown(2) does, and fails as it does: EPERM when
   * only root could (another user, or a group the user is not in). Never through a symbolic link.
   */
  chown(path: string, uid: number, gid: number): Promise<void>;
  /** Sets a file's mode, set-id bits too (chmod(2)), and flushes the file to disk. Never through a symbolic link. */
  chmod(path: string, mode: number): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<FileStat>;
  /** The names in a directory (/etc/system.d); optional for fakes that never list one. */
  readdir?(path: string): Promise<string[]>;
  /**
   * The bytes of a regular file in one step (open, fstat, read, close), undefined when it is
   * missing, unreadable or not a regular file; optional: readRegularFile() stats then reads.
   * The answer may come at once (the real file system reads synchronously: a --check of
   * 1,000 files then waits on no promise per file) or as a promise.
   */
  readRegular?(path: string): Buffer | undefined | Promise<Buffer | undefined>;
  /** Whether anything is at `path`, asked without opening it (a failed open costs an exception); optional; at once or as a promise. */
  exists?(path: string): boolean | Promise<boolean>;
  /** The path with every symbolic link in it resolved, as realpath(3); optional for fakes that know no links. */
  realpath?(path: string): Promise<string>;
  /** What a symbolic link holds, as readlink(2) (EINVAL for a file that is no link); optional as realpath is. */
  readlink?(path: string): Promise<string>;
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
  /** Something to do when SIGINT or SIGTERM ends the run (write the answers held back); src/cli.ts runs it. */
  beforeSignalExit?: (fn: () => void) => void;
  /** The host the model kernel claims to run on (::status). */
  hostname?: string | (() => Promise<string>);
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

/**
 * The bytes of a regular file; undefined when it is missing, unreadable or not a regular file
 * (a FIFO would block the read). At once when the file system answers at once (see readRegular).
 */
export function readRegularFile(fs: FileSystem, path: string): Uint8Array | undefined | Promise<Uint8Array | undefined> {
  return fs.readRegular ? fs.readRegular(path) : readByKind(fs, path);
}

async function readByKind(fs: FileSystem, path: string): Promise<Uint8Array | undefined> {
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
  const hint = await whyUnreadable(fs, path);
  return hint === undefined ? { cannotOpen: true } : { cannotOpen: true, hint };
}

/**
 * Why `path` gave no bytes, where we can say: a directory, a FIFO or device, or a
 * symbolic link that leads to no file (missing, or round a loop of links); the file
 * named `name` in the words, as the user gave it.
 */
export async function whyUnreadable(fs: FileSystem, path: string, name = path): Promise<string | undefined> {
  const hint = notRegularHint(name, await fileKind(fs, path));
  if (hint !== undefined) return hint;
  const target = await writeTarget(fs, path);
  return 'broken' in target ? `${name} is ${target.broken}` : undefined;
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

/** A step of replacing a file that failed: what it was doing, in the words of "cannot ...", and the error. */
export interface ReplaceFailure {
  ok: false;
  what: string;
  error: unknown;
  /** Set when chown said EPERM: the owner and group this user may not give a file. */
  owner?: Ownership;
  /** Set when nothing was tried, the path being a symbolic link that leads to no file: why, as "it is ...". */
  refused?: string;
}

/** A replacement done, and where the old file was kept (with `backup`): beside the file written, the one a symbolic link leads to. */
export interface Replaced {
  ok: true;
  backup?: string;
}

/** An error's own words, without the system call and the (temporary) path Node adds after them. */
function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const { syscall } = e as { syscall?: unknown };
  const at = typeof syscall === 'string' ? e.message.indexOf(`, ${syscall}`) : -1;
  return at < 0 ? e.message : e.message.slice(0, at);
}

/** `cannot WHAT: WHY`, as a failed replacement is told. */
export const failureText = (f: ReplaceFailure): string => `cannot ${f.what}: ${f.refused ?? errorText(f.error)}`;

/** The file a replacement of a path writes, or the link in the way: "a symbolic link to TARGET, which does not exist". */
export type WriteTarget = { path: string; link?: string } | { broken: string };

/**
 * Where replacing `path` writes: the file itself or, when `path` is a symbolic link (an
 * /etc/system kept as a link into a configuration-management tree), the file the link
 * leads to, so the link stays a link and the file it names is the one changed (`link`:
 * what the link holds). A link that leads to no file, missing or round a loop of links,
 * is refused (`broken`): writing there would put a regular file in the link's place.
 * A path that is no link is written as named, missing or not (a new file, or the write
 * says why).
 */
export async function writeTarget(fs: FileSystem, path: string): Promise<WriteTarget> {
  if (!fs.realpath || !fs.readlink) return { path };
  const link = await fs.readlink(path).catch(() => undefined);
  if (link === undefined) return { path };
  try {
    return { path: await fs.realpath(path), link };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const to = `a symbolic link to ${link}`;
    if (code === 'ENOENT') return { broken: `${to}, which does not exist` };
    if (code === 'ELOOP') return { broken: `${to}, in a loop of links that never reaches a file (${errorText(e)})` };
    return { broken: `${to}, which cannot be followed (${errorText(e)})` };
  }
}

/** How replaceFile() goes: the process id for temporary names, whether to keep PATH.bak, the file's name in messages. */
export interface ReplaceHow {
  pid?: number;
  backup?: boolean;
  name?: string;
}

/** One step of a replacement: what it does, in the words of "cannot ...". */
interface Step {
  what: string;
  run(): Promise<void>;
  /** A chown: the owner and group it gives. */
  owner?: Ownership;
}

/** Gives `temp`, standing for `name`, `keep`'s owner and group, then its mode (chown clears set-id bits). */
function keepSteps(fs: FileSystem, temp: string, name: string, keep: Ownership, whose: string): Step[] {
  const mode = keep.mode & 0o7777;
  return [
    { what: `give ${name} ${whose}'s owner and group (uid ${keep.uid}, gid ${keep.gid})`, run: () => fs.chown(temp, keep.uid, keep.gid), owner: keep },
    { what: `give ${name} ${whose}'s mode (0${mode.toString(8)})`, run: () => fs.chmod(temp, mode) },
  ];
}

/**
 * Replaces `path` with `data` through a temporary file and a rename, so a full or
 * read-only disk or a crash leaves the old file as it was: the new file gets the
 * old one's owner, group and mode (a root:sys 0644 /etc/system stays so) and is
 * flushed to disk, and so is the directory after the rename. With `backup`, the old
 * file is copied to PATH.bak too, with the same owner, group and mode (as `cp -p` would).
 * Both temporary files are ready, owner and all, before the first rename: a user who
 * may not give them the old file's owner (EPERM) changes nothing. A symbolic link is
 * followed (writeTarget()): the file it leads to is replaced, its temporary files and
 * its .bak made beside it (one directory, so the renames stay atomic), and the link
 * itself is left as it was. Returns the failure (every temporary file removed) or
 * what was written. Messages call the file `name` (the name the user gave).
 */
export async function replaceFile(fs: FileSystem, path: string, data: string | Uint8Array, how: ReplaceHow = {}): Promise<Replaced | ReplaceFailure> {
  const { pid = 0, name = path } = how;
  const write = `write ${name}`;
  const target = await writeTarget(fs, path);
  if ('broken' in target) {
    const refused = `it is ${target.broken}`;
    return { ok: false, what: write, error: new Error(refused), refused };
  }
  const real = target.path;
  const keep = await ownership(fs, real);
  const temps: string[] = [];
  const temp = (p: string): string => {
    temps.push(`${p}.tmp-${pid}-${++tempCount}`);
    return temps[temps.length - 1] as string;
  };
  const fresh = temp(real);
  const steps: Step[] = [
    // Private until it has the old file's mode.
    { what: write, run: () => fs.writeFile(fresh, Buffer.from(data), keep && 0o600) },
    ...(keep ? keepSteps(fs, fresh, 'the new file', keep, name) : []),
  ];
  const backup = `${real}.bak`;
  // Named as the user named the file, unless a link put it elsewhere.
  const backupName = target.link === undefined ? `${name}.bak` : backup;
  if (how.backup) {
    const copy = temp(backup);
    const what = `keep a backup in ${backupName}`;
    steps.unshift({ what, run: () => fs.copyFile(real, copy) });
    steps.push(...(keep ? keepSteps(fs, copy, `the backup ${backupName}`, keep, name) : []), { what, run: () => fs.rename(copy, backup) });
  }
  steps.push({ what: write, run: () => fs.rename(fresh, real) });
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      // A temporary file already renamed is gone: its unlink fails quietly.
      for (const t of temps) await fs.unlink(t).catch(() => undefined);
      const refused = step.owner && (error as { code?: unknown }).code === 'EPERM';
      return refused ? { ok: false, what: step.what, error, owner: step.owner } : { ok: false, what: step.what, error };
    }
  }
  return how.backup ? { ok: true, backup: backupName } : { ok: true };
}
