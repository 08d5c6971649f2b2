// One piped `/D` through the installed bin, against `node -e ''` in the same run.
// Target (issue 2): within 1.3x of the floor.
import { BIN, compare, timeRun } from './lib.mjs';

const runs = Number(process.env.RUNS ?? 21);
const r = compare(runs,
  () => timeRun(['-e', '']),
  () => timeRun([BIN, '-k'], 'tcp_fusion_rcv_unread_min/D\n'));

console.log(`startup: node -e '' ${r.baseline.toFixed(1)} ms, piped /D ${r.subject.toFixed(1)} ms, ` +
  `ratio ${r.ratio.toFixed(2)}x (median of ${runs}; target <= 1.30x)`);
