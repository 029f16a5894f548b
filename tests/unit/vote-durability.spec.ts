// A vote is acknowledged only after the log holding it is synced to the disk, and that sync runs
// off the event loop (WalSync): the queue is driven here with a sync the test releases by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SYNCS_IN_FLIGHT, VoteQueue } from '../../src/ballots/vote-queue.js';
import type { VoteOutcome, VoteRepository, VoteRow } from '../../src/ballots/vote-repository.js';
import { WalSync } from '../../src/db/wal-sync.js';
import { type DomainEvent, DomainEvents } from '../../src/events.js';

const row = (memberId: string): VoteRow => ({ ballotId: 'b1', meetingId: 'm1', memberId, ballotKey: `k-${memberId}`, receipt: `r-${memberId}`, answers: '["yes"]', namedMemberId: null });
const turn = () => new Promise((resolve) => setImmediate(resolve));

function queueWithHandSync() {
  const batches: string[][] = [];
  const repository = {
    busy: false,
    commitBatch: (votes: readonly VoteRow[]): VoteOutcome[] => {
      batches.push(votes.map((vote) => vote.memberId).sort());
      return votes.map(() => 'counted');
    },
  } as unknown as VoteRepository;
  const syncs: { release: () => void; fail: (error: Error) => void }[] = [];
  const events = new DomainEvents();
  const heard: DomainEvent['type'][] = [];
  events.subscribe((event) => heard.push(event.type));
  const errors: unknown[] = [];
  const queue = new VoteQueue(
    repository,
    events,
    (size) => Buffer.alloc(size),
    (error) => errors.push(error),
    2_000,
    () => new Promise<void>((resolve, reject) => syncs.push({ release: resolve, fail: reject })),
  );
  queue.registerOpen({ id: 'b1', meetingId: 'm1', termId: 't1', secrecy: 'secret', voted: 0, voters: new Set() });
  const settled: Record<string, string> = {};
  const vote = (memberId: string) =>
    queue.enqueue(row(memberId)).then(
      () => (settled[memberId] = 'acknowledged'),
      (error: { code: string }) => (settled[memberId] = error.code),
    );
  return { queue, batches, syncs, heard, errors, settled, vote };
}

describe('acknowledging a vote', () => {
  it('waits for the sync of its batch; the next turn’s votes commit meanwhile, and once two syncs run the later votes wait and go in one batch', async () => {
    const { queue, batches, syncs, heard, settled, vote } = queueWithHandSync();
    void vote('a');
    void vote('b');
    await turn();
    expect(batches).toEqual([['a', 'b']]);
    expect(syncs).toHaveLength(1);
    // Committed, known in memory (a repeat is refused), but not acknowledged nor announced.
    expect(queue.openBallot('b1')!.voters).toEqual(new Set(['a', 'b']));
    expect(settled).toEqual({});
    expect(heard).toEqual([]);

    // A sync is running: the next turn's votes commit in their turn all the same, with a sync of their own.
    void vote('c');
    await turn();
    expect(batches).toEqual([['a', 'b'], ['c']]);
    expect(syncs).toHaveLength(SYNCS_IN_FLIGHT);

    // Two syncs are running: later votes wait, however many turns go by, and go in one batch.
    void vote('d');
    await turn();
    void vote('e');
    await turn();
    await turn();
    expect(batches).toHaveLength(2);
    expect(settled).toEqual({});

    syncs[0]!.release();
    await turn();
    await turn();
    expect(settled).toEqual({ a: 'acknowledged', b: 'acknowledged' });
    expect(heard).toEqual(['members.voted', 'ballot.turnout']);
    expect(batches).toEqual([['a', 'b'], ['c'], ['d', 'e']]);
    // Each batch is acknowledged by its own sync, started after its commit, in whatever order they end.
    syncs[2]!.release();
    await turn();
    await turn();
    expect(settled).toEqual({ a: 'acknowledged', b: 'acknowledged', d: 'acknowledged', e: 'acknowledged' });
    syncs[1]!.release();
    await turn();
    await turn();
    expect(settled).toMatchObject({ c: 'acknowledged' });
  });

  it('refuses the batch when the sync fails: committed, not acknowledged, as after a crash', async () => {
    const { queue, syncs, errors, heard, settled, vote } = queueWithHandSync();
    void vote('a');
    await turn();
    syncs[0]!.fail(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await turn();
    await turn();
    expect(settled).toEqual({ a: 'SERVER_BUSY' });
    expect(errors).toHaveLength(1);
    expect(heard).toEqual([]);
    // The row is committed: the retry is refused as a repeat, and finds its receipt.
    expect(queue.openBallot('b1')!.voters.has('a')).toBe(true);
  });
});

describe('WalSync', () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
    directory = undefined;
  });

  it('syncs the log of a database on disk, and refuses when there is no log to sync', async () => {
    directory = mkdtempSync(join(tmpdir(), 'yishi-walsync-'));
    const path = join(directory, 'votes.sqlite');
    const sync = new WalSync(path);
    await expect(sync.sync()).rejects.toMatchObject({ code: 'ENOENT' });
    const sqlite = new BetterSqlite3(path);
    try {
      sqlite.pragma('journal_mode = WAL');
      sqlite.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
      await expect(sync.sync()).resolves.toBeUndefined();
      await expect(sync.sync()).resolves.toBeUndefined();
    } finally {
      sqlite.close();
      sync.close();
    }
  });

  it('has nothing to sync for a database in memory', async () => {
    await expect(new WalSync(':memory:').sync()).resolves.toBeUndefined();
  });
});
