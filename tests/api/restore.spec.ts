// `npm run restore`: a backup taken by `npm run backup` while the server ran goes back in place of the
// database, the server starts on it as it was at the backup, and the database it replaced is kept.
// It refuses under a running server, and refuses files that are not a sound Yishi database it knows.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RestoreRefused, restoreDatabase } from '../../src/db/restore.js';
import { call, createApp, createCongress, openBallot, signIn } from '../support/congress.js';
import { expectError, vote } from '../support/requests.js';

let app: FastifyInstance | undefined;
let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'yishi-restore-'));
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  rmSync(directory, { recursive: true, force: true });
});

/** The command `npm run <script> -- <file>` runs (compiled; tests run the source), against DATABASE_PATH, as an operator runs it. */
function runCommand(script: 'backup' | 'restore', file: string, databasePath: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, file], { env: { PATH: process.env.PATH ?? '', DATABASE_PATH: databasePath }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm run ${script} did not finish: ${output}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function turnout(target: FastifyInstance, ballotId: string): Promise<number> {
  const { ballot } = await call(target, { url: `/api/ballots/${ballotId}`, headers: { cookie: await signIn(target) } });
  return ballot.turnout.voted;
}

describe('restoring a backup', () => {
  it('brings the congress back as it was at the backup, and keeps the database it replaced', { timeout: 60_000 }, async () => {
    const DATABASE_PATH = join(directory, 'yishi.sqlite');
    const backup = join(directory, 'backup.sqlite');
    app = await createApp({ DATABASE_PATH });
    const congress = await createCongress(app, { representatives: 3 });
    const ballotId = await openBallot(congress);
    const [first, second] = congress.representatives;
    expect((await vote(app, first!.token, ballotId, ['yes'])).statusCode).toBe(201);
    const backedUp = await runCommand('backup', backup, DATABASE_PATH);
    expect(backedUp.code, backedUp.output).toBe(0);

    // After the backup: a second vote and a new delegation.
    expect((await vote(app, second!.token, ballotId, ['no'])).statusCode).toBe(201);
    await call(app, { method: 'POST', url: `/api/terms/${congress.termId}/delegations`, headers: { cookie: congress.secretary }, payload: { name: '备份之后' } }, 201);
    expect(await turnout(app, ballotId)).toBe(2);

    const refused = await runCommand('restore', backup, DATABASE_PATH);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('stop the server first');
    expect(await turnout(app, ballotId)).toBe(2);

    await app.close();
    app = undefined;
    const restored = await runCommand('restore', backup, DATABASE_PATH);
    expect(restored.code, restored.output).toBe(0);
    const aside = readdirSync(directory).find((name) => name.startsWith('yishi.sqlite.before-restore-') && !/-(wal|shm)$/.test(name));
    expect(aside).toBeDefined();
    expect(restored.output).toContain(aside);

    app = await createApp({ DATABASE_PATH });
    expect(await turnout(app, ballotId)).toBe(1);
    expectError(await vote(app, first!.token, ballotId, ['no']), 409, 'ALREADY_VOTED');
    expect((await vote(app, second!.token, ballotId, ['abstain'])).statusCode).toBe(201);
    const { delegations } = await call(app, { url: `/api/terms/${congress.termId}/delegations`, headers: { cookie: congress.secretary } });
    expect(delegations.map((delegation: { name: string }) => delegation.name)).not.toContain('备份之后');

    // The replaced database is whole: both votes and the later delegation are still in it.
    const kept = new BetterSqlite3(join(directory, aside!), { readonly: true });
    try {
      expect(kept.prepare("SELECT count(*) AS n FROM delegation WHERE name = '备份之后'").get()).toEqual({ n: 1 });
    } finally {
      kept.close();
    }
  });

  it('refuses a file that is not a sound Yishi database this version knows, and leaves the database alone', async () => {
    const DATABASE_PATH = join(directory, 'yishi.sqlite');
    app = await createApp({ DATABASE_PATH });
    await createCongress(app, { representatives: 1, openMeeting: false });
    await app.close();
    app = undefined;

    const garbage = join(directory, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    expect(() => restoreDatabase(garbage, DATABASE_PATH)).toThrow(RestoreRefused);

    const stranger = join(directory, 'stranger.sqlite');
    const other = new BetterSqlite3(stranger);
    other.exec('CREATE TABLE note (text TEXT)');
    other.close();
    expect(() => restoreDatabase(stranger, DATABASE_PATH)).toThrow(/not a Yishi database/);

    const newer = join(directory, 'newer.sqlite');
    copyFileSync(DATABASE_PATH, newer);
    const future = new BetterSqlite3(newer);
    future.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('2099-01-01-999-future', new Date().toISOString());
    future.close();
    expect(() => restoreDatabase(newer, DATABASE_PATH)).toThrow(/newer Yishi .*2099-01-01-999-future/);

    expect(() => restoreDatabase(join(directory, 'absent.sqlite'), DATABASE_PATH)).toThrow(/does not exist/);
    expect(readdirSync(directory).some((name) => name.includes('before-restore'))).toBe(false);
    expect(existsSync(DATABASE_PATH)).toBe(true);
  });
});
