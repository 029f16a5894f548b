// Migration 007 moves motion_transition and document_transition into state_transition: each
// motion's and document's history reads as it did, in the same order, and going down restores both.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import type { Database } from '../../src/db/database.js';
import { listTransitions } from '../../src/state-history.js';

const BEFORE = '2026-12-03-005-receipts-apart';

describe('moving the two histories into one', () => {
  it('keeps every row, its order and its fields, and gives them back on the way down', async () => {
    // Foreign keys off: the rows stand alone, without the motions and documents they would name.
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.pragma('foreign_keys = OFF');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    try {
      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
      sqlite.prepare("INSERT INTO member (id, term_id, name, staff_number, delegation_id, role, tags) VALUES ('zhang', 't', '张三', '001', NULL, 'representative', '[]')").run();
      const motionRow = sqlite.prepare(
        'INSERT INTO motion_transition (motion_id, at, event, from_state, to_state, actor_kind, actor_id, actor_name, on_behalf_of_member_id, note, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      motionRow.run('m1', '2026-12-01T08:00:00.000Z', 'create', 'draft', 'draft', 'account', 'sec', '秘书处', 'zhang', null, '{"onPaper":true}');
      motionRow.run('m2', '2026-12-01T08:01:00.000Z', 'create', 'draft', 'draft', 'member', 'li', '李四', null, null, '{}');
      motionRow.run('m1', '2026-12-01T08:02:00.000Z', 'submit', 'draft', 'seconding', 'account', 'sec', '秘书处', 'zhang', null, '{}');
      motionRow.run('m1', '2026-12-01T08:03:00.000Z', 'secondersReached', 'seconding', 'review', 'system', null, '系统', null, null, '{"seconders":2}');
      const documentRow = sqlite.prepare(
        'INSERT INTO document_transition (document_id, round_number, at, event, from_state, to_state, actor_kind, actor_id, actor_name, note, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      documentRow.run('d1', null, '2026-12-01T09:00:00.000Z', 'create', 'drafting', 'drafting', 'account', 'sec', '秘书处', null, '{}');
      documentRow.run('d1', 1, '2026-12-01T09:05:00.000Z', 'issue', 'drafting', 'collecting', 'account', 'sec', '秘书处', '请各代表团于周五前反馈', '{"version":1}');

      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const m1 = await listTransitions(db, 'motion', 'm1');
      expect(m1.map((row) => [row.event, row.from_state, row.to_state, row.actor_kind, row.actor_id, row.actor_name, row.on_behalf_of_member_id, row.on_behalf_of_name, row.detail])).toEqual([
        ['create', 'draft', 'draft', 'account', 'sec', '秘书处', 'zhang', '张三', '{"onPaper":true}'],
        ['submit', 'draft', 'seconding', 'account', 'sec', '秘书处', 'zhang', '张三', '{}'],
        ['secondersReached', 'seconding', 'review', 'system', null, '系统', null, null, '{"seconders":2}'],
      ]);
      expect((await listTransitions(db, 'motion', 'm2')).map((row) => row.actor_name)).toEqual(['李四']);
      const d1 = await listTransitions(db, 'document', 'd1');
      expect(d1.map((row) => [row.event, row.round_number, row.at, row.note])).toEqual([
        ['create', null, '2026-12-01T09:00:00.000Z', null],
        ['issue', 1, '2026-12-01T09:05:00.000Z', '请各代表团于周五前反馈'],
      ]);
      expect(await listTransitions(db, 'document', 'm1')).toEqual([]);

      expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
      expect(sqlite.prepare('SELECT motion_id, event FROM motion_transition ORDER BY id').all()).toEqual([
        { motion_id: 'm1', event: 'create' },
        { motion_id: 'm2', event: 'create' },
        { motion_id: 'm1', event: 'submit' },
        { motion_id: 'm1', event: 'secondersReached' },
      ]);
      expect(sqlite.prepare('SELECT document_id, round_number, event FROM document_transition ORDER BY id').all()).toEqual([
        { document_id: 'd1', round_number: null, event: 'create' },
        { document_id: 'd1', round_number: 1, event: 'issue' },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
