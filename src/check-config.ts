import { dirname, join, resolve } from 'node:path';
import { dirPart } from './check-paths';
import { CONFIG_NAME, parseConfig, type CheckConfig } from './etc-system/config';
import { readRegularFile, type IO } from './io';

// Finding .fusion-mdb.json for each checked file: walking up from the file's
// directory (standard input: from the working directory), once per directory.
// Each step answers at once when the file system does and the directory has no
// config (most have none): 1,000 hosts' files, each in a directory of its own,
// then wait on no promise each.

/** A directory's answer: the nearest config above it (undefined: none), or the message of a malformed one. */
export interface Found {
  readonly config: CheckConfig | string | undefined;
}

type Answer = Found | Promise<Found>;

const NONE: Found = { config: undefined };

export class ConfigFinder {
  /** By directory: its answer, or the promise of it while a config is read. */
  private readonly byDir = new Map<string, Answer>();
  /** By the directory part of a file's name as given: the files of one directory resolve no path each. */
  private readonly byGivenDir = new Map<string, Answer>();

  constructor(private readonly io: IO) {}

  /** A config named with --config: it must exist. */
  async named(path: string): Promise<CheckConfig | string> {
    const text = await this.read(path);
    return text === undefined ? `cannot read the config file ${path}` : parseConfig(text, path);
  }

  /** The answer for `file`'s directory (standard input: the working directory's); at once when it can be. */
  forFile(file: string | undefined): Answer {
    const cwd = this.io.cwd ?? '/';
    if (file === undefined) return this.inDir(cwd);
    const given = dirPart(file);
    // A name ending in . or .. is a directory of its own: resolved whole.
    if (given === undefined) return this.inDir(dirname(resolve(cwd, file)));
    // Otherwise the file's directory is its name's directory part, resolved.
    return remember(this.byGivenDir, given, () => this.inDir(resolve(cwd, given)));
  }

  private inDir(dir: string): Answer {
    return remember(this.byDir, dir, () => this.lookIn(dir));
  }

  private lookIn(dir: string): Answer {
    const path = join(dir, CONFIG_NAME);
    // Most directories have none: asked first without an open, whose failure costs an
    // exception (one directory per host made 1,000 hosts' files about 40 ms slower).
    const there = this.io.fs.exists?.(path);
    return there === false ? this.above(dir) : this.readIn(dir, path, there);
  }

  /** The answer of the directory above `dir`; none above the root. */
  private above(dir: string): Answer {
    const parent = dirname(dir);
    return parent === dir ? NONE : this.inDir(parent);
  }

  private async readIn(dir: string, path: string, there: boolean | Promise<boolean> | undefined): Promise<Found> {
    if ((await there) === false) return this.above(dir);
    const text = await this.readRegular(path);
    return text === undefined ? this.above(dir) : { config: parseConfig(text, path) };
  }

  private async read(path: string): Promise<string | undefined> {
    if ((await this.io.fs.exists?.(path)) === false) return undefined;
    return this.readRegular(path);
  }

  private async readRegular(path: string): Promise<string | undefined> {
    // Only a regular file: a FIFO named .fusion-mdb.json would block the read forever.
    const data = await readRegularFile(this.io.fs, path);
    return data === undefined ? undefined : Buffer.from(data).toString('utf8');
  }
}

/** The answer kept under `key`, else `work`'s; a promise is replaced by what it gives once it settles, so later asks get it at once. */
function remember(map: Map<string, Answer>, key: string, work: () => Answer): Answer {
  const known = map.get(key);
  if (known !== undefined) return known;
  const answer = work();
  map.set(key, answer);
  // A rejection is the asker's to handle (it awaits the same promise); nothing is kept then.
  if (answer instanceof Promise) answer.then((f) => map.set(key, f), () => undefined);
  return answer;
}
