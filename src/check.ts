import { isAbsolute, relative, resolve } from 'node:path';
import pkg from '../package.json';
import { ChunkedOutput, type Stream } from './chunked-output';
import { ConfigFinder } from './check-config';
import { resolverFrom } from './check-paths';
import type { CheckOptions } from './check-options';
import { bootFromFiles } from './etc-system/boot-file';
import { atOrAbove, cannotOpen, checkFile, type CheckSettings } from './etc-system/checker';
import type { CheckConfig } from './etc-system/config';
import { revised, settled, type Diagnostic, type Fix } from './etc-system/diagnostic';
import { applyFixes, unifiedDiff } from './etc-system/fix';
import { OWNER_RULE, writeFileAtomic } from './etc-system/persist';
import { readRegularFile, whyUnreadable, writeTarget, type IO } from './io';
import { Kernel } from './kernel/kernel';
import type { ArchId, ReleaseId } from './kernel/types';
import { bootFiles, type Session } from './mdb/session';
import { EXIT_USAGE, type Options } from './options';
import * as F from './render/check-formats';
import { diagnosticWriter, renderDiagnostics, type TextSink } from './render/diagnostics';

// `--check FILE...`, and the /etc/system reading and printing the batch report shares.
// Kept apart from src/report.ts so a check never loads the engine or cli-table3.

/** The kernel's "cannot open system file", with our reason when there is one; the file called `name`, as the user gave it. */
export async function cannotOpenWhy(io: IO, path: string, name = path): Promise<Diagnostic> {
  const hint = await whyUnreadable(io.fs, path, name);
  return hint === undefined ? cannotOpen(name) : revised(cannotOpen(name), { hint });
}

/** Boot diagnostics of the batch path; -q drops hints and notes (what mdb itself prints stays). */
export function printDiagnostics(io: IO, session: Session, ds: readonly Diagnostic[], to: 'stdout' | 'stderr', quiet = false): boolean {
  const shown = quiet ? ds.filter((d) => d.severity !== 'note') : ds;
  if (shown.length === 0) return false;
  const text = renderDiagnostics(shown, { terminal: session.terminal && to === 'stdout', theme: session.theme, noHints: quiet });
  (to === 'stdout' ? io.stdout : io.stderr).write(text);
  return true;
}

const STDIN_NAME = '<stdin>';

async function readStdin(io: IO): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of io.input?.() ?? io.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c, 'latin1') : (c as Buffer));
  return Buffer.concat(chunks);
}

const TOOL: F.Tool = { name: 'fusion-mdb', version: pkg.version, informationUri: pkg.homepage };

/** One file's outcome: what is reported, and whether it could be read at all. */
interface Checked {
  report: F.FileReport;
  readable: boolean;
  /** A --fix that could not be written. */
  writeFailed?: boolean;
}

/** --check FILE...: each file on its own; 0 clean, 1 findings at the threshold, 2 usage or nothing readable. */
export async function runCheck(opts: Options, io: IO, session: Session): Promise<number> {
  const boot = opts.root !== undefined || opts.systemD !== undefined;
  if (!boot && opts.checker.files.length === 0) {
    io.stderr.write("fusion-mdb: --check needs a file: FILE..., --etc-system FILE, or - for standard input\nfusion-mdb: try 'fusion-mdb --help' for usage\n");
    return EXIT_USAGE;
  }
  const out = new ChunkedOutput(io);
  try {
    return await (boot ? checkBoot : checkFiles)(opts, io, session, out);
  } finally {
    out.flush();
  }
}

async function checkFiles(opts: Options, io: IO, session: Session, out: ChunkedOutput): Promise<number> {
  const c = opts.checker;
  const finder = new ConfigFinder(io);
  const named = c.config === undefined ? undefined : await finder.named(c.config);
  if (typeof named === 'string') return badConfig(out, named);
  const failing = atOrAbove(c.failureThreshold);
  // The session's kernel is one of the release and arch the options name: a check reboots it for each file.
  const kernels = new Map<string, Kernel>([[kernelKey(opts.release, opts.arch), session.kernel]]);
  const documents: F.FileReport[] = [];
  const lines = lineFormat(c, opts.quiet, session);
  const to = reportStream(c);
  const totals: F.Counts = { errors: 0, warnings: 0, notes: 0, files: 0 };
  let readable = 0;
  let failed = false;
  let writeFailed = false;
  const pathOf = io.cwd === undefined ? (file: string) => file : resolverFrom(io.cwd);
  // The files of one directory share a config, and so the kernel it names.
  let lastConfig: CheckConfig | undefined;
  let kernel = session.kernel;
  // Each step answers at once when it can (a directory's config known, a file read
  // synchronously, a file checked without a fix to write): 1,000 files then wait on no promise.
  for (const file of c.files) {
    // The config first (found once per directory), then the file's bytes.
    let config = named;
    if (config === undefined) {
      const found = finder.forFile(file === '-' ? undefined : file);
      const answer = (found instanceof Promise ? await found : found).config;
      if (typeof answer === 'string') return badConfig(out, answer);
      config = answer;
    }
    const path = pathOf(file);
    const read = file === '-' ? readStdin(io) : readRegularFile(io.fs, path);
    const data = read instanceof Promise ? await read : read;
    if (config !== lastConfig) {
      kernel = kernelFor(kernels, opts, c, config);
      lastConfig = config;
    }
    const one = checkOne(io, out, { file, path, data }, c, config, kernel, opts.quiet);
    const checked = one instanceof Promise ? await one : one;
    const all = checked.report.diagnostics;
    const shown = opts.quiet ? all.filter(failing) : all;
    if (checked.readable) readable++;
    if (checked.writeFailed) writeFailed = true;
    if (!failed && all.some(failing)) failed = true;
    F.tally(totals, shown);
    if (lines === undefined) keepForDocument(documents, { file: checked.report.file, diagnostics: shown });
    else writeLines(out, to, lines(checked.report.file), shown);
  }
  if (c.format === 'text' && !opts.quiet) out.write(to, `${F.summaryLine(totals)}\n`);
  if (lines === undefined) out.write(to, renderDocument(c, documents, failing, io));
  if (readable === 0 || writeFailed) return EXIT_USAGE;
  return failed ? 1 : 0;
}

function badConfig(out: ChunkedOutput, message: string): number {
  out.write('stderr', `fusion-mdb: ${message}\n`);
  return EXIT_USAGE;
}

const kernelKey = (release: ReleaseId, arch: ArchId): string => `${release}/${arch}`;

/** One model kernel per release and arch, rebooted for each file. */
function kernelFor(kernels: Map<string, Kernel>, opts: Options, c: CheckOptions, config: CheckConfig | undefined): Kernel {
  const release = c.releaseGiven ? opts.release : config?.release ?? opts.release;
  const arch = c.archGiven ? opts.arch : config?.arch ?? opts.arch;
  const key = kernelKey(release, arch);
  let k = kernels.get(key);
  if (!k) {
    k = new Kernel(release, arch, opts.machine);
    kernels.set(key, k);
  }
  return k;
}

/** A file named on the command line: as given, where that points from the working directory, and its bytes (undefined: unreadable). */
interface Named {
  file: string;
  path: string;
  data: Uint8Array | undefined;
}

/** One file checked: at once, unless it cannot be read (why is asked of the file system) or a fix is to be written. */
function checkOne(io: IO, out: ChunkedOutput, { file, path, data }: Named, c: CheckOptions, config: CheckConfig | undefined, kernel: Kernel, quiet: boolean): Checked | Promise<Checked> {
  const name = file === '-' ? c.stdinName ?? STDIN_NAME : file;
  if (data === undefined) return unreadable(io, file, path, name);
  const settings = { rules: config?.rules ?? {}, inline: c.inlineConfig };
  const ds = checkFile(kernel, data, name, settings);
  const fixes = c.fix || c.diff ? ds.flatMap((d) => (d.fix ? [d.fix] : [])) : [];
  if (fixes.length === 0) return { report: { file: name, diagnostics: ds }, readable: true };
  return fixOne(io, out, { file, path, data }, name, ds, fixes, c, settings, kernel, quiet);
}

async function unreadable(io: IO, file: string, path: string, name: string): Promise<Checked> {
  return { report: { file: name, diagnostics: [await cannotOpenWhy(io, path, file)] }, readable: false };
}

/** --fix or --diff of a file with fixes: the diff printed, or the fixed file written and checked again. */
async function fixOne(io: IO, out: ChunkedOutput, { file, path, data }: Named & { data: Uint8Array }, name: string, ds: Diagnostic[], fixes: Fix[],
  c: CheckOptions, settings: CheckSettings, kernel: Kernel, quiet: boolean): Promise<Checked> {
  const fixed = applyFixes(data, fixes);
  if (c.diff) {
    const named = file === '-' ? { name } : await patchName(io, file, path);
    out.write('stdout', unifiedDiff(named.name, data, fixed));
    if (named.apply && !quiet) out.write('stderr', `fusion-mdb: note: patch -p0 will not apply this diff to ${file} here: ${named.apply.why}; pipe it to \`patch ${named.apply.file}\` instead\n`);
    return { report: { file: name, diagnostics: ds }, readable: true };
  }
  const written = await writeFileAtomic(io.fs, path, fixed, io.pid ?? 0, file);
  if (!written.ok) {
    out.write('stderr', `fusion-mdb: cannot fix ${file}: ${written.refused ?? written.error}\n`);
    if (written.owner && !quiet) {
      const { uid, gid } = written.owner;
      out.write('stderr', `  hint: ${OWNER_RULE}: run --fix as root or as uid ${uid} (a member of gid ${gid}), or have that user apply this check's --diff with patch -p0\n`);
    }
    return { report: { file: name, diagnostics: ds }, readable: true, writeFailed: true };
  }
  const codes = [...new Set(ds.filter((d) => d.fix).map((d) => d.code))].join(', ');
  out.write('stderr', `fusion-mdb: ${file}: applied ${fixes.length} fix${fixes.length === 1 ? '' : 'es'} (${codes}); the old file is ${written.backup ?? file}\n`);
  return { report: { file: name, diagnostics: checkFile(kernel, fixed, name, settings) }, readable: true };
}

/** The name --diff gives a file, and what to give patch instead when `patch -p0` run here would not change the file --fix changes. */
interface PatchName {
  name: string;
  apply?: { file: string; why: string };
}

/**
 * GNU patch opens the name in the diff from where it runs, and refuses a symbolic link
 * (it will not write through one), a name with a `..`, and an absolute name unless it
 * runs in /. A link to a file below this directory is named by that file's path from
 * here; otherwise the name stays as given, and patch is to be given the file itself.
 */
async function patchName(io: IO, file: string, path: string): Promise<PatchName> {
  const cwd = io.cwd ?? '/';
  const target = await writeTarget(io.fs, path);
  if ('path' in target && target.link !== undefined) {
    const below = relative(cwd, target.path);
    if (opensHere(below, cwd)) return { name: below };
    return { name: file, apply: { file: target.path, why: `it is a symbolic link to ${target.path}, and patch will not write through a link` } };
  }
  if (opensHere(file, cwd)) return { name: file };
  const why = isAbsolute(file) ? 'patch opens an absolute name only when run in /' : 'patch will not open a name with `..` in it';
  return { name: file, apply: { file: path, why } };
}

/** `patch -p0` run in `cwd` opens `name`. */
const opensHere = (name: string, cwd: string): boolean => name !== '' && !name.split('/').includes('..') && (!isAbsolute(name) || cwd === '/');

/** The findings go to stdout, or to stderr when stdout carries the --diff. */
const reportStream = (c: CheckOptions): Stream => (c.diff ? 'stderr' : 'stdout');

/** A format printed file by file as it goes (text, gcc, github): each finding's lines; undefined for a whole-run document. */
function lineFormat(c: CheckOptions, quiet: boolean, session: Session): F.LineFormat | undefined {
  if (c.format === 'gcc') return F.gccLine;
  if (c.format === 'github') return F.githubLine;
  if (c.format !== 'text') return undefined;
  const write = diagnosticWriter({ terminal: session.terminal && !c.diff, theme: session.theme, codes: true, noHints: quiet });
  return () => write;
}

/**
 * Adds a file's findings to the whole-run document. A finding reads its source line
 * from its file only when shown, so one kept past its file's check reads it now and
 * lets the file go: the document of 1,000 files holds their findings, not the files.
 * The last file's are left as they are (a check of one file reads no line).
 */
function keepForDocument(documents: F.FileReport[], report: F.FileReport): void {
  const before = documents[documents.length - 1];
  if (before) settled(before.diagnostics);
  documents.push(report);
}

function writeLines(out: ChunkedOutput, to: Stream, write: (d: Diagnostic, sink: TextSink) => void, ds: readonly Diagnostic[]): void {
  out.select(to);
  // Indexed: run once over 40,000 findings, mostly before the JIT compiles it, a for-of is several times slower.
  for (let i = 0; i < ds.length; i++) write(ds[i] as Diagnostic, out);
}

function renderDocument(c: CheckOptions, reports: readonly F.FileReport[], failing: (d: Diagnostic) => boolean, io: IO): string {
  const cwd = io.cwd ?? '/';
  switch (c.format) {
    case 'sarif': return F.checkSarif(reports, TOOL, (file) => F.pathUri(file === (c.stdinName ?? STDIN_NAME) ? file : relative(cwd, resolve(cwd, file))));
    case 'checkstyle': return F.checkstyleXml(reports, TOOL);
    case 'junit': return F.junitXml(reports, failing);
    default: return F.checkJson(reports, TOOL);
  }
}

/**
 * --check with --root DIR or --system-d DIR: the fragments and /etc/system read
 * as the kernel reads them at boot, as one list (a setting in a fragment and again
 * in /etc/system is a duplicate); the findings reported file by file.
 */
async function checkBoot(opts: Options, io: IO, session: Session, out: ChunkedOutput): Promise<number> {
  const c = opts.checker;
  const { readBootFiles } = await import('./boot-files');
  const files = await readBootFiles(opts, io);
  if ('none' in files || 'usage' in files) {
    out.write('stderr', `fusion-mdb: ${'usage' in files ? files.usage : '--check needs --etc-system FILE (or --root DIR)'}\n`);
    return EXIT_USAGE;
  }
  const ds = 'cannotOpen' in files ? [await cannotOpenWhy(io, files.cannotOpen)] : bootFromFiles(session.kernel, bootFiles(files.boot));
  const names = 'cannotOpen' in files ? [files.cannotOpen] : [...(files.boot.fragments ?? []).map((f) => f.path), files.boot.path];
  const failing = atOrAbove(c.failureThreshold);
  const reports = names.map((file) => {
    const mine = ds.filter((d) => d.file === file);
    return { file, diagnostics: opts.quiet ? mine.filter(failing) : mine };
  });
  const lines = lineFormat(c, opts.quiet, session);
  const to = reportStream(c);
  if (lines === undefined) {
    out.write(to, renderDocument(c, reports, failing, io));
  } else {
    for (const r of reports) writeLines(out, to, lines(r.file), r.diagnostics);
    if (c.format === 'text' && !opts.quiet) out.write(to, `${F.summaryLine(F.count(reports))}\n`);
  }
  if ('cannotOpen' in files) return EXIT_USAGE;
  return ds.some(failing) ? 1 : 0;
}
