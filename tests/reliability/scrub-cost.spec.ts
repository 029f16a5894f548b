// Issue 9 item 13: the scrub's cost follows the closed ballot's size, not the database's. On a
// database padded with 30 MB of other data, closing a secret ballot of 200 voters writes (bytes
// passed to write(2) by this process, /proc/self/io wchar) a small fraction of the file: a VACUUM
// wrote the whole database twice. A second ballot open beside it is voted on during and right
// after the close, and every one of its votes is counted.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connectAll } from '../bench/harness.js';
import { castStorm, createStormCongress, openStormBallot, seededChoices } from '../support/ballot-storm.js';
import { createApp } from '../support/congress.js';

const VOTERS = 200;
/** Rows of 4,000 random bytes: 30 MB that VACUUM would copy and a ballot's rewrite never touches. */
const PADDING_ROWS = 7_500;
const PADDING_BYTES = 4_000;

let directory: string | undefined;
let app: FastifyInstance | undefined;
let sockets: Socket[] = [];

afterEach(async () => {
  closeAll(sockets);
  sockets = [];
  await app?.close();
  app = undefined;
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

/** Bytes this process has passed to write(2) and its kin so far: the server runs in it. */
function bytesWritten(): number {
  const line = readFileSync('/proc/self/io', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('wchar:'));
  return Number(line!.split(':')[1]);
}

async function post(url: string, cookie: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' });
}

describe('the scrub after a secret ballot closes', () => {
  it('writes in proportion to the ballot, not to a 30 MB database, and another open ballot keeps counting votes', async () => {
    directory = mkdtempSync(join(tmpdir(), 'yishi-scrub-cost-'));
    const databasePath = join(directory, 'yishi.sqlite');
    app = await createApp({ DATABASE_PATH: databasePath, RATE_LIMIT_PER_MINUTE: 0, CODE_ATTEMPT_LIMIT: 10_000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    // Other data, through the app's own handle, checkpointed into the file.
    const sqlite = app.yishi.sqlite;
    sqlite.exec('CREATE TABLE padding (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    sqlite.prepare(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO padding (data) SELECT randomblob(?) FROM n`).run(PADDING_ROWS, PADDING_BYTES);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');

    const congress = await createStormCongress(url, VOTERS);
    sockets = await connectAll(
      url,
      congress.codes.map((code) => ({ code })),
    );
    const closing = await openStormBallot(congress, '关于《集体合同(草案)》的决议');
    const beside = await openStormBallot(congress, '关于《职工福利费使用方案》的决议');
    const cast = (ballotId: string, from: number, to: number, seed: string) => castStorm(sockets.slice(from, to), async () => {}, { ballotId, choices: seededChoices(to - from, seed) });
    const votes = await cast(closing, 0, VOTERS, 'scrub cost');
    const third = Math.floor(VOTERS / 3);
    const besideBefore = await cast(beside, 0, third, 'beside, before');
    expect([...votes, ...besideBefore].filter((vote) => vote.acknowledged === null)).toEqual([]);
    const databaseBytes = statSync(databasePath).size + statSync(`${databasePath}-wal`).size;

    // The close, with the other ballot's remaining votes sent at the same moment.
    const before = bytesWritten();
    const [close, besideDuring] = await Promise.all([post(`${url}/api/ballots/${closing}/close`, congress.cookie), cast(beside, third, 2 * third, 'beside, during')]);
    const written = bytesWritten() - before;
    expect(close.status).toBe(200);
    // The scrub is paid, not left pending.
    expect(sqlite.prepare('SELECT count(*) FROM scrub_pending').pluck().get()).toBe(0);

    // The ballot beside it counted every vote: those sent during the close and right after it.
    const besideAfter = await cast(beside, 2 * third, VOTERS, 'beside, after');
    expect([...besideDuring, ...besideAfter].filter((vote) => vote.acknowledged === null)).toEqual([]);
    const closeBeside = await post(`${url}/api/ballots/${beside}/close`, congress.cookie);
    expect(closeBeside.status).toBe(200);
    expect(sqlite.prepare('SELECT ballots_cast FROM ballot WHERE id = ?').pluck().get(beside)).toBe(VOTERS);
    expect(sqlite.prepare('SELECT ballots_cast FROM ballot WHERE id = ?').pluck().get(closing)).toBe(VOTERS);

    console.info(
      `scrub cost: closing a ${VOTERS}-voter secret ballot (with ${third} votes on another ballot meanwhile) wrote ${(written / 1024).toFixed(0)} KiB on a ${(databaseBytes / 1024 / 1024).toFixed(1)} MiB database (${((written / databaseBytes) * 100).toFixed(2)}%)`,
    );
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(databaseBytes / 10);
  }, 120_000);
});
