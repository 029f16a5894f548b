// The group-commit batch writes each table in its own key order; a voter's repeated attempts inside
// one batch still end exactly as they would one after another.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { VoteRepository, type VoteRow } from '../../src/ballots/vote-repository.js';
import { createApp, createCongress, deviceReceipt, openBallot } from '../support/congress.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function batchOn(): Promise<{ repository: VoteRepository; row: (person: number, receipt: string, ballotKey: string) => VoteRow; inBox: () => string[] }> {
  app = await createApp();
  const congress = await createCongress(app, { representatives: 3 });
  const ballotId = await openBallot(congress);
  const sqlite = app.yishi.sqlite;
  return {
    repository: new VoteRepository(sqlite),
    row: (person, receipt, ballotKey) => ({
      ballotId,
      meetingId: congress.meetingId,
      memberId: congress.representatives[person]!.memberId,
      ballotKey,
      receipt,
      answers: '["yes"]',
      namedMemberId: null,
    }),
    inBox: () => sqlite.prepare('SELECT receipt FROM ballot_receipt WHERE ballot_id = ? ORDER BY receipt').pluck().all(ballotId) as string[],
  };
}

describe('one commit batch', () => {
  it('counts a representative once when they appear twice in the same batch', async () => {
    const { repository, row, inBox } = await batchOn();
    const [first, second] = [deviceReceipt(), deviceReceipt()];
    const outcomes = repository.commitBatch([row(0, first, 'key-b'), row(0, second, 'key-a'), row(1, deviceReceipt(), 'key-c')], () => true);
    expect(outcomes).toEqual(['counted', 'ALREADY_VOTED', 'counted']);
    expect(inBox()).toContain(first);
    expect(inBox()).not.toContain(second);
  });

  it('lets the second attempt count when the first in the batch reused a receipt already in the box', async () => {
    const { repository, row, inBox } = await batchOn();
    const taken = deviceReceipt();
    repository.commitBatch([row(1, taken, 'key-a')], () => true);
    const fresh = deviceReceipt();
    const outcomes = repository.commitBatch([row(0, taken, 'key-z'), row(0, fresh, 'key-b')], () => true);
    expect(outcomes).toEqual(['RECEIPT_CONFLICT', 'counted']);
    expect(inBox()).toEqual([taken, fresh].sort());
    expect(app!.yishi.sqlite.prepare('SELECT count(*) FROM participation').pluck().get()).toBe(2);
  });

  it('refuses a representative who voted in an earlier batch, whatever the receipt', async () => {
    const { repository, row } = await batchOn();
    repository.commitBatch([row(2, deviceReceipt(), 'key-a')], () => true);
    const outcomes = repository.commitBatch([row(2, deviceReceipt(), 'key-b'), row(2, deviceReceipt(), 'key-c')], () => true);
    expect(outcomes).toEqual(['ALREADY_VOTED', 'ALREADY_VOTED']);
  });

  it('leaves the connection at synchronous = FULL for every other write, even after a batch that failed', async () => {
    const { repository, row } = await batchOn();
    const sqlite = app!.yishi.sqlite;
    repository.commitBatch([row(0, 'receipt-sync-000000', 'key-a')], () => true);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(() => repository.commitBatch([row(1, 'receipt-sync-000001', 'key-a')], () => true)).toThrow(/UNIQUE/);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });
});
