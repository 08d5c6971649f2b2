import { resolve, sep } from 'node:path';

// The paths a --check works out for every file it is given: where the name points
// from the working directory, and the directory whose config it takes. path.resolve
// and path.dirname walk the whole name each time; a plain name (no empty, . or ..
// part) needs no such walk, and most names on a command line are plain.

/** A part of an absolute name that resolve() would change: empty, `.` or `..`, or a trailing `/`. */
const ODD_ABSOLUTE = /\/\.{0,2}(\/|$)/;
/** The same in a relative name, whose first part has no `/` before it. */
const ODD_RELATIVE = /(^|\/)\.{0,2}(\/|$)/;

/**
 * resolve(cwd, name), for the names of one run: a plain absolute name is itself, and a
 * plain relative one is the working directory and the name joined (cwd resolved once).
 */
export function resolverFrom(cwd: string): (name: string) => string {
  const base = sep === '/' ? resolve(cwd) : undefined;
  const prefix = base === undefined || base !== cwd ? undefined : base === '/' ? '/' : `${base}/`;
  return (name) => {
    if (prefix !== undefined) {
      if (name.charCodeAt(0) === 0x2f) {
        if (!ODD_ABSOLUTE.test(name)) return name;
      } else if (!ODD_RELATIVE.test(name)) {
        return prefix + name;
      }
    }
    return resolve(cwd, name);
  };
}

/**
 * The directory part of a file's name as given, as far as resolve() is concerned
 * (`.` for a name without one); undefined for a name that is a directory of its own
 * (empty, or ending in `/`, `.` or `..`).
 */
export function dirPart(name: string): string | undefined {
  const cut = name.lastIndexOf('/');
  const rest = name.length - cut - 1;
  if (rest === 0) return undefined;
  if (rest <= 2 && name.charCodeAt(cut + 1) === 0x2e && (rest === 1 || name.charCodeAt(cut + 2) === 0x2e)) return undefined;
  return cut < 0 ? '.' : cut === 0 ? '/' : name.slice(0, cut);
}
