// Stopping the server (src/shutdown.ts): a SIGTERM while votes arrive keeps every acknowledged vote,
// checkpoints the database and exits 0; a second signal, or a close that outlasts its time, exits at
// once with 1.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCongress, openBallot } from '../support/congress.js';
import { vote } from '../support/requests.js';
import { remoteApp, type ServerProcess, startServer } from '../support/server-process.js';

let directory: string | undefined;
let server: ServerProcess | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  await server?.stop('SIGKILL');
  server = undefined;
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

/** Everything the process writes, and a promise for the first line that contains `text`. */
function watchOutput(process: ChildProcess) {
  let output = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const take = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiters.filter((candidate) => output.includes(candidate.text))) waiter.resolve();
  };
  process.stdout!.on('data', take);
  process.stderr!.on('data', take);
  return {
    text: () => output,
    seen: (text: string) => new Promise<void>((resolve) => (output.includes(text) ? resolve() : waiters.push({ text, resolve }))),
  };
}

function exitCode(process: ChildProcess): Promise<number | null> {
  if (process.exitCode !== null) return Promise.resolve(process.exitCode);
  return new Promise((resolve) => process.once('exit', (code) => resolve(code)));
}

describe('stopping the server', () => {
  it('on SIGTERM while votes arrive keeps every acknowledged vote, checkpoints and exits 0', async () => {
    directory = mkdtempSync(join(tmpdir(), 'yishi-shutdown-'));
    const databasePath = join(directory, 'yishi.sqlite');
    server = await startServer(databasePath);
    const output = watchOutput(server.child);
    const congress = await createCongress(remoteApp(server.url), { representatives: 40 });
    const ballotId = await openBallot(congress);

    let signalled = false;
    const acknowledged: string[] = [];
    await Promise.all(
      congress.representatives.map(async (person) => {
        try {
          const response = await vote(congress.app, person.token, ballotId, ['yes']);
          if (response.statusCode === 201) acknowledged.push(response.json().receipt as string);
        } catch {
          // Refused once the server stopped accepting: not acknowledged, so nothing is owed.
        }
        // The first acknowledgement: the others are still in flight when the signal lands.
        if (!signalled) {
          signalled = true;
          server!.child.kill('SIGTERM');
        }
      }),
    );
    const code = await exitCode(server.child);

    expect(code).toBe(0);
    expect(output.text()).toContain('shutting down');
    expect(acknowledged.length).toBeGreaterThan(0);
    const wal = `${databasePath}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const sqlite = new BetterSqlite3(databasePath, { readonly: true });
    try {
      const stored = new Set(sqlite.prepare('SELECT receipt FROM ballot_receipt WHERE ballot_id = ?').pluck().all(ballotId) as string[]);
      for (const receipt of acknowledged) expect(stored.has(receipt)).toBe(true);
    } finally {
      sqlite.close();
    }
  });

  it('exits at once with 1 on a second signal while the close is still going on', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/hanging-close.ts'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = watchOutput(child);
    await output.seen('ready');
    child.kill('SIGTERM');
    await output.seen('shutting down');
    child.kill('SIGTERM');
    expect(await exitCode(child)).toBe(1);
    expect(output.text()).toContain('second signal');
  });

  it('exits with 1 when the close outlasts its time', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/hanging-close.ts', '200'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = watchOutput(child);
    await output.seen('ready');
    child.kill('SIGINT');
    expect(await exitCode(child)).toBe(1);
    expect(output.text()).toContain('shutdown timed out');
  });
});
