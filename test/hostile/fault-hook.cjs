'use strict';
// Preloaded (node --require) into the binary by test/hostile/faults.test.ts: it
// raises a signal at a chosen point of the run, so a test knows exactly where the
// process was when the signal came, instead of sleeping and hoping.
//   FAULT_AT=read        SIGTERM as soon as the file has been read (a --check then
//                        runs its whole synchronous parse before the loop sees it)
//   FAULT_AT=rename:N    SIGTERM just before the Nth rename (::persist -f's temporary
//                        file written, not yet renamed); the rename waits until the
//                        handler has run
//   FAULT_AT=stat        SIGTERM while a stat(2) of fs.promises is under way (a command
//                        that waits on the file system, e.g. ::etcsystem of a missing file)
//   FAULT_AT=stalled     SIGINT once stdout needs draining (nobody reads it), and a
//                        second SIGINT once the first has been handled
const fs = require('node:fs');

const at = process.env.FAULT_AT || '';
const raise = (signal) => process.kill(process.pid, signal);
const turn = () => new Promise((resolve) => setImmediate(resolve));

if (at === 'read') {
  const readFile = fs.promises.readFile;
  fs.promises.readFile = async function (...args) {
    const data = await readFile.apply(this, args);
    raise('SIGTERM');
    return data;
  };
  // --check reads a file through a descriptor of its own, opened O_NONBLOCK (src/node-fs.ts
  // readRegular): the signal comes as that descriptor is closed. The module loader's and
  // the code cache's reads open no such descriptor, and are left alone.
  const { openSync, closeSync } = fs;
  const ours = new Set();
  fs.openSync = function (path, flags, ...rest) {
    const fd = openSync.call(this, path, flags, ...rest);
    if (typeof flags === 'number' && (flags & fs.constants.O_NONBLOCK) !== 0) ours.add(fd);
    return fd;
  };
  fs.closeSync = function (fd) {
    closeSync.call(this, fd);
    if (ours.delete(fd)) raise('SIGTERM');
  };
}

if (at === 'stat') {
  const stat = fs.promises.stat;
  fs.promises.stat = async function (...args) {
    raise('SIGTERM');
    // The handler ends the process; until it runs, the stat waits.
    for (let i = 0; i < 1000; i++) await turn();
    return stat.apply(this, args);
  };
}

if (at.startsWith('rename:')) {
  let left = Number(at.slice('rename:'.length));
  const rename = fs.promises.rename;
  fs.promises.rename = async function (...args) {
    if (--left === 0) {
      raise('SIGTERM');
      // The handler sets the exit status; it exits at once when stdout is drained.
      while (process.exitCode !== 143) await turn();
    }
    return rename.apply(this, args);
  };
}

if (at === 'stalled') {
  const write = process.stdout.write;
  let raised = false;
  process.stdout.write = function (...args) {
    const ok = write.apply(this, args);
    if (!ok && !raised) {
      raised = true;
      raise('SIGINT');
      const second = () => (process.listenerCount('SIGINT') === 0 ? raise('SIGINT') : setImmediate(second));
      setImmediate(second);
    }
    return ok;
  };
}
