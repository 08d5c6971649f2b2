// Loaded with `node --expose-gc --require` by the benchmarks only: the live heap after a full GC, on exit.
process.on('exit', () => {
  global.gc();
  process.stderr.write(`heap_after_gc_kib=${Math.round(process.memoryUsage().heapUsed / 1024)}\n`);
});
