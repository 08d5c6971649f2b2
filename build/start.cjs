'use strict';
// dist/cli.cjs, the built entry: runs the bundle (dist/fusion-mdb.cjs) from a V8
// code cache, so start-up skips parsing and compiling ~200 KB of JavaScript.
//
// V8 takes a code cache only from the same Node build running with the same
// flags (even NODE_OPTIONS=--max-old-space-size=4096 makes it refuse one), so:
// 1. the package ships the caches warm-up runs wrote at build time, named
//    after the Node and flags that wrote them (tsup.config.ts): one from a piped
//    `/D`, and one from a `--check`, taken when the command line has --check (a
//    cache holds the functions its run compiled: a check run from the `/D` one
//    compiles its parser, boot and renderers first, about 8 ms);
// 2. any other Node or flags: Node's own compile cache where this Node has one
//    (module.enableCompileCache, Node 22.1 on), else a cache of ours written
//    on first use in $XDG_CACHE_HOME/fusion-mdb (else ~/.cache/fusion-mdb),
//    by temporary file and rename. A cache that cannot be read or written only
//    means a slower start: never an error.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
// The CommonJS loader itself: the same object as require('node:module'), without
// loading that module's wrapper at start-up (about a millisecond).
const Module = module.constructor;

// The build replaces this with a hash of the bundle: a cache of ours is never
// offered to another build of the same length (V8 checks the length only).
const BUILD = '__BUILD_ID__';
const bundle = path.join(__dirname, 'fusion-mdb.cjs');

/** FNV-1a of what V8 checks a cache against besides the source: the Node build and its flags. */
function runtimeKey() {
  const key = [process.version, process.arch, ...process.execArgv, process.env.NODE_OPTIONS || ''].join(' ');
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

function cacheDir() {
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'fusion-mdb');
  return process.env.HOME ? path.join(process.env.HOME, '.cache', 'fusion-mdb') : undefined;
}

function readCache(file) {
  try {
    return file === undefined ? undefined : fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Makes `dir` and any missing parents one level at a time; throws on the first failure.
 * Never mkdirSync's recursive flag: Node 20's loops for ever under /proc (XDG_CACHE_HOME=/proc/x).
 */
function makeDir(dir) {
  const missing = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) {
    if (path.dirname(d) === d) throw new Error(`no existing ancestor of ${dir}`);
    missing.unshift(d);
  }
  for (const d of missing) fs.mkdirSync(d, { mode: 0o700 });
}

/** Writes the cache whole or not at all; any failure (read-only home, full disk, /proc) is ignored. */
function saveCache(file, script, mode) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    makeDir(path.dirname(file));
    fs.writeFileSync(temp, script.createCachedData(), { mode });
    fs.renameSync(temp, file);
  } catch {
    try { fs.unlinkSync(temp); } catch { /* never written */ }
  }
}

const key = runtimeKey();
const kind = process.argv.includes('--check') ? '.check' : '';
const shipped = path.join(__dirname, `fusion-mdb.${key}${kind}.cache`);
const dir = cacheDir();
const mine = dir === undefined ? undefined : path.join(dir, `${BUILD}-${key}${kind}.cache`);
const warming = process.env.FUSION_MDB_CODE_CACHE === 'write';
// Ours first: it exists only where the shipped one was refused.
const cachedData = warming ? undefined : readCache(mine) || readCache(shipped);

// Node's own compile cache (22.1 on) is offered by node:module, loaded only when no cache of ours is at hand.
const enableCompileCache = cachedData === undefined && !warming ? require('node:module').enableCompileCache : undefined;
if (typeof enableCompileCache === 'function') {
  enableCompileCache(dir);
  require(bundle).run();
} else {
  // The bundle has no native import() (tsup.config.ts turns each into a lazy
  // require()): a script compiled from a code cache could not resolve one.
  // The bundle is ASCII (the build checks): read as latin1, it is copied, not decoded as UTF-8.
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'latin1')), { filename: bundle, cachedData });
  const target = warming ? shipped : cachedData === undefined || script.cachedDataRejected ? mine : undefined;
  // At exit: the cache then holds every function this run compiled, not just the top level.
  if (target !== undefined) process.once('exit', () => saveCache(target, script, warming ? 0o644 : 0o600));
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, __dirname);
  mod.exports.run();
}
