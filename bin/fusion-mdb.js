#!/usr/bin/env node
// The built entry is one CommonJS bundle: require() it (an ESM import of it
// would make Node scan the whole bundle for exports at every start).
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../dist/cli.cjs');
