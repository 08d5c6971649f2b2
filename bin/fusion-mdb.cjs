#!/usr/bin/env node
// The executable shim: the built entry is one CommonJS bundle, required as is
// (a CommonJS shim starts without Node's ESM loader, which measured ~10 ms).
require('../dist/cli.cjs');
