import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';
import type { FileSystem } from './io';

// The real file system behind the IO seam (src/cli.ts gives it to main; tests use
// it too). fs.promises is reached on first use: a piped `/D` never touches a file.

/** Creates `path` (it must not exist yet) with `mode` less the umask, and flushes it to disk before it resolves. */
async function writeNew(path: string, data: string | Uint8Array, mode = 0o666): Promise<void> {
  const fh = await nodeFs.promises.open(path, 'wx', mode);
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Runs `step` on the file at `path` itself: a symbolic link put there is not followed. */
async function onFile(path: string, step: (fh: nodeFs.promises.FileHandle) => Promise<void>): Promise<void> {
  const fh = await nodeFs.promises.open(path, nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NOFOLLOW ?? 0));
  try {
    await step(fh);
  } finally {
    await fh.close();
  }
}

/** Renames, then flushes the directory so the new name survives a crash (where the system can sync a directory). */
async function renameDurably(from: string, to: string): Promise<void> {
  await nodeFs.promises.rename(from, to);
  let dir: nodeFs.promises.FileHandle | undefined;
  try {
    dir = await nodeFs.promises.open(dirname(to), 'r');
    await dir.sync();
  } catch { /* the rename is done; a directory that cannot be synced is no reason to report a failure */ } finally {
    await dir?.close();
  }
}

/**
 * A regular file's bytes through one descriptor: no stat by name first, and no trip
 * through the thread pool per step (--check of 1,000 files made five per file). The
 * open does not wait on a FIFO (O_NONBLOCK); fstat then turns it and a directory away.
 * One read of the size fstat gave plus a byte finds the end at once; a file that grew
 * since is read on to its end.
 */
function readRegular(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = nodeFs.openSync(path, nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0));
    const st = nodeFs.fstatSync(fd);
    return st.isFile() ? readToEnd(fd, st.size) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) nodeFs.closeSync(fd);
  }
}

/** The bytes of `fd`, which fstat said are `size`: a read that comes short after them is the end. */
function readToEnd(fd: number, size: number): Buffer {
  let buf = Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    const n = nodeFs.readSync(fd, buf, length, buf.length - length, null);
    length += n;
    if (n === 0 || (length >= size && length < buf.length)) return buf.subarray(0, length);
    if (length === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger);
      buf = bigger;
    }
  }
}

export const nodeFileSystem: FileSystem = {
  readFile: (p) => nodeFs.promises.readFile(p),
  writeFile: writeNew,
  rename: renameDurably,
  copyFile: (from, to) => nodeFs.promises.copyFile(from, to, nodeFs.constants.COPYFILE_EXCL),
  chown: (p, uid, gid) => onFile(p, (fh) => fh.chown(uid, gid)),
  chmod: (p, mode) => onFile(p, async (fh) => {
    await fh.chmod(mode);
    await fh.sync();
  }),
  unlink: (p) => nodeFs.promises.unlink(p),
  stat: (p) => nodeFs.promises.stat(p),
  readdir: (p) => nodeFs.promises.readdir(p),
  readRegular,
  exists: (p) => nodeFs.existsSync(p),
  realpath: (p) => nodeFs.promises.realpath(p),
  readlink: (p) => nodeFs.promises.readlink(p),
};
