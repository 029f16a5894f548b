// Secretary, scrutineer and other officer accounts: creation, sign-in sessions, the first account.
import { hashSecret, randomId, randomToken } from '../access/codes.js';
import type { AccountActor, AccountRole } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type AppContext, type CoreContext, nowIso } from '../context.js';
import type { Database } from '../db/database.js';
import { fail } from '../errors.js';
import { getDepartment } from '../departments/service.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './passwords.js';
import * as repository from './repository.js';

export interface NewAccount {
  username: string;
  displayName?: string | undefined;
  password: string;
  role: AccountRole;
  /** Handlers (承办人) only: the department whose motions they see and answer. */
  departmentId?: string | null | undefined;
}

function toActor(row: { id: string; username: string; display_name: string; role: AccountRole }): AccountActor {
  return { kind: 'account', id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

/** What making an account needs, and all a one-off command (npm run admin) has to build. */
export type AccountCreationContext = Pick<AppContext, 'db' | 'clock' | 'random'>;

/** What the accounts routes use: the core, and the attempt limiter that sign-in counts against. */
export type AccountDeps = CoreContext & Pick<AppContext, 'codeAttempts'>;

export async function createAccount(context: AccountCreationContext, creator: AccountActor | null, account: NewAccount): Promise<AccountActor> {
  if (await repository.findAccountByUsername(context.db, account.username)) fail('USERNAME_TAKEN');
  if ((account.role === 'handler') !== Boolean(account.departmentId)) fail('DEPARTMENT_REQUIRED');
  if (account.departmentId) await getDepartment(context, account.departmentId);
  const row = {
    id: randomId(context.random),
    username: account.username,
    display_name: account.displayName ?? account.username,
    password_hash: await hashPassword(account.password),
    role: account.role,
    disabled: 0,
    created_at: nowIso(context),
    department_id: account.departmentId ?? null,
  };
  await repository.insertAccount(context.db, row);
  await recordAudit(context, creator, 'account.created', { detail: { username: row.username, role: row.role, ...(row.department_id ? { departmentId: row.department_id } : {}) } });
  return toActor(row);
}

/** ADMIN_USER/ADMIN_PASSWORD make the first secretary on a fresh database, and nothing after. */
export async function ensureInitialSecretary(context: AccountCreationContext & Pick<AppContext, 'config' | 'logger'>): Promise<void> {
  const { ADMIN_USER, ADMIN_PASSWORD } = context.config;
  if (!ADMIN_USER || !ADMIN_PASSWORD) return;
  if ((await repository.countAccounts(context.db)) > 0) return;
  await createAccount(context, null, { username: ADMIN_USER, password: ADMIN_PASSWORD, role: 'secretary' });
  context.logger.info({ username: ADMIN_USER }, 'created the first secretary account');
}

/**
 * Checks a password. Every attempt counts, before the slow hash, against the address and against the
 * account (usernames match without regard to case, as the table does), so neither a burst from one
 * address nor guesses spread over many addresses get past the limit; only a right password is taken back.
 */
export async function signIn(context: AccountDeps, address: string, username: string, password: string): Promise<{ token: string; account: AccountActor }> {
  const attempt = [`password:${address}`, `account:${username.toLowerCase()}`];
  context.codeAttempts.reserve(attempt);
  const row = await repository.findAccountByUsername(context.db, username);
  const valid = await verifyPassword(password, row?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!row || !valid || row.disabled) fail('BAD_CREDENTIALS');
  context.codeAttempts.forgive(attempt);
  const token = randomToken(context.random);
  const expires = new Date(context.clock().getTime() + context.config.SESSION_HOURS * 3_600_000);
  await repository.insertSession(context.db, {
    token_hash: hashSecret(context.secretKey, token),
    account_id: row.id,
    member_id: null,
    code_hash: null,
    expires_at: expires.toISOString(),
  });
  return { token, account: toActor(row) };
}

/** Ends a sign-in session, an officer's or a representative's: the token stops working at once, and so do sockets opened with it. */
export async function signOut(context: CoreContext, token: string): Promise<void> {
  const sessionHash = hashSecret(context.secretKey, token);
  await repository.deleteSession(context.db, sessionHash);
  context.events.publish({ type: 'session.ended', sessionHash });
}

export interface AccountSession {
  account: AccountActor;
  /** The stored hash of the session token: names the session without holding the token. */
  sessionHash: string;
  expiresAt: string;
}

/** A live officer session: unexpired, and its account not disabled. */
export async function accountSessionForToken(context: CoreContext, token: string): Promise<AccountSession | null> {
  return accountSessionForHash(context, hashSecret(context.secretKey, token));
}

/** The same, by the session's stored hash (what an open socket remembers instead of the token). */
export async function accountSessionForHash(context: CoreContext & SessionReader, sessionHash: string): Promise<AccountSession | null> {
  const session = await findSession(context, sessionHash);
  if (!session?.account_id || session.expires_at < nowIso(context)) return null;
  const row = await repository.findAccountById(context.db, session.account_id);
  return row && !row.disabled ? { account: toActor(row), sessionHash, expiresAt: session.expires_at } : null;
}

export async function accountForToken(context: CoreContext, token: string): Promise<AccountActor | null> {
  return (await accountSessionForToken(context, token))?.account ?? null;
}

export async function listAccounts(context: Pick<AppContext, 'db'>) {
  const rows = await repository.listAccounts(context.db);
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    departmentId: row.department_id,
  }));
}

export async function setAccountDisabled(context: CoreContext, actor: AccountActor, accountId: string, disabled: boolean): Promise<void> {
  // Nobody locks themselves out: the last way in would be the command line.
  if (disabled && accountId === actor.id) fail('FORBIDDEN', { reason: 'cannot disable your own account' });
  const result = await repository.updateAccount(context.db, accountId, { disabled: disabled ? 1 : 0 });
  if (!result.numUpdatedRows) fail('NOT_FOUND');
  if (disabled) await repository.deleteSessionsOfAccount(context.db, accountId);
  await recordAudit(context, actor, disabled ? 'account.disabled' : 'account.enabled', { detail: { accountId } });
  if (disabled) context.events.publish({ type: 'account.disabled', accountId });
}

/** The department a handler account belongs to (null for other accounts): what handlers may see follows from it. */
export async function departmentOfAccount(context: Pick<AppContext, 'db'>, accountId: string): Promise<string | null> {
  return (await repository.findAccountById(context.db, accountId))?.department_id ?? null;
}

// Sign-in sessions are one table for officers and representatives; the access domain opens and
// reads representatives' sessions through these.
export function insertSession(context: Pick<AppContext, 'db'>, session: Database['auth_session']): Promise<void> {
  return repository.insertSession(context.db, session);
}

/** The app's context keeps sessions in memory (session-rows.ts); a script's reads the database each time. */
export type SessionReader = Pick<AppContext, 'db'> & Partial<Pick<AppContext, 'sessionRows'>>;

export function findSession(context: SessionReader, tokenHash: string) {
  return context.sessionRows ? context.sessionRows.find(context.db, tokenHash) : repository.findSession(context.db, tokenHash);
}
