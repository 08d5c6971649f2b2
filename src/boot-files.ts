// Where the files of a boot come from: --etc-system FILE, --system-d DIR and
// --root DIR (DIR/etc/system.d, then DIR/etc/system, as bootadm -R DIR reads
// an alternate root). Fragments are read in byte order of their names, dot
// files skipped, as bootadm combines them into /etc/system.d/.self-assembly.

import { readRegularFile, type IO } from './io';
import type { BootFile } from './mdb/session';
import type { Options } from './options';

/** `cannotOpen`: the /etc/system path that could not be read (the kernel's "cannot open system file"). */
export type BootFilesResult = { boot: BootFile } | { cannotOpen: string } | { usage: string } | { none: true };

const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The fragments of DIR, or why they cannot be read; a missing DIR is no fragments when `optional`. */
export async function readFragments(io: IO, dir: string, optional: boolean): Promise<BootFile['fragments'] | string> {
  let names: string[];
  try {
    const st = await io.fs.stat(dir);
    if (!st.isDirectory()) return `--system-d: ${dir} is not a directory`;
    if (!io.fs.readdir) return `cannot list ${dir}`;
    names = await io.fs.readdir(dir);
  } catch (e) {
    if (optional && (e as { code?: unknown }).code === 'ENOENT') return [];
    return `cannot read the fragment directory ${dir}: ${e instanceof Error ? e.message : String(e)}`;
  }
  const out: { path: string; data: Uint8Array }[] = [];
  for (const name of names.filter((n) => !n.startsWith('.')).sort(byBytes)) {
    const path = `${dir.replace(/\/+$/, '')}/${name}`;
    // A subdirectory (or a FIFO) is not a fragment: bootadm takes regular files.
    const data = await readRegularFile(io.fs, path);
    if (data !== undefined) out.push({ path, data });
  }
  return out;
}

/** The boot the options ask for: nothing, the files, or what is wrong (a usage message or the kernel's "cannot open"). */
export async function readBootFiles(opts: Options, io: IO): Promise<BootFilesResult> {
  if (opts.root !== undefined && opts.etcSystem !== undefined) return { usage: '--root and --etc-system both name the /etc/system to boot: give one' };
  if (opts.root !== undefined && opts.systemD !== undefined) return { usage: '--root and --system-d both name the fragment directory: give one' };
  const root = opts.root?.replace(/\/+$/, '');
  const path = root !== undefined ? `${root}/etc/system` : opts.etcSystem;
  const dir = root !== undefined ? `${root}/etc/system.d` : opts.systemD;
  if (path === undefined && dir === undefined) return { none: true };
  const fragments = dir === undefined ? [] : await readFragments(io, dir, root !== undefined);
  if (typeof fragments === 'string') return { usage: fragments };
  if (path === undefined) return { usage: '--system-d needs the /etc/system read after the fragments: --etc-system FILE (or --root DIR)' };
  const data = await readRegularFile(io.fs, path);
  if (data === undefined) return { cannotOpen: path };
  return { boot: { path, data, ...(fragments && fragments.length ? { fragments } : {}) } };
}
