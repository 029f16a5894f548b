// Migration 006 on a database made before it (at migration 005): every ballot's items get ids and rows
// in ballot_item, each document's vote link by index and title becomes a link by item id, and results
// stay as they were: the server started on the migrated file settles a document on its published
// ballot, and a document on a draft follows its item when the sheet is edited.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { call, createApp, signIn } from '../support/congress.js';

let app: FastifyInstance | undefined;
let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'yishi-ballot-items-'));
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  rmSync(directory, { recursive: true, force: true });
});

const AT = '2026-12-02T09:00:00.000Z';
const PAY = '关于《工资分配方案》的表决';
const RULES = '关于《考勤管理办法》的表决';

function approvalResult(yes: number, no: number, passed: boolean) {
  return {
    kind: 'approval',
    counts: { yes, no, abstain: 9 - yes - no },
    base: 9,
    baseLabel: 'eligible',
    required: 5,
    passed,
    explanation: { zh: `赞成 ${yes} 票`, en: `${yes} yes` },
  };
}

const PUBLISHED_RESULT = { manual: false, eligible: 9, present: 9, cast: 9, items: [approvalResult(3, 6, false), approvalResult(7, 2, true)] };

/** A file at migration 005: a published ballot whose second item carries a document not yet settled, and a draft whose link's index went stale. */
async function databaseAt005(path: string): Promise<void> {
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo('2026-12-03-005-receipts-apart');
  if (error) throw error;
  const ballot = sqlite.prepare(
    `INSERT INTO ballot (id, meeting_id, title, secrecy, method, state, items, eligible, present, ballots_cast, result, created_at, opened_at, closed_at, published_at)
     VALUES (?, 'meeting-1', ?, 'secret', 'electronic', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const document = sqlite.prepare(
    `INSERT INTO document (id, meeting_id, term_id, title, kind, drafting_department_name, rounds_planned, state, created_at, updated_at)
     VALUES (?, 'meeting-1', 'term-1', ?, 'rules', '人力资源部', 1, 'voting', ?, ?)`,
  );
  const version = sqlite.prepare(
    `INSERT INTO document_version (id, document_id, number, source, text, blocks, author_name, created_at, updated_at, issued_at, issued_for)
     VALUES (?, ?, 1, 'markdown', '第一条', '[]', '起草人', ?, ?, ?, 'vote')`,
  );
  const link = sqlite.prepare(
    `INSERT INTO document_ballot_item (document_id, ballot_id, item_index, item_title, version_id, created_at, outcome, settled_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)`,
  );
  sqlite.prepare(`INSERT INTO term (id, number, title, created_at) VALUES ('term-1', 3, '第三届', ?)`).run(AT);
  sqlite
    .prepare(
      `INSERT INTO meeting (id, term_id, title, kind, session_number, state, quorum_numerator, quorum_denominator, created_at, opened_at)
       VALUES ('meeting-1', 'term-1', '第三届第二次职工代表大会', 'congress', 2, 'in_session', 2, 3, ?, ?)`,
    )
    .run(AT, AT);
  const twoItems = (second: string) =>
    JSON.stringify([
      { kind: 'approval', title: '关于《食堂管理办法》的表决', passingRule: 'all_majority', majorityWording: 'majorityStrict' },
      { kind: 'approval', title: second, passingRule: 'all_majority', majorityWording: 'majorityStrict' },
    ]);
  ballot.run('ballot-published', '表决票', 'published', twoItems(PAY), 9, 9, 9, JSON.stringify(PUBLISHED_RESULT), AT, AT, AT, AT);
  ballot.run('ballot-draft', '第二张表决票', 'draft', twoItems(RULES), null, null, null, null, AT, null, null, null);
  for (const [documentId, title] of [
    ['document-pay', '工资分配方案'],
    ['document-rules', '考勤管理办法'],
  ] as const) {
    document.run(documentId, title, AT, AT);
    version.run(`${documentId}-v1`, documentId, AT, AT, AT);
  }
  link.run('document-pay', 'ballot-published', 1, PAY, 'document-pay-v1', AT);
  // Stale index: the old code found this item by its title, and so does the migration.
  link.run('document-rules', 'ballot-draft', 0, RULES, 'document-rules-v1', AT);
  await db.destroy();
}

describe('migration 006: ballot items with ids', () => {
  it('keeps every result and every document link, now by item id', async () => {
    const DATABASE_PATH = join(directory, 'yishi.sqlite');
    await databaseAt005(DATABASE_PATH);
    app = await createApp({ DATABASE_PATH });
    const secretary = { cookie: await signIn(app) };

    const published = (await call(app, { method: 'GET', url: '/api/ballots/ballot-published', headers: secretary })).ballot;
    expect(published.result).toEqual(PUBLISHED_RESULT);
    expect(published.items.map((item: any) => item.title)).toEqual(['关于《食堂管理办法》的表决', PAY]);
    expect(new Set(published.items.map((item: any) => item.id)).size).toBe(2);

    // Started on the migrated file, the server settles the document by its item's result (7 of 9 yes).
    const pay = (await call(app, { method: 'GET', url: '/api/documents/document-pay', headers: secretary })).document;
    expect(pay).toMatchObject({ state: 'approved', outcome: 'approved', votes: [{ ballotId: 'ballot-published', itemId: published.items[1].id, itemIndex: 1, itemTitle: PAY, outcome: 'approved' }] });

    const draft = (await call(app, { method: 'GET', url: '/api/ballots/ballot-draft', headers: secretary })).ballot;
    let rules = (await call(app, { method: 'GET', url: '/api/documents/document-rules', headers: secretary })).document;
    expect(rules).toMatchObject({ state: 'voting', votes: [{ itemId: draft.items[1].id, itemIndex: 1, itemTitle: RULES, outcome: null }] });

    // The link is by id now: the sheet reordered, the document's item is followed to its new place.
    await call(app, { method: 'PATCH', url: '/api/ballots/ballot-draft', headers: secretary, payload: { items: [draft.items[1], draft.items[0]] } });
    rules = (await call(app, { method: 'GET', url: '/api/documents/document-rules', headers: secretary })).document;
    expect(rules).toMatchObject({ state: 'voting', votes: [{ itemId: draft.items[1].id, itemIndex: 0, itemTitle: RULES }] });
  });
});
