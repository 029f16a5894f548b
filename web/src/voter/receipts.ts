// The device's receipts: a random secret made here for each vote, kept in localStorage beside the
// ballot id (never the choices) so that a page reloaded after a lost acknowledgement can ask.
const STORAGE_KEY = 'yishi.receipts';
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const KEEP = 100;

export interface StoredReceipt {
  memberId: string;
  ballotId: string;
  receipt: string;
  /** True once the server acknowledged the vote or confirmed the receipt is in the box. */
  confirmed: boolean;
}

/** 128 random bits from the device as 26 base-32 characters (no 0/O/1/I, like the codes). */
export function newReceipt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let bits = 0;
  let value = 0;
  let receipt = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      receipt += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) receipt += ALPHABET[(value << (5 - bits)) & 31];
  return receipt;
}

/** ABCD EFGH … for reading aloud or comparing with the published list. */
export function groupReceipt(receipt: string): string {
  return receipt.match(/.{1,4}/g)?.join(' ') ?? receipt;
}

function readAll(): StoredReceipt[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as StoredReceipt[]) : [];
  } catch {
    return [];
  }
}

function writeAll(entries: StoredReceipt[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(entries.slice(-KEEP)));
  } catch {
    // private mode or full: the receipt still shows on screen, it just will not survive a reload
  }
}

export function findReceipt(memberId: string, ballotId: string): StoredReceipt | undefined {
  return readAll().find((entry) => entry.memberId === memberId && entry.ballotId === ballotId);
}

export function saveReceipt(entry: StoredReceipt): void {
  writeAll([...readAll().filter((other) => !(other.memberId === entry.memberId && other.ballotId === entry.ballotId)), entry]);
}

export function forgetReceipt(memberId: string, ballotId: string): void {
  writeAll(readAll().filter((entry) => !(entry.memberId === memberId && entry.ballotId === ballotId)));
}
