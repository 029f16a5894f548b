// SQL for accounts and sign-in sessions.
import type { Kysely } from 'kysely';
import type { AccountTable, Database } from '../db/database.js';

export function findAccountByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findAccountById(db: Kysely<Database>, id: string) {
  return db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listAccounts(db: Kysely<Database>) {
  return db.selectFrom('account').select(['id', 'username', 'display_name', 'role', 'disabled', 'created_at', 'department_id']).orderBy('username').execute();
}

export async function countAccounts(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('account')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertAccount(db: Kysely<Database>, account: AccountTable): Promise<void> {
  await db.insertInto('account').values(account).execute();
}

export async function updateAccount(db: Kysely<Database>, id: string, changes: Partial<Pick<AccountTable, 'disabled' | 'password_hash' | 'display_name'>>) {
  return db.updateTable('account').set(changes).where('id', '=', id).executeTakeFirst();
}

/**
 * Sessions one person may hold: every phone, tablet and browser they use, many times over. Signing in
 * and joining with a code still write below the storage reserve (a representative must reach the
 * vote), so a person signing in again and again must not grow the table without end: their sessions
 * beyond the newest this many go.
 */
export const SESSIONS_PER_PERSON = 100;

export async function insertSession(db: Kysely<Database>, session: Database['auth_session']): Promise<void> {
  await db.insertInto('auth_session').values(session).execute();
  const column = session.member_id ? 'member_id' : 'account_id';
  const owner = session.member_id ?? session.account_id;
  if (!owner) return;
  // The session just made always stays (sessions made in the same millisecond tie on expires_at).
  const others = db
    .selectFrom('auth_session')
    .select('token_hash')
    .where(column, '=', owner)
    .where('token_hash', '!=', session.token_hash)
    .orderBy('expires_at', 'desc')
    .limit(SESSIONS_PER_PERSON - 1);
  await db.deleteFrom('auth_session').where(column, '=', owner).where('token_hash', '!=', session.token_hash).where('token_hash', 'not in', others).execute();
}

export function findSession(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom('auth_session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('auth_session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfAccount(db: Kysely<Database>, accountId: string): Promise<void> {
  await db.deleteFrom('auth_session').where('account_id', '=', accountId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('auth_session').where('expires_at', '<', now).execute();
}
