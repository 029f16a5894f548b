// The audit chain and the count hash (issue 14): concurrent writers keep one unbroken chain, GET
// /api/audit/verify finds an edited, deleted or reordered row by its id, and a counted ballot's
// final hash is its `ballot.counted` row's hash, shown like the result and checked against the count.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/audit/service.js';
import { transact } from '../../src/context.js';
import { call, type Congress, createApp, createCongress, openBallot } from '../support/congress.js';
import { bearer, castAll, closeBallot, expectError, publishBallot } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function verify(congress: Congress) {
  return call(congress.app, { method: 'GET', url: '/api/audit/verify', headers: { cookie: congress.secretary } });
}

function sql(congress: Congress, statement: string, ...parameters: unknown[]) {
  return congress.app.yishi.sqlite.prepare(statement).run(...parameters);
}

function lastAuditId(congress: Congress): number {
  return congress.app.yishi.sqlite.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
}

async function countedBallot(congress: Congress): Promise<string> {
  const ballotId = await openBallot(congress);
  await castAll(congress, ballotId, [['yes'], ['no'], ['yes']]);
  await closeBallot(congress, ballotId);
  return ballotId;
}

describe('the audit chain', () => {
  it('stays one unbroken chain under many writers, inside transactions and outside', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1 });
    const context = app.yishi;
    const writes = Array.from({ length: 200 }, (_, index) =>
      index % 3 === 0 ? transact(context, (inside) => recordAudit(inside, null, 'test.inside', { detail: { index } })) : recordAudit(context, null, 'test.outside', { detail: { index } }),
    );
    const written = await Promise.all(writes);
    expect(new Set(written.map((row) => row.id)).size).toBe(200);
    expect(await verify(congress)).toEqual({ ok: true, rows: lastAuditId(congress) });
    const rows = context.sqlite.prepare('SELECT id, prev_hash, hash FROM audit_log ORDER BY id').all() as { id: number; prev_hash: string | null; hash: string }[];
    expect(rows.map((row) => row.prev_hash)).toEqual([null, ...rows.slice(0, -1).map((row) => row.hash)]);
  });

  it('finds an edited row by its id', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const last = lastAuditId(congress);
    expect(last).toBeGreaterThan(6);

    const detail = app.yishi.sqlite.prepare('SELECT detail FROM audit_log WHERE id = 4').pluck().get();
    sql(congress, 'UPDATE audit_log SET detail = ? WHERE id = 4', '{"forged":true}');
    expect(await verify(congress)).toMatchObject({ ok: false, rows: last, firstBrokenId: 4, reason: expect.stringContaining('changed') });
    sql(congress, 'UPDATE audit_log SET detail = ? WHERE id = 4', detail);
    expect(await verify(congress)).toEqual({ ok: true, rows: last });
    sql(congress, "UPDATE audit_log SET actor_name = 'someone' WHERE id = 5");
    expect(await verify(congress)).toMatchObject({ ok: false, firstBrokenId: 5 });
  });

  it('finds a deleted row at the row after it, even the last one once more is written', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    sql(congress, 'DELETE FROM audit_log WHERE id = 5');
    expect(await verify(congress)).toMatchObject({ ok: false, firstBrokenId: 6 });
    await app.close();

    app = await createApp();
    const other = await createCongress(app, { representatives: 2 });
    const last = lastAuditId(other);
    sql(other, 'DELETE FROM audit_log WHERE id = ?', last);
    expect((await verify(other)).ok).toBe(true); // the tail's end is anchored only by what was printed
    await recordAudit(app.yishi, null, 'test.after');
    expect(await verify(other)).toMatchObject({ ok: false, firstBrokenId: last + 1 });
  });

  it('finds two rows swapped', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    sql(congress, 'UPDATE audit_log SET id = -1 WHERE id = 3');
    sql(congress, 'UPDATE audit_log SET id = 3 WHERE id = 4');
    sql(congress, 'UPDATE audit_log SET id = 4 WHERE id = -1');
    expect(await verify(congress)).toMatchObject({ ok: false, firstBrokenId: 3 });
  });

  it('is for officers only', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 1 });
    expectError(await app.inject({ method: 'GET', url: '/api/audit/verify', headers: bearer(congress.representatives[0]!.token) }), 403, 'FORBIDDEN');
    expectError(await app.inject({ method: 'GET', url: '/api/audit/verify' }), 401, 'UNAUTHENTICATED');
  });
});

describe('the count hash', () => {
  it('is shown to officers once closed and to everyone once published, and is the ballot.counted row’s hash', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await countedBallot(congress);
    const officer = (await call(app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: { cookie: congress.secretary } })).ballot;
    expect(officer.finalHash).toMatch(/^[0-9a-f]{64}$/);
    const row = app.yishi.sqlite.prepare("SELECT hash, detail FROM audit_log WHERE action = 'ballot.counted' AND ballot_id = ?").get(ballotId) as { hash: string; detail: string };
    expect(row.hash).toBe(officer.finalHash);
    expect(JSON.parse(row.detail)).toEqual({
      cast: 3,
      resultSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      boxSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      receiptsSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const representative = bearer(congress.representatives[0]!.token);
    expect((await call(app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: representative })).ballot.finalHash).toBeNull();
    expectError(await app.inject({ method: 'GET', url: `/api/public/ballots/${ballotId}` }), 404, 'BALLOT_NOT_FOUND');

    await publishBallot(congress, ballotId);
    expect((await call(app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: representative })).ballot.finalHash).toBe(officer.finalHash);
    expect((await call(app, { method: 'GET', url: `/api/public/ballots/${ballotId}` })).ballot.finalHash).toBe(officer.finalHash);
    expect(await verify(congress)).toMatchObject({ ok: true });
  });

  it('seals hand counts too', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 2 });
    const as = { cookie: congress.secretary };
    const { ballot } = await call(
      app,
      { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: as, payload: { title: '举手表决', method: 'manual', items: [{ kind: 'approval', title: '举手表决' }] } },
      201,
    );
    const counted = (
      await call(app, { method: 'PUT', url: `/api/ballots/${ballot.id}/manual-result`, headers: as, payload: { present: 2, cast: 2, items: [{ kind: 'approval', yes: 2, no: 0, abstain: 0 }] } })
    ).ballot;
    expect(counted.finalHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verify(congress)).toMatchObject({ ok: true });
    sql(congress, 'UPDATE ballot SET result = replace(result, \'"yes":2\', \'"yes":1\') WHERE id = ?', ballot.id);
    expect(await verify(congress)).toMatchObject({ ok: false, ballotId: ballot.id, reason: expect.stringContaining('resultSha256') });
  });

  it('lets verification find a changed result, a changed paper in the ballot box or a missing receipt', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await countedBallot(congress);
    const countedId = app.yishi.sqlite.prepare("SELECT id FROM audit_log WHERE action = 'ballot.counted'").pluck().get() as number;
    const result = app.yishi.sqlite.prepare('SELECT result FROM ballot WHERE id = ?').pluck().get(ballotId) as string;

    sql(congress, 'UPDATE ballot SET result = ? WHERE id = ?', result.replace('"yes":2', '"yes":3'), ballotId);
    expect(await verify(congress)).toMatchObject({ ok: false, firstBrokenId: countedId, ballotId, reason: expect.stringContaining('resultSha256') });
    sql(congress, 'UPDATE ballot SET result = ? WHERE id = ?', result, ballotId);
    expect(await verify(congress)).toMatchObject({ ok: true });

    sql(congress, `UPDATE ballot_box SET answers = '["yes"]' WHERE ballot_id = ? AND answers = '["no"]'`, ballotId);
    expect(await verify(congress)).toMatchObject({ ok: false, firstBrokenId: countedId, ballotId, reason: expect.stringContaining('boxSha256') });
    sql(congress, `UPDATE ballot_box SET answers = '["no"]' WHERE ballot_id = ? AND ballot_key = (SELECT min(ballot_key) FROM ballot_box WHERE ballot_id = ?)`, ballotId, ballotId);
    expect(await verify(congress)).toMatchObject({ ok: true });

    sql(congress, 'DELETE FROM ballot_receipt WHERE ballot_id = ? AND receipt = (SELECT min(receipt) FROM ballot_receipt WHERE ballot_id = ?)', ballotId, ballotId);
    expect(await verify(congress)).toMatchObject({ ok: false, ballotId, reason: expect.stringContaining('receiptsSha256') });
  });

  it('lets verification find a final hash that is not its audit row’s', async () => {
    app = await createApp();
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await countedBallot(congress);
    sql(congress, 'UPDATE ballot SET final_hash = ? WHERE id = ?', 'f'.repeat(64), ballotId);
    expect(await verify(congress)).toMatchObject({ ok: false, ballotId });
  });
});

describe('npm run admin -- audit-verify', () => {
  it('prints the verdict and exits 1 once a row is changed', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'yishi-audit-verify-'));
    const databasePath = join(directory, 'yishi.sqlite');
    try {
      app = await createApp({ DATABASE_PATH: databasePath });
      await createCongress(app, { representatives: 1 });
      await app.close();
      app = undefined;
      const environment = { PATH: process.env.PATH ?? '', DATABASE_PATH: databasePath, SECRET_KEY: 'audit-verify-test-secret-key-0123456789', LOG_LEVEL: 'silent' };
      const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/admin.ts', 'audit-verify'], { env: environment, encoding: 'utf8' });
      const intact = run();
      expect(intact.status).toBe(0);
      expect(intact.stdout).toContain('审计日志完整');
      expect(JSON.parse(intact.stdout.trim().split('\n').at(-1)!)).toMatchObject({ ok: true });

      const sqlite = new BetterSqlite3(databasePath);
      sqlite.prepare("UPDATE audit_log SET action = 'forged' WHERE id = 2").run();
      sqlite.close();
      const broken = run();
      expect(broken.status).toBe(1);
      expect(JSON.parse(broken.stdout.trim().split('\n').at(-1)!)).toMatchObject({ ok: false, firstBrokenId: 2 });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
