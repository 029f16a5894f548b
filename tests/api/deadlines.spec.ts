// A ballot's deadline (auto-close) far in the future: setTimeout cannot wait that long in one go,
// so the ballot must stay open until its own deadline, not close when the longest timer runs out.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { approvalBallot, createApp, createCongress, openBallot } from '../support/congress.js';

const DAY = 24 * 3_600_000;
const LONGEST_TIMER_MS = 2 ** 31 - 1;

let app: FastifyInstance | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await app?.close();
  app = undefined;
});

function stateOf(target: FastifyInstance, ballotId: string): string {
  return (target.yishi.sqlite.prepare('SELECT state FROM ballot WHERE id = ?').get(ballotId) as { state: string }).state;
}

function whenClosed(target: FastifyInstance, ballotId: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = target.yishi.events.subscribe((event) => {
      if (event.type === 'ballot.closed' && event.ballotId === ballotId) {
        stop();
        resolve();
      }
    });
  });
}

describe('a deadline more than 24.8 days away', () => {
  it('keeps the ballot open past the longest timer and closes it at its deadline', async () => {
    app = await createApp({}, { clock: () => new Date() });
    const congress = await createCongress(app, { representatives: 3 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const deadlineAt = new Date(Date.now() + 60 * DAY);
    const ballotId = await openBallot(congress, { ...approvalBallot(), deadlineAt: deadlineAt.toISOString() });
    const closed = whenClosed(app, ballotId);

    await vi.advanceTimersByTimeAsync(LONGEST_TIMER_MS + DAY);
    expect(stateOf(app, ballotId)).toBe('open');
    await vi.advanceTimersByTimeAsync(LONGEST_TIMER_MS + DAY);
    expect(stateOf(app, ballotId)).toBe('open');

    await vi.advanceTimersByTimeAsync(deadlineAt.getTime() - Date.now());
    await closed;
    expect(stateOf(app, ballotId)).toBe('closed');
    const closedAt = (app.yishi.sqlite.prepare('SELECT closed_at FROM ballot WHERE id = ?').get(ballotId) as { closed_at: string }).closed_at;
    expect(Date.parse(closedAt)).toBeGreaterThanOrEqual(deadlineAt.getTime());
  });
});
