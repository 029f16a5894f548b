// What people have stored, summed from the rows themselves (no counters that could drift): motions
// with their history and attachments and opinions on documents per member, documents' versions
// and uploaded Word files per drafting department.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';

type Executor = Kysely<Database>;

/** What one history or opinion row costs beyond its text: ids, times, the index entries. */
export const ROW_OVERHEAD_BYTES = 128;

/** Which people a sum covers: one member, one delegation's members, or everyone. */
export type MemberScope = { memberId: string } | { delegationId: string } | 'all';

export interface MemberUsageRow {
  memberId: string;
  drafts: number;
  motions: number;
  motionBytes: number;
  attachments: number;
  attachmentBytes: number;
  opinions: number;
  opinionBytes: number;
}

/** Bytes of a stored text; octet_length reads the record header only, not the text itself (SQLite 3.43+). */
const bytes = (column: string) => sql.raw(`coalesce(octet_length(${column}), 0)`);

function memberFilter(scope: MemberScope, column: string) {
  if (scope === 'all') return sql`1 = 1`;
  if ('memberId' in scope) return sql`${sql.ref(column)} = ${scope.memberId}`;
  return sql`${sql.ref(column)} IN (SELECT id FROM member WHERE delegation_id = ${scope.delegationId})`;
}

interface Figures {
  member_id: string;
  count_a: number;
  count_b: number;
  bytes_a: number;
  bytes_b: number;
}

/** Per member: drafts and motions, motion text plus its history, attachments, opinions. */
export async function memberUsage(db: Executor, scope: MemberScope): Promise<Map<string, MemberUsageRow>> {
  const [motions, attachments, opinions] = await Promise.all([
    sql<Figures>`
      SELECT m.proposer_member_id AS member_id,
             sum(m.state = 'draft') AS count_a, count(*) AS count_b,
             sum(${bytes('m.subject')} + ${bytes('m.reasons')} + ${bytes('m.measures')}) AS bytes_a,
             coalesce((SELECT sum(${bytes('t.detail')} + ${bytes('t.note')} + ${ROW_OVERHEAD_BYTES})
                       FROM state_transition t JOIN motion o ON t.entity = 'motion' AND o.id = t.entity_id
                       WHERE o.proposer_member_id = m.proposer_member_id), 0) AS bytes_b
      FROM motion m WHERE ${memberFilter(scope, 'm.proposer_member_id')}
      GROUP BY m.proposer_member_id`.execute(db),
    sql<Figures>`
      SELECT m.proposer_member_id AS member_id, count(*) AS count_a, 0 AS count_b, coalesce(sum(a.size), 0) AS bytes_a, 0 AS bytes_b
      FROM motion_attachment a JOIN motion m ON m.id = a.motion_id
      WHERE ${memberFilter(scope, 'm.proposer_member_id')}
      GROUP BY m.proposer_member_id`.execute(db),
    sql<Figures>`
      SELECT o.member_id AS member_id, count(*) AS count_a, 0 AS count_b,
             sum(${bytes('o.content')} + ${bytes('o.anchor')} + ${ROW_OVERHEAD_BYTES}) AS bytes_a, 0 AS bytes_b
      FROM document_opinion o WHERE ${memberFilter(scope, 'o.member_id')}
      GROUP BY o.member_id`.execute(db),
  ]);
  const usage = new Map<string, MemberUsageRow>();
  const of = (memberId: string) => {
    let row = usage.get(memberId);
    if (!row) {
      row = { memberId, drafts: 0, motions: 0, motionBytes: 0, attachments: 0, attachmentBytes: 0, opinions: 0, opinionBytes: 0 };
      usage.set(memberId, row);
    }
    return row;
  };
  for (const row of motions.rows) Object.assign(of(row.member_id), { drafts: Number(row.count_a), motions: Number(row.count_b), motionBytes: Number(row.bytes_a) + Number(row.bytes_b) });
  for (const row of attachments.rows) Object.assign(of(row.member_id), { attachments: Number(row.count_a), attachmentBytes: Number(row.bytes_a) });
  for (const row of opinions.rows) Object.assign(of(row.member_id), { opinions: Number(row.count_a), opinionBytes: Number(row.bytes_a) });
  return usage;
}

export interface DepartmentUsageRow {
  /** null: documents with no department in the departments table (the secretariat's own, or free text). */
  departmentId: string | null;
  versions: number;
  files: number;
  bytes: number;
}

/** Per drafting department: every version's text, blocks, frozen diff and report, and its Word file. */
export async function departmentUsage(db: Executor, scope: { departmentId: string } | 'all'): Promise<DepartmentUsageRow[]> {
  const filter = scope === 'all' ? sql`1 = 1` : sql`d.drafting_department_id = ${scope.departmentId}`;
  const result = await sql<{ department_id: string | null; versions: number; files: number; bytes: number }>`
    SELECT d.drafting_department_id AS department_id, count(*) AS versions, count(v.original_stored_name) AS files,
           sum(${bytes('v.text')} + ${bytes('v.blocks')} + ${bytes('v.diff')} + ${bytes('v.adoption_report')} + coalesce(v.original_size, 0) + ${ROW_OVERHEAD_BYTES}) AS bytes
    FROM document_version v JOIN document d ON d.id = v.document_id
    WHERE ${filter}
    GROUP BY d.drafting_department_id`.execute(db);
  return result.rows.map((row) => ({ departmentId: row.department_id, versions: Number(row.versions), files: Number(row.files), bytes: Number(row.bytes) }));
}

export interface Person {
  id: string;
  name: string;
  delegationId: string | null;
  delegationName: string | null;
}

export async function findPeople(db: Executor, memberIds: readonly string[]): Promise<Person[]> {
  if (memberIds.length === 0) return [];
  return db
    .selectFrom('member')
    .leftJoin('delegation', 'delegation.id', 'member.delegation_id')
    .select(['member.id as id', 'member.name as name', 'member.delegation_id as delegationId', 'delegation.name as delegationName'])
    .where('member.id', 'in', memberIds)
    .execute();
}

export async function delegationOf(db: Executor, memberId: string): Promise<string | null> {
  const row = await db.selectFrom('member').select('delegation_id').where('id', '=', memberId).executeTakeFirst();
  return row?.delegation_id ?? null;
}

export async function departmentNames(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('department').select(['id', 'name']).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function pendingScrubs(db: Executor): Promise<{ ballotId: string; title: string | null }[]> {
  return db.selectFrom('scrub_pending').leftJoin('ballot', 'ballot.id', 'scrub_pending.ballot_id').select(['scrub_pending.ballot_id as ballotId', 'ballot.title as title']).execute();
}
