// The audit chain's hash (src/audit/chain.ts) and its copy in migration 017 agree; the migration
// chains rows already written; the pure walk (src/audit/verify.ts) finds an edit, a deletion and a
// reordering at the right row; the count's set digests do not depend on order.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { chainHash } from '../../db/migrations/2026-12-05-017-audit-chain.js';
import { migrations } from '../../db/migrations/index.js';
import { auditRowHash, type ChainedFields, registerAuditChain } from '../../src/audit/chain.js';
import { verifyChain } from '../../src/audit/verify.js';
import { digestOfSet } from '../../src/ballots/seal.js';
import type { Database } from '../../src/db/database.js';

const samples: ChainedFields[] = [
  { prevHash: null, id: 1, at: '2026-12-05T01:00:00.000Z', actorAccountId: null, actorName: 'system', action: 'account.created', meetingId: null, ballotId: null, detail: '{}' },
  {
    prevHash: 'a'.repeat(64),
    id: 2,
    at: '2026-12-05T01:00:01.000Z',
    actorAccountId: 'acc1',
    actorName: '秘书处',
    action: 'ballot.closed',
    meetingId: 'm1',
    ballotId: 'b1',
    detail: '{"cast":3,"title":"关于\\"集体合同\\"的决议 😀"}',
  },
  { prevHash: 'b'.repeat(64), id: 90071992547409, at: '', actorAccountId: '', actorName: '', action: '', meetingId: '', ballotId: '', detail: '' },
];

const rowOf = (fields: ChainedFields) => ({
  id: fields.id,
  at: fields.at,
  actor_account_id: fields.actorAccountId,
  actor_name: fields.actorName,
  action: fields.action,
  meeting_id: fields.meetingId,
  ballot_id: fields.ballotId,
  detail: fields.detail,
  prev_hash: fields.prevHash,
});

/** A well-formed chain of n rows. */
function chain(n: number) {
  const rows = [];
  let previous: string | null = null;
  for (let id = 1; id <= n; id++) {
    const fields: ChainedFields = {
      prevHash: previous,
      id,
      at: `2026-12-05T01:00:0${id % 10}.000Z`,
      actorAccountId: null,
      actorName: 'secretary',
      action: `step.${id}`,
      meetingId: 'm1',
      ballotId: null,
      detail: `{"n":${id}}`,
    };
    const hash = auditRowHash(fields);
    rows.push({ ...rowOf(fields), hash });
    previous = hash;
  }
  return rows;
}

async function* pagesOf<T>(rows: T[], size = 2) {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

describe('the audit hash', () => {
  it('is computed the same by src/ and by migration 017', () => {
    for (const fields of samples) {
      expect(chainHash(fields.prevHash, fields.id, fields.at, fields.actorAccountId, fields.actorName, fields.action, fields.meetingId, fields.ballotId, fields.detail)).toBe(auditRowHash(fields));
    }
    expect(auditRowHash(samples[0]!)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with every field, the id included', () => {
    const base = samples[1]!;
    const hashes = new Set([auditRowHash(base)]);
    for (const [key, value] of Object.entries({ prevHash: null, id: 3, at: 'x', actorAccountId: null, actorName: 'x', action: 'x', meetingId: null, ballotId: null, detail: '{}' })) {
      hashes.add(auditRowHash({ ...base, [key]: value }));
    }
    expect(hashes.size).toBe(10);
  });

  it('is what SQLite computes through the registered function', () => {
    const sqlite = new BetterSqlite3(':memory:');
    registerAuditChain(sqlite);
    const fields = samples[1]!;
    const stored = sqlite
      .prepare('SELECT audit_row_hash(?, ?, ?, ?, ?, ?, ?, ?, ?) AS hash')
      .get(fields.prevHash, fields.id, fields.at, fields.actorAccountId, fields.actorName, fields.action, fields.meetingId, fields.ballotId, fields.detail) as { hash: string };
    expect(stored.hash).toBe(auditRowHash(fields));
    sqlite.close();
  });
});

describe('migration 017', () => {
  it('chains the rows already written, in id order, and drops the columns on the way down', async () => {
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.pragma('foreign_keys = OFF');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    try {
      expect((await migrator.migrateTo('2026-12-05-016-session-aftermath')).error).toBeUndefined();
      const insert = sqlite.prepare('INSERT INTO audit_log (at, actor_account_id, actor_name, action, meeting_id, ballot_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (let index = 0; index < 2500; index++)
        insert.run(`2026-12-05T01:00:00.${String(index % 1000).padStart(3, '0')}Z`, null, '秘书处', `step.${index}`, index % 2 ? 'm1' : null, null, `{"n":${index}}`);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as ReturnType<typeof chain>;
      expect(rows[0]!.prev_hash).toBeNull();
      expect(await verifyChain(pagesOf(rows, 1000))).toEqual({ ok: true, rows: 2500 });
      expect((await migrator.migrateTo('2026-12-05-016-session-aftermath')).error).toBeUndefined();
      expect(Object.keys(sqlite.prepare('SELECT * FROM audit_log LIMIT 1').get() as object)).not.toContain('hash');
      expect(Object.keys(sqlite.prepare('SELECT * FROM ballot LIMIT 1').get() ?? {})).not.toContain('final_hash');
    } finally {
      await db.destroy();
    }
  });
});

describe('walking the chain', () => {
  it('holds for an untouched chain, across pages', async () => {
    expect(await verifyChain(pagesOf(chain(7), 3))).toEqual({ ok: true, rows: 7 });
    expect(await verifyChain(pagesOf([]))).toEqual({ ok: true, rows: 0 });
  });

  it('finds an edited row', async () => {
    const rows = chain(6);
    rows[3] = { ...rows[3]!, detail: '{"n":400}' };
    expect(await verifyChain(pagesOf(rows))).toMatchObject({ ok: false, rows: 6, firstBrokenId: 4, reason: expect.stringContaining('changed') });
  });

  it('finds a deleted row, the first one included', async () => {
    const rows = chain(6);
    expect(await verifyChain(pagesOf(rows.filter((row) => row.id !== 3)))).toMatchObject({ ok: false, firstBrokenId: 4 });
    expect(await verifyChain(pagesOf(rows.slice(1)))).toMatchObject({ ok: false, firstBrokenId: 2 });
  });

  it('finds two rows swapped', async () => {
    const rows = chain(6);
    const swapped = rows.map((row) => (row.id === 3 ? { ...rows[3]!, id: 3 } : row.id === 4 ? { ...rows[2]!, id: 4 } : row));
    expect(await verifyChain(pagesOf(swapped))).toMatchObject({ ok: false, firstBrokenId: 3 });
  });

  it('finds a row whose hash is missing', async () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, hash: null as unknown as string };
    expect(await verifyChain(pagesOf(rows))).toMatchObject({ ok: false, firstBrokenId: 2 });
  });
});

describe('the digest of a set of lines', () => {
  it('does not depend on the order the lines are stored in, and sorts by UTF-8 bytes', () => {
    const lines = ['["yes"]', '["no"]', '["abstain"]', '["王五"]', '["😀"]', '["\uffff"]'];
    expect(digestOfSet(lines)).toBe(digestOfSet([...lines].reverse()));
    expect(digestOfSet(lines)).not.toBe(digestOfSet(lines.slice(1)));
    // What `printf 'b\na\n' | LC_ALL=C sort | sha256sum` prints: a scrutineer can redo it by hand.
    expect(digestOfSet(['b', 'a'])).toBe('911169ddaaf146aff539f58c26c489af3b892dff0fe283c1c264c65ae5aa59a2');
  });
});
