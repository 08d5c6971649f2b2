import { dirname, join, resolve } from 'node:path';
import { dirPart } from './check-paths';
import { CONFIG_NAME, parseConfig, type CheckConfig } from './etc-system/config';
import { readRegularFile, type IO } from './io';

// Finding .fusion-mdb.json for each checked file: walking up from the file's
// directory (standard input: from the working directory), once per directory.

/** A directory's answer: the nearest config above it (undefined: none), or the message of a malformed one. */
export interface Found {
  readonly config: CheckConfig | string | undefined;
}

export class ConfigFinder {
  private readonly byDir = new Map<string, Promise<CheckConfig | string | undefined>>();
  /**
   * By the directory part of a file's name as given: the files of one directory resolve
   * no path each, and once the answer is in, have it at once (no wait for a promise).
   */
  private readonly byGivenDir = new Map<string, Found | Promise<Found>>();

  constructor(private readonly io: IO) {}

  /** A config named with --config: it must exist. */
  async named(path: string): Promise<CheckConfig | string> {
    const text = await this.read(path);
    return text === undefined ? `cannot read the config file ${path}` : parseConfig(text, path);
  }

  /** The answer for `file`'s directory (standard input: the working directory's); at once when that directory was asked before. */
  forFile(file: string | undefined): Found | Promise<Found> {
    const cwd = this.io.cwd ?? '/';
    if (file === undefined) return found(this.inDir(cwd));
    const given = dirPart(file);
    // A name ending in . or .. is a directory of its own: resolved whole.
    if (given === undefined) return found(this.inDir(dirname(resolve(cwd, file))));
    // Otherwise the file's directory is its name's directory part, resolved.
    const known = this.byGivenDir.get(given);
    if (known !== undefined) return known;
    const answer = found(this.inDir(resolve(cwd, given))).then((f) => {
      this.byGivenDir.set(given, f);
      return f;
    });
    this.byGivenDir.set(given, answer);
    return answer;
  }

  private inDir(dir: string): Promise<CheckConfig | string | undefined> {
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.lookIn(dir);
      this.byDir.set(dir, found);
    }
    return found;
  }

  private async lookIn(dir: string): Promise<CheckConfig | string | undefined> {
    const path = join(dir, CONFIG_NAME);
    const text = await this.read(path);
    if (text !== undefined) return parseConfig(text, path);
    const parent = dirname(dir);
    return parent === dir ? undefined : this.inDir(parent);
  }

  private async read(path: string): Promise<string | undefined> {
    // Most directories have none: asked first without an open, whose failure costs an
    // exception (one directory per host made 1,000 hosts' files about 40 ms slower).
    if ((await this.io.fs.exists?.(path)) === false) return undefined;
    // Only a regular file: a FIFO named .fusion-mdb.json would block the read forever.
    const data = await readRegularFile(this.io.fs, path);
    return data === undefined ? undefined : Buffer.from(data).toString('utf8');
  }
}

const found = async (config: Promise<CheckConfig | string | undefined>): Promise<Found> => ({ config: await config });
