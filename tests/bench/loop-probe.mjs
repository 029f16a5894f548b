// A diagnostic for the benchmarks: which turns of the server's event loop were long, and why.
// YISHI_SERVER_NODE_ARGS='--import ./tests/bench/loop-probe.mjs' npm run bench loads it into the
// server (before tsx: plain JavaScript). On exit it writes <tmpdir>/yishi-loop-<pid>.json:
//   turns: [start (ms since the epoch), length, ms the main thread ran, ms it waited for a core], for
//          each turn over 8 ms, the last two from Linux's /proc/self/task/<pid>/schedstat;
//   gcs:   [start, ms], each V8 pause over 1 ms.
// A long turn whose thread mostly waited for a core was preempted (other processes, V8's helper
// threads); one where it ran was work. Off Linux the run and wait figures are null.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';

const LONG_TURN_MS = 8;
const turns = [];
const gcs = [];

/** Nanoseconds the main thread has run and waited on a run queue, or null. */
function schedule() {
  try {
    const [ran, waited] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { ran, waited };
  } catch {
    return null;
  }
}

const epoch = (at) => Math.round(performance.timeOrigin + at);
let last = performance.now();
let lastSchedule = schedule();
// A timer due every millisecond runs once a turn: the time between two runs is the turn's length.
setInterval(() => {
  const now = performance.now();
  const current = schedule();
  if (now - last > LONG_TURN_MS) {
    const ms = (field) => (current && lastSchedule ? Math.round((current[field] - lastSchedule[field]) / 1e6) : null);
    turns.push([epoch(last), Math.round(now - last), ms('ran'), ms('waited')]);
  }
  last = now;
  lastSchedule = current;
}, 1).unref();

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (entry.duration > 1) gcs.push([epoch(entry.startTime), Math.round(entry.duration * 10) / 10]);
}).observe({ entryTypes: ['gc'] });

process.on('exit', () => writeFileSync(join(tmpdir(), `yishi-loop-${process.pid}.json`), JSON.stringify({ turns, gcs })));
