// One history of state transitions for motions and documents (issue 11): motion_transition and
// document_transition become state_transition, keyed by (entity, entity_id). Rows are moved in their
// old order, so each entity's history reads as before. Deleting a motion or document still takes its
// history with it (triggers, as the old foreign keys' ON DELETE CASCADE did).
import { type Kysely, sql } from 'kysely';

const upStatements = [
  `CREATE TABLE state_transition (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL CHECK (entity IN ('motion', 'document')),
    entity_id TEXT NOT NULL,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('account', 'member', 'system')),
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    on_behalf_of_member_id TEXT REFERENCES member(id) ON DELETE SET NULL,
    round_number INTEGER,
    note TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
  )`,
  `INSERT INTO state_transition (entity, entity_id, at, event, from_state, to_state, actor_kind, actor_id, actor_name, on_behalf_of_member_id, round_number, note, detail)
    SELECT 'motion', motion_id, at, event, from_state, to_state, actor_kind, actor_id, actor_name, on_behalf_of_member_id, NULL, note, detail FROM motion_transition ORDER BY id`,
  `INSERT INTO state_transition (entity, entity_id, at, event, from_state, to_state, actor_kind, actor_id, actor_name, on_behalf_of_member_id, round_number, note, detail)
    SELECT 'document', document_id, at, event, from_state, to_state, actor_kind, actor_id, actor_name, NULL, round_number, note, detail FROM document_transition ORDER BY id`,
  'CREATE INDEX state_transition_entity ON state_transition(entity, entity_id, id)',
  `CREATE TRIGGER motion_history_deleted AFTER DELETE ON motion BEGIN
    DELETE FROM state_transition WHERE entity = 'motion' AND entity_id = OLD.id;
  END`,
  `CREATE TRIGGER document_history_deleted AFTER DELETE ON document BEGIN
    DELETE FROM state_transition WHERE entity = 'document' AND entity_id = OLD.id;
  END`,
  'DROP TABLE motion_transition',
  'DROP TABLE document_transition',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE motion_transition (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      motion_id TEXT NOT NULL REFERENCES motion(id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      event TEXT NOT NULL,
      from_state TEXT NOT NULL,
      to_state TEXT NOT NULL,
      actor_kind TEXT NOT NULL CHECK (actor_kind IN ('account', 'member', 'system')),
      actor_id TEXT,
      actor_name TEXT NOT NULL,
      on_behalf_of_member_id TEXT REFERENCES member(id) ON DELETE SET NULL,
      note TEXT,
      detail TEXT NOT NULL DEFAULT '{}'
    )`,
    'CREATE INDEX motion_transition_motion ON motion_transition(motion_id, id)',
    `CREATE TABLE document_transition (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
      round_number INTEGER,
      at TEXT NOT NULL,
      event TEXT NOT NULL,
      from_state TEXT NOT NULL,
      to_state TEXT NOT NULL,
      actor_kind TEXT NOT NULL CHECK (actor_kind IN ('account', 'member', 'system')),
      actor_id TEXT,
      actor_name TEXT NOT NULL,
      note TEXT,
      detail TEXT NOT NULL DEFAULT '{}'
    )`,
    'CREATE INDEX document_transition_document ON document_transition(document_id, id)',
    `INSERT INTO motion_transition (motion_id, at, event, from_state, to_state, actor_kind, actor_id, actor_name, on_behalf_of_member_id, note, detail)
      SELECT entity_id, at, event, from_state, to_state, actor_kind, actor_id, actor_name, on_behalf_of_member_id, note, detail FROM state_transition WHERE entity = 'motion' ORDER BY id`,
    `INSERT INTO document_transition (document_id, round_number, at, event, from_state, to_state, actor_kind, actor_id, actor_name, note, detail)
      SELECT entity_id, round_number, at, event, from_state, to_state, actor_kind, actor_id, actor_name, note, detail FROM state_transition WHERE entity = 'document' ORDER BY id`,
    'DROP TRIGGER motion_history_deleted',
    'DROP TRIGGER document_history_deleted',
    'DROP TABLE state_transition',
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
