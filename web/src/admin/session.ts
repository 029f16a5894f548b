// The signed-in officer. Only the secretary changes things; a scrutineer (监票人) reads and may close ballots.
import type { Account } from './types.js';

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

export function isOfficer(account: Account | null): boolean {
  return account?.role === 'secretary' || account?.role === 'scrutineer';
}
