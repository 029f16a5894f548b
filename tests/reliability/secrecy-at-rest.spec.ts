// Item 15: secrecy at rest. During a 2,000-voter storm the database is copied with its WAL (in one
// event-loop turn, so the copy is consistent) and backed up online; after the close it is copied
// and backed up again. Each copy is attacked: WAL frames are replayed commit by commit to see which
// participation, receipt and paper rows appear together, and rows are ordered by key and by their
// place in the file. Mid-vote, nothing links a voter or a receipt more closely than the commit batch
// that held the vote (GET /api/health reports the batch sizes); after close, nothing links at all.
// Each voter writes in a tag of their own (openTaggedBallot): the test knows whose paper each is.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/db/backup.js';
import type { BatchStatistics } from '../../src/ballots/vote-queue.js';
import { closeAll, connectAll } from '../bench/harness.js';
import { type CastRecord, castStorm, CHOICES, createStormCongress, openTaggedBallot, paperTags, seededChoices } from '../support/ballot-storm.js';
import { createApp } from '../support/congress.js';
import { PAIRS, pairName, secrecyAttacks } from '../support/secrecy-attacks.js';
import { type KnownIds, ROW_KINDS, type RowKind } from '../support/wal-frames.js';

/** 2,000 votes, so a |ρ| < 0.1 bound after close sits 4.5 standard deviations out. */
const WAVES = [1, 1, 2, 3, 5, 10, 25, 50, 100, 200, 250, 353, 500, 500];
const VOTERS = WAVES.reduce((sum, size) => sum + size, 0);
/** The mid-storm copies are taken at the first acknowledgement of this wave (0-based). */
const COPY_IN_WAVE = 9;

let directory: string;
let app: FastifyInstance | undefined;
let sockets: Socket[] = [];

interface Copies {
  midStorm: { database: string; wal: string; committed: number; batches: BatchStatistics };
  midStormBackup: string;
  afterClose: { database: string; wal: string };
  afterCloseBackup: string;
}

let ballotId = '';
const votes: CastRecord[] = [];
let memberOf: (record: CastRecord) => string;
let copies: Copies;
let batches: BatchStatistics;
/** Whose row each stored id is (member id, receipt, paper's tag): the voter's index in `votes`. */
let voterOf: Record<RowKind, Map<string, number>>;
let known: KnownIds;

function copyWithWal(databasePath: string, name: string): { database: string; wal: string } {
  const target = join(directory, name);
  mkdirSync(target);
  const copy = { database: join(target, 'yishi.sqlite'), wal: join(target, 'yishi.sqlite-wal') };
  copyFileSync(databasePath, copy.database);
  if (existsSync(`${databasePath}-wal`)) copyFileSync(`${databasePath}-wal`, copy.wal);
  return copy;
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'yishi-secrecy-rest-'));
  const databasePath = join(directory, 'live', 'yishi.sqlite');
  app = await createApp({ DATABASE_PATH: databasePath, RATE_LIMIT_PER_MINUTE: 0, CODE_ATTEMPT_LIMIT: 10_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const congress = await createStormCongress(url, VOTERS);
  memberOf = (record) => congress.memberIds[record.voter]!;
  sockets = await connectAll(
    url,
    congress.codes.map((code) => ({ code })),
  );
  const sqlite = app.yishi.sqlite;
  let midStorm: Copies['midStorm'] | undefined;
  let midStormBackup: Promise<unknown> | undefined;
  const midStormBackupPath = join(directory, 'mid-storm-backup.sqlite');
  const choices = seededChoices(VOTERS, 'secrecy at rest');
  const tags = paperTags(VOTERS, 'secrecy at rest');
  ballotId = await openTaggedBallot(congress);
  // Votes arrive in waves of different sizes, as a hall's do: each wave reaches the server in about
  // one turn of its event loop, so the commit batches range from one vote to hundreds.
  let next = 0;
  for (const [wave, size] of WAVES.entries()) {
    const cast = await castStorm(sockets.slice(next, next + size), async () => {}, {
      ballotId,
      choices: choices.slice(next, next + size),
      tags: tags.slice(next, next + size),
      onAcknowledged: (count) => {
        if (wave !== COPY_IN_WAVE || count !== 1) return;
        // Synchronous, inside one turn of the server's event loop: no commit is half-way through.
        const committed = sqlite.prepare('SELECT count(*) FROM ballot_box WHERE ballot_id = ?').pluck().get(ballotId) as number;
        // The figures GET /api/health reports, read at the same instant as the copy.
        midStorm = { ...copyWithWal(databasePath, 'mid-storm'), committed, batches: structuredClone(app!.yishi.votes.statistics) };
        midStormBackup = backupDatabase(databasePath, midStormBackupPath);
      },
    });
    votes.push(...cast.map((record) => ({ ...record, voter: record.voter + next, sent: record.sent + next, acknowledged: record.acknowledged === null ? null : record.acknowledged + next })));
    next += size;
  }
  expect(votes.filter((vote) => vote.acknowledged === null)).toEqual([]);
  await midStormBackup;
  batches = structuredClone((await (await fetch(`${url}/api/health`)).json()).voteBatches as BatchStatistics);
  const close = await fetch(`${url}/api/ballots/${ballotId}/close`, { method: 'POST', headers: { cookie: congress.cookie } });
  expect(close.status).toBe(200);
  const afterClose = copyWithWal(databasePath, 'after-close');
  const afterCloseBackup = join(directory, 'after-close-backup.sqlite');
  await backupDatabase(databasePath, afterCloseBackup);
  copies = { midStorm: midStorm!, midStormBackup: midStormBackupPath, afterClose, afterCloseBackup };
  voterOf = {
    participation: new Map(votes.map((vote, index) => [memberOf(vote), index])),
    receipts: new Map(votes.map((vote, index) => [vote.receipt, index])),
    papers: new Map(votes.map((vote, index) => [vote.tag!, index])),
  };
  known = { members: new Set(voterOf.participation.keys()), receipts: new Set(voterOf.receipts.keys()), tags: new Set(voterOf.papers.keys()) };
  attacks = secrecyAttacks({ ballotId, votes, voterOf, known });
}, 180_000);

afterAll(async () => {
  closeAll(sockets);
  sockets = [];
  await app?.close();
  app = undefined;
  if (directory) rmSync(directory, { recursive: true, force: true });
});

let attacks: ReturnType<typeof secrecyAttacks>;

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const listed = (values: Record<string, number>, format: (value: number) => string) =>
  Object.entries(values)
    .map(([name, value]) => `${name} ${format(value)}`)
    .join(', ');

describe(`secrecy at rest after a ${VOTERS}-voter storm`, () => {
  it('mid-vote, a copy with its WAL links a voter or a receipt to no more than the commit batch that held the vote', () => {
    const { choiceOf, majorityGuess, pairByPosition, replay, tallyGuess } = attacks;
    const { inFile, commits, frames } = replay(readFileSync(copies.midStorm.database), existsSync(copies.midStorm.wal) ? readFileSync(copies.midStorm.wal) : undefined);
    const withVotes = commits.filter((group) => ROW_KINDS.some((kind) => group[kind].length > 0));
    // The replay found every committed vote, each as one voter, one receipt and one paper.
    const found = inFile.papers.length + withVotes.reduce((sum, group) => sum + group.papers.length, 0);
    expect(found).toBe(copies.midStorm.committed);
    expect(inFile.participation.length).toBe(inFile.papers.length);
    expect(inFile.receipts.length).toBe(inFile.papers.length);
    for (const group of withVotes) {
      expect(group.participation.length).toBe(group.papers.length);
      expect(group.receipts.length).toBe(group.papers.length);
    }
    expect(withVotes.length).toBeGreaterThan(0);
    // A commit never holds more votes than a batch: the largest batch bounds what a WAL copy links.
    const sizes = withVotes.map((group) => group.papers.length);
    const atCopy = copies.midStorm.batches;
    expect(Math.max(...sizes)).toBeLessThanOrEqual(atCopy.largest);
    expect(withVotes.length).toBeLessThanOrEqual(atCopy.batches);
    expect(inFile.papers.length + sizes.reduce((sum, size) => sum + size, 0)).toBe(atCopy.votes);

    // The attacks' success beside the floor of guessing the tally's leader for everyone.
    const inWal = sizes.reduce((sum, size) => sum + size, 0);
    const byBatch = withVotes.reduce((sum, group) => sum + majorityGuess(group), 0) / inWal;
    const floor = tallyGuess(withVotes.flatMap((group) => group.papers));
    // Inside a batch, where the rows sit (their pages, their cells' fill order) pairs them no better
    // than pairing them at random: by choice, no better than a random pairing's agreement; by
    // voter, about one right pair per batch (a random pairing's expected fixed points), and no batch
    // of six or more paired right throughout.
    const randomPairing =
      withVotes.reduce((sum, group) => sum + CHOICES.reduce((inner, choice) => inner + group.papers.filter((row) => choiceOf('papers', row) === choice).length ** 2, 0) / group.papers.length, 0) /
      inWal;
    const shared = withVotes.filter((group) => group.papers.length >= 2);
    const chanceFixedPoints = shared.length;
    const lines: string[] = [];
    for (const pair of PAIRS) {
      const [a, b] = pair;
      const paired = withVotes.map((group) => pairByPosition(a, group[a], b, group[b]));
      const byCellOrder = paired.reduce((sum, result) => sum + result.sameChoice, 0) / inWal;
      const exact = shared.reduce((sum, group) => sum + pairByPosition(a, group[a], b, group[b]).sameVoter, 0);
      const throughout = shared.filter((group) => group.papers.length >= 6 && pairByPosition(a, group[a], b, group[b]).sameVoter === group.papers.length);
      expect(byCellOrder, pairName(pair)).toBeLessThanOrEqual(randomPairing + 0.08);
      expect(exact, pairName(pair)).toBeLessThanOrEqual(chanceFixedPoints + 4 * Math.sqrt(chanceFixedPoints) + 2);
      expect(
        throughout.map((group) => group.papers.length),
        pairName(pair),
      ).toEqual([]);
      lines.push(`${pairName(pair)}: cell-order pairing by choice ${percent(byCellOrder)}, same voter ${exact} in ${shared.length} shared batches`);
    }
    const exactlyLinked = withVotes.filter((group) => group.papers.length === 1).length;
    console.info(
      `secrecy at rest, mid-storm copy in wave ${COPY_IN_WAVE + 1} of [${WAVES.join(', ')}]: ${copies.midStorm.committed} ballots committed, ${inFile.papers.length} already checkpointed into the file, ` +
        `${inWal} in ${withVotes.length} WAL commits (${frames} frames) of sizes [${sizes.join(', ')}]; batches at the copy ${JSON.stringify(copies.midStorm.batches)}, after the storm (GET /api/health) ${JSON.stringify(batches)}; ` +
        `voters linked to a batch of 1: ${exactlyLinked}; majority-of-batch guess ${percent(byBatch)}, tally floor ${percent(floor)}, random pairing within batches ${percent(randomPairing)}; ${lines.join('; ')}`,
    );
  });

  it('mid-vote, an online backup has no WAL, and neither key order nor file position pairs voters, receipts and papers', () => {
    const { orderAttacks, tallyGuess } = attacks;
    expect(existsSync(`${copies.midStormBackup}-wal`)).toBe(false);
    const attack = orderAttacks(copies.midStormBackup);
    expect(attack.ballots).toBeGreaterThanOrEqual(copies.midStorm.committed);
    expect(attack.ballots).toBeLessThan(VOTERS);
    const floor = Math.max(tallyGuess(attack.papers), 1 / 3);
    for (const pair of PAIRS) {
      const name = pairName(pair);
      expect(attack.pairedByKey[name], name).toBeLessThanOrEqual(floor + 0.1);
      expect(attack.pairedByFile[name], name).toBeLessThanOrEqual(floor + 0.1);
      expect(attack.exactByKey[name], name).toBeLessThan(0.01);
      expect(attack.exactByFile[name], name).toBeLessThan(0.01);
      expect(Math.abs(attack.rhoPairKey[name]!), name).toBeLessThan(0.15);
    }
    for (const kind of ROW_KINDS) expect(Math.abs(attack.rhoKey[kind]), kind).toBeLessThan(0.15);
    console.info(
      `secrecy at rest, mid-storm online backup (${attack.ballots} ballots, floor ${percent(floor)}): pairing by key ${listed(attack.pairedByKey, percent)}; by file ${listed(attack.pairedByFile, percent)}; ` +
        `same voter by key ${listed(attack.exactByKey, percent)}, by file ${listed(attack.exactByFile, percent)}; ρ key/send ${listed(attack.rhoKey, (rho) => rho.toFixed(3))}; file/send ${listed(attack.rhoFile, (rho) => rho.toFixed(3))}; ` +
        `ρ between tables by key ${listed(attack.rhoPairKey, (rho) => rho.toFixed(3))}, by file ${listed(attack.rhoPairFile, (rho) => rho.toFixed(3))}`,
    );
  });

  it('after close, the copy with its WAL and the online backup link nothing: no WAL frames, no order that follows the votes or pairs the tables', () => {
    const { orderAttacks, replay, tallyGuess } = attacks;
    expect(!existsSync(copies.afterClose.wal) || statSync(copies.afterClose.wal).size === 0).toBe(true);
    const { commits, inFile } = replay(readFileSync(copies.afterClose.database), existsSync(copies.afterClose.wal) ? readFileSync(copies.afterClose.wal) : undefined);
    expect(commits).toEqual([]);
    for (const kind of ROW_KINDS) expect(inFile[kind], kind).toHaveLength(VOTERS);
    expect(existsSync(`${copies.afterCloseBackup}-wal`)).toBe(false);
    const lines: string[] = [];
    for (const [name, path] of [
      ['copy', copies.afterClose.database],
      ['online backup', copies.afterCloseBackup],
    ] as const) {
      const attack = orderAttacks(path);
      expect(attack.ballots).toBe(VOTERS);
      const floor = Math.max(tallyGuess(attack.papers), 1 / 3);
      for (const pair of PAIRS) {
        const label = `${name}: ${pairName(pair)}`;
        expect(attack.pairedByKey[pairName(pair)], label).toBeLessThanOrEqual(floor + 0.06);
        expect(attack.pairedByFile[pairName(pair)], label).toBeLessThanOrEqual(floor + 0.06);
        expect(attack.exactByKey[pairName(pair)], label).toBeLessThan(0.005);
        expect(attack.exactByFile[pairName(pair)], label).toBeLessThan(0.005);
        for (const rho of [attack.rhoPairKey[pairName(pair)]!, attack.rhoPairFile[pairName(pair)]!]) expect(Math.abs(rho), label).toBeLessThan(0.1);
      }
      for (const kind of ROW_KINDS) for (const rho of [attack.rhoKey[kind], attack.rhoFile[kind]]) expect(Math.abs(rho), `${name}: ${kind}`).toBeLessThan(0.1);
      lines.push(
        `${name} (floor ${percent(floor)}): pairing by key ${listed(attack.pairedByKey, percent)}; by file ${listed(attack.pairedByFile, percent)}; same voter by key ${listed(attack.exactByKey, percent)}, by file ${listed(attack.exactByFile, percent)}; ` +
          `ρ key/send ${listed(attack.rhoKey, (rho) => rho.toFixed(3))}; file/send ${listed(attack.rhoFile, (rho) => rho.toFixed(3))}; between tables by key ${listed(attack.rhoPairKey, (rho) => rho.toFixed(3))}, by file ${listed(attack.rhoPairFile, (rho) => rho.toFixed(3))}`,
      );
    }
    console.info(`secrecy at rest after close (0 WAL frames): ${lines.join('; ')}`);
  });
});
