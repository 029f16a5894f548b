// The scrub after a secret ballot closes (its rows rewritten in key order with the close, then an emptied WAL) is owed until it succeeds:
// a failed scrub never fails the close, and a restart pays what a failure or a crash left pending.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { walScrub } from '../../src/ballots/vote-repository.js';
import type { DomainEvent } from '../../src/events.js';
import { createApp, createCongress, openBallot } from '../support/congress.js';
import { castAll, closeBallot, rowCount } from '../support/requests.js';

let directory: string;
let app: FastifyInstance | undefined;
let logs: string;
const capture = new Writable({
  write(chunk, _encoding, done) {
    logs += String(chunk);
    done();
  },
});

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'yishi-scrub-'));
  logs = '';
});
afterEach(async () => {
  vi.restoreAllMocks();
  await app?.close();
  app = undefined;
  rmSync(directory, { recursive: true, force: true });
});

function diskFull(): never {
  throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
}

const walSize = (path: string) => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);

describe('the scrub after a secret ballot closes', () => {
  it('closes and announces the ballot even when the disk is full, and keeps the scrub owed', async () => {
    const path = join(directory, 'yishi.sqlite');
    app = await createApp({ DATABASE_PATH: path, LOG_LEVEL: 'error' }, { logStream: capture });
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    await castAll(congress, ballotId, [['yes'], ['no'], ['yes']]);
    const events: DomainEvent[] = [];
    app.yishi.events.subscribe((event) => events.push(event));
    vi.spyOn(walScrub, 'run').mockImplementationOnce(diskFull);

    const ballot = await closeBallot(congress, ballotId);

    expect(ballot).toMatchObject({ state: 'closed', result: { cast: 3 } });
    expect(events).toContainEqual({ type: 'ballot.closed', meetingId: congress.meetingId, ballotId });
    expect(rowCount(app, 'scrub_pending', 'ballot_id = ?', ballotId)).toBe(1);
    expect(walSize(path)).toBeGreaterThan(0);
    expect(logs).toContain('scrub after close failed');
  });

  it('pays a pending scrub at start, before anyone can copy the file', async () => {
    const path = join(directory, 'yishi.sqlite');
    app = await createApp({ DATABASE_PATH: path });
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    await castAll(congress, ballotId, [['yes'], ['no'], ['abstain']]);
    vi.spyOn(walScrub, 'run').mockImplementationOnce(diskFull);
    await closeBallot(congress, ballotId);
    await app.close();
    vi.restoreAllMocks();

    const scrub = vi.spyOn(walScrub, 'run');
    app = await createApp({ DATABASE_PATH: path });

    expect(scrub).toHaveBeenCalledTimes(1);
    expect(rowCount(app, 'scrub_pending')).toBe(0);
    expect(walSize(path)).toBe(0);
  });

  it('pays an earlier failed scrub at the next close', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const first = await openBallot(congress);
    await castAll(congress, first, [['yes'], ['no']]);
    vi.spyOn(walScrub, 'run').mockImplementationOnce(diskFull);
    await closeBallot(congress, first);
    expect(rowCount(app, 'scrub_pending')).toBe(1);

    const second = await openBallot(congress);
    await closeBallot(congress, second);

    expect(rowCount(app, 'scrub_pending')).toBe(0);
  });

  it('owes nothing once a scrub succeeds', async () => {
    const path = join(directory, 'yishi.sqlite');
    app = await createApp({ DATABASE_PATH: path });
    const congress = await createCongress(app, { representatives: 2 });
    const ballotId = await openBallot(congress);
    await castAll(congress, ballotId, [['yes'], ['no']]);
    await closeBallot(congress, ballotId);
    expect(rowCount(app, 'scrub_pending')).toBe(0);
    expect(walSize(path)).toBe(0);
  });
});
