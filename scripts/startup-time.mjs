// `npm run bench:startup`: how long a built tree takes from spawning `node dist/main.js` to its
// first 200 from /api/health, on a new database (migrations run) and on one that exists (a restart).
// Polls every 5 ms, so a figure is at most 5 ms late. RUNS=10 for more runs (default 5).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const ENTRY = join(ROOT, 'dist', 'main.js');
const RUNS = Number(process.env.RUNS ?? 5);

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Milliseconds from spawn to the first 200 from /api/health; then stops the server. */
async function timeOneStart(databasePath) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      SECRET_KEY: 'startup-time-secret-key-0123456789-abcdef',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: databasePath,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const exited = new Promise((done) => child.once('exit', done));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('the server exited before answering');
      if (performance.now() - started > 60_000) throw new Error('no answer within 60 s');
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((done) => setTimeout(done, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `median ${Math.round(median)} ms (min ${Math.round(sorted[0])}, max ${Math.round(sorted.at(-1))}, ${times.length} runs)`;
}

if (!existsSync(ENTRY)) {
  console.error('No build: run npm run build first');
  process.exit(1);
}
const fresh = [];
const restart = [];
for (let run = 0; run < RUNS; run += 1) {
  const folder = mkdtempSync(join(tmpdir(), 'yishi-startup-'));
  try {
    fresh.push(await timeOneStart(join(folder, 'yishi.sqlite')));
    restart.push(await timeOneStart(join(folder, 'yishi.sqlite')));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
console.log(`node dist/main.js to the first 200 from /api/health, on ${process.version}:`);
console.log(`  new database:      ${summary(fresh)}`);
console.log(`  existing database: ${summary(restart)}`);
