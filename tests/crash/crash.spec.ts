// A server killed with SIGKILL in the middle of a vote storm loses no acknowledged vote and leaves
// nothing half-written: after restart, tally == ballots == participation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { SYNCS_IN_FLIGHT } from '../../src/ballots/vote-queue.js';
import { call, createCongress, deviceReceipt, openBallot } from '../support/congress.js';
import { remoteApp, type ServerProcess, startServer } from '../support/server-process.js';

const VOTERS = 400;
const KILL_AFTER_ACKS = 120;
/** A small commit batch, so that the bound below says something: a crash loses acks of SYNCS_IN_FLIGHT batches at most. */
const BATCH = 25;

let directory: string | undefined;
let servers: ServerProcess[] = [];
let sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets) socket.disconnect();
  sockets = [];
  await Promise.all(servers.map((server) => server.stop('SIGKILL')));
  servers = [];
  if (directory) rmSync(directory, { recursive: true, force: true });
});

function connect(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false, timeout: 10_000 });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('a crash in the middle of a vote storm', () => {
  it('keeps every acknowledged vote and nothing half-written after SIGKILL and restart', async () => {
    directory = mkdtempSync(join(tmpdir(), 'yishi-crash-'));
    const databasePath = join(directory, 'yishi.sqlite');
    const first = await startServer(databasePath, { VOTE_BATCH_MAX: String(BATCH) });
    servers.push(first);
    const congress = await createCongress(remoteApp(first.url), { representatives: VOTERS });
    const clients = await Promise.all(congress.representatives.map((person) => connect(first.url, person.token)));

    const acknowledged: string[] = [];
    let killed: Promise<void> | undefined;
    const storm = new Promise<void>((resolve) => {
      let settled = 0;
      const settle = () => ++settled === VOTERS && resolve();
      for (const [index, client] of clients.entries()) {
        client.once('ballot:opened', ({ ballot }: { ballot: { id: string } }) => {
          const receipt = deviceReceipt();
          const cast = () =>
            client.timeout(5_000).emit('ballot:cast', { ballotId: ballot.id, answers: ['yes'], receipt }, (error: unknown, response: { data?: unknown }) => {
              if (!error && response?.data) {
                acknowledged.push(receipt);
                if (acknowledged.length === KILL_AFTER_ACKS) killed = first.stop('SIGKILL');
              }
              settle();
            });
          // Spread over some 200 ms as a hall's phones are: group commit acknowledges a burst of
          // 400 at once, and the kill must land while votes are still arriving.
          setTimeout(cast, index / 2);
        });
        client.once('disconnect', () => setTimeout(settle, 0));
      }
    });
    const ballotId = await openBallot(congress);
    await storm;
    await killed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acknowledged.length).toBeLessThan(VOTERS);

    const second = await startServer(databasePath, { VOTE_BATCH_MAX: String(BATCH) });
    servers.push(second);
    const restarted = { ...congress, app: remoteApp(second.url) };
    await call(restarted.app, { method: 'POST', url: `/api/ballots/${ballotId}/close`, headers: { cookie: congress.secretary } });
    await second.stop('SIGTERM');

    const sqlite = new BetterSqlite3(databasePath, { readonly: true });
    try {
      const inBox = new Set(sqlite.prepare('SELECT receipt FROM ballot_receipt WHERE ballot_id = ?').pluck().all(ballotId) as string[]);
      for (const receipt of acknowledged) expect(inBox.has(receipt)).toBe(true);
      const participation = sqlite.prepare('SELECT count(*) FROM participation WHERE ballot_id = ?').pluck().get(ballotId) as number;
      const ballot = sqlite.prepare('SELECT ballots_cast, result FROM ballot WHERE id = ?').get(ballotId) as { ballots_cast: number; result: string };
      const counts = (JSON.parse(ballot.result) as { items: { counts: { yes: number; no: number; abstain: number } }[] }).items[0]!.counts;
      expect(participation).toBe(inBox.size);
      expect(ballot.ballots_cast).toBe(inBox.size);
      expect(counts.yes + counts.no + counts.abstain).toBe(inBox.size);
      // Committed but never acknowledged: the batches the kill caught between COMMIT and their acks.
      expect(inBox.size - acknowledged.length).toBeLessThanOrEqual(SYNCS_IN_FLIGHT * BATCH);
    } finally {
      sqlite.close();
    }
  }, 90_000);
});
