// A ballot's deadline (auto-close) far in the future: setTimeout cannot wait that long in one go,
// so the ballot must stay open until its own deadline, not close when the longest timer runs out.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { approvalBallot, createApp, createCongress, openBallot } from '../support/congress.js';
import { manualTime, whenClosed } from '../support/manual-time.js';

const DAY = 24 * 3_600_000;
const LONGEST_TIMER_MS = 2 ** 31 - 1;

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function stateOf(target: FastifyInstance, ballotId: string): string {
  return (target.yishi.sqlite.prepare('SELECT state FROM ballot WHERE id = ?').get(ballotId) as { state: string }).state;
}

describe('a deadline more than 24.8 days away', () => {
  it('keeps the ballot open past the longest timer and closes it at its deadline', async () => {
    const time = manualTime();
    app = await createApp({}, { clock: time.clock, timers: time.timers });
    const congress = await createCongress(app, { representatives: 3 });
    const deadlineAt = new Date(time.clock().getTime() + 60 * DAY);
    const ballotId = await openBallot(congress, { ...approvalBallot(), deadlineAt: deadlineAt.toISOString() });
    const closed = whenClosed(app, ballotId);

    time.advance(LONGEST_TIMER_MS + DAY);
    expect(stateOf(app, ballotId)).toBe('open');
    time.advance(LONGEST_TIMER_MS + DAY);
    expect(stateOf(app, ballotId)).toBe('open');
    expect(time.armed).toBe(1);

    time.advance(deadlineAt.getTime() - time.clock().getTime());
    await closed;
    expect(stateOf(app, ballotId)).toBe('closed');
    const closedAt = (app.yishi.sqlite.prepare('SELECT closed_at FROM ballot WHERE id = ?').get(ballotId) as { closed_at: string }).closed_at;
    expect(closedAt).toBe(deadlineAt.toISOString());
  });
});
