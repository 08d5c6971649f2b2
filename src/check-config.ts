import { dirname, join, resolve } from 'node:path';
import { CONFIG_NAME, parseConfig, type CheckConfig } from './etc-system/config';
import { readRegularFile, type IO } from './io';

// Finding .fusion-mdb.json for each checked file: walking up from the file's
// directory (standard input: from the working directory), once per directory.

export class ConfigFinder {
  private readonly byDir = new Map<string, Promise<CheckConfig | string | undefined>>();

  constructor(private readonly io: IO) {}

  /** A config named with --config: it must exist. */
  async named(path: string): Promise<CheckConfig | string> {
    const text = await this.read(path);
    return text === undefined ? `cannot read the config file ${path}` : parseConfig(text, path);
  }

  /** The nearest config above `file` (undefined: none), or the message of a malformed one. */
  forFile(file: string | undefined): Promise<CheckConfig | string | undefined> {
    const cwd = this.io.cwd ?? '/';
    return this.inDir(file === undefined ? cwd : dirname(resolve(cwd, file)));
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
    // Only a regular file: a FIFO named .fusion-mdb.json would block the read forever.
    const data = await readRegularFile(this.io.fs, path);
    return data === undefined ? undefined : Buffer.from(data).toString('utf8');
  }
}
