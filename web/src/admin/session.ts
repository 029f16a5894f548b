// The signed-in account. The secretary changes things; a scrutineer (监票人) reads and may close
// ballots; the motions committee (提案委员会) reviews motions; a handler (承办人) answers those
// assigned to their department.
import type { MessageKey } from '../i18n/i18n.js';
import type { Account, AccountRole } from './types.js';

let signedIn: Account | null = null;

export function setAccount(account: Account | null): void {
  signedIn = account;
}

export function currentAccount(): Account | null {
  return signedIn;
}

export function isSecretary(): boolean {
  return signedIn?.role === 'secretary';
}

/** Officers run meetings and ballots. */
export function isOfficer(account: Account | null): boolean {
  return account?.role === 'secretary' || account?.role === 'scrutineer';
}

/** Every account that may sign in to the console. */
export function isConsoleAccount(account: Account | null): boolean {
  return account !== null && ['secretary', 'scrutineer', 'committee', 'handler'].includes(account.role);
}

export function canTrackMotions(): boolean {
  return signedIn?.role === 'secretary' || signedIn?.role === 'committee' || signedIn?.role === 'handler';
}

/** Handlers draft and answer their department's documents (二上二下); the committee reads them all. */
export function canDraftDocuments(): boolean {
  return signedIn?.role === 'handler' || signedIn?.role === 'committee';
}

const ROLE_KEYS: Record<AccountRole, MessageKey> = {
  secretary: 'adminRoleSecretary',
  scrutineer: 'adminRoleScrutineer',
  committee: 'adminRoleCommittee',
  handler: 'adminRoleHandler',
};

export function roleKey(role: AccountRole): MessageKey {
  return ROLE_KEYS[role];
}
