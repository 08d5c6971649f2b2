'use strict';
// dist/cli.cjs, the built entry: runs the bundle (dist/fusion-mdb.cjs) from V8's
// code cache when there is one, so start-up skips parsing and compiling ~200 KB
// of JavaScript. The cache is written at build time (tsup.config.ts) by one
// piped `/D` run with FUSION_MDB_CODE_CACHE=write. A cache from another Node
// version is simply rejected by V8 and the bundle compiles as usual.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const bundle = path.join(__dirname, 'fusion-mdb.cjs');
const cacheFile = `${bundle}.cache`;
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// The bundle has no native import() (tsup.config.ts turns each into a lazy
// require()): a script compiled from a code cache could not resolve one.
const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
if (process.env.FUSION_MDB_CODE_CACHE === 'write') {
  process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, __dirname);
