// Item 12: a full disk, simulated by capping the database with PRAGMA max_page_count on the app's
// own SQLite handle (test-only: production never sets it). Votes that do not fit are refused with
// STORAGE_FULL and never acknowledged; once space returns the same devices retry and are counted,
// and nothing acknowledged is missing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, connectAll } from '../bench/harness.js';
import { type CastRecord, castStorm, createStormCongress, deviceReceipt, openStormBallot, seededChoices } from '../support/ballot-storm.js';
import { createApp } from '../support/congress.js';

const VOTERS = 800;
const BEFORE_FULL = 100;
const HTTP_VOTERS = 40;
/** SQLite's own default ceiling: no cap. */
const UNCAPPED = 1_073_741_823;

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

describe('a full disk during a vote', () => {
  it('refuses the votes that do not fit with STORAGE_FULL, acknowledges none of them, and counts them once space returns', async () => {
    directory = mkdtempSync(join(tmpdir(), 'yishi-disk-full-'));
    app = await createApp({ DATABASE_PATH: join(directory, 'yishi.sqlite'), RATE_LIMIT_PER_MINUTE: 0, CODE_ATTEMPT_LIMIT: 10_000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const sqlite = app.yishi.sqlite;
    const congress = await createStormCongress(url, VOTERS);
    sockets = await connectAll(
      url,
      congress.codes.map((code) => ({ code })),
    );
    const choices = seededChoices(VOTERS, 'disk full');
    const ballotId = await openStormBallot(congress);
    const inBox = () => new Set(sqlite.prepare('SELECT receipt FROM ballot_receipt WHERE ballot_id = ?').pluck().all(ballotId) as string[]);
    const participation = () => sqlite.prepare('SELECT count(*) FROM participation WHERE ballot_id = ?').pluck().get(ballotId) as number;

    const early = await castStorm(sockets.slice(0, BEFORE_FULL), async () => {}, { ballotId, choices: choices.slice(0, BEFORE_FULL) });
    expect(early.every((vote) => vote.acknowledged !== null)).toBe(true);
    // The last few vote over HTTP, one at a time; they join (a write) while there is room.
    const httpVoters = Array.from({ length: HTTP_VOTERS }, (_, index) => VOTERS - HTTP_VOTERS + index);
    const tokens = new Map<number, string>();
    for (const voter of httpVoters) {
      const joined = await fetch(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: congress.codes[voter], issueToken: true }) });
      tokens.set(voter, (await joined.json()).token);
    }

    // The disk fills: the file may not grow by a single page.
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    expect(sqlite.pragma(`max_page_count = ${pages}`, { simple: true })).toBe(pages);
    const storm = (await castStorm(sockets.slice(BEFORE_FULL, VOTERS - HTTP_VOTERS), async () => {}, { ballotId, choices: choices.slice(BEFORE_FULL, VOTERS - HTTP_VOTERS) })).map((vote) => ({
      ...vote,
      voter: vote.voter + BEFORE_FULL,
    }));
    // Single votes use up what free space the pages still have, then are refused too.
    const single: CastRecord[] = [];
    const httpRefusals: { status: number; body: any }[] = [];
    for (const [index, voter] of httpVoters.entries()) {
      const record: CastRecord = { voter, choice: choices[voter]!, receipt: deviceReceipt(), sent: index, acknowledged: null, refused: null };
      const response = await fetch(`${url}/api/ballots/${ballotId}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(voter)}` },
        body: JSON.stringify({ answers: [record.choice], receipt: record.receipt }),
      });
      const body = await response.json();
      if (response.status === 201) record.acknowledged = index;
      else {
        record.refused = body.code;
        httpRefusals.push({ status: response.status, body });
      }
      single.push(record);
    }
    const during = [...storm, ...single];
    const refused = during.filter((vote) => vote.acknowledged === null);
    const fitted = during.filter((vote) => vote.acknowledged !== null);
    expect(storm.filter((vote) => vote.acknowledged === null).length).toBeGreaterThan(0);
    expect(httpRefusals.length).toBeGreaterThan(0);
    expect(new Set(refused.map((vote) => vote.refused))).toEqual(new Set(['STORAGE_FULL']));
    // Over HTTP the refusal is a 503 that says the vote was not recorded, in both languages.
    for (const { status, body } of httpRefusals) {
      expect(status).toBe(503);
      expect(body.messageEn).toMatch(/NOT recorded/);
      expect(body.messageZh).toMatch(/未被记录/);
    }
    // Not one refused vote was written, and the box still agrees with participation.
    const boxWhileFull = inBox();
    expect(refused.filter((vote) => boxWhileFull.has(vote.receipt))).toEqual([]);
    expect(participation()).toBe(boxWhileFull.size);
    expect(boxWhileFull.size).toBe(BEFORE_FULL + fitted.length);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    // Space returns: the refused devices retry with the same receipts and are counted, once.
    sqlite.pragma(`max_page_count = ${UNCAPPED}`);
    const retrySockets = refused.map((vote) => sockets[vote.voter]!);
    const retried = await castStorm(retrySockets, async () => {}, { ballotId, choices: refused.map((vote) => vote.choice), receipts: refused.map((vote) => vote.receipt) });
    expect(retried.filter((vote) => vote.acknowledged === null)).toEqual([]);

    const acknowledged: CastRecord[] = [...early, ...fitted, ...retried];
    expect(acknowledged).toHaveLength(VOTERS);
    const close = await fetch(`${url}/api/ballots/${ballotId}/close`, { method: 'POST', headers: { cookie: congress.cookie } });
    expect(close.status).toBe(200);
    const box = inBox();
    expect(acknowledged.filter((vote) => !box.has(vote.receipt))).toEqual([]);
    expect(box.size).toBe(VOTERS);
    expect(participation()).toBe(VOTERS);
    expect(sqlite.prepare('SELECT ballots_cast FROM ballot WHERE id = ?').pluck().get(ballotId)).toBe(VOTERS);
    console.info(
      `disk full: capped at ${pages} pages after ${BEFORE_FULL} votes; of ${VOTERS - BEFORE_FULL} more (${VOTERS - BEFORE_FULL - HTTP_VOTERS} in a socket storm, then ${HTTP_VOTERS} one by one over HTTP), ${fitted.length} fitted in free space (${single.filter((vote) => vote.acknowledged !== null).length} of them single HTTP votes) and ${refused.length} were refused with STORAGE_FULL (${httpRefusals.length} over HTTP, 503; none written); all ${refused.length} counted on retry once space returned; ${box.size} in the box`,
    );
  }, 90_000);
});
