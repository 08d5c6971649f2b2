// Loaded with `node --require` by the benchmarks only: reports the peak RSS on exit.
process.on('exit', () => {
  process.stderr.write(`maxrss_kib=${process.resourceUsage().maxRSS}\n`);
});
