// Signing in with a personal access code: from the QR card's link (/v/<code>) or typed on /join.
// The code leaves the address bar at once; the server keeps the session in an httpOnly cookie.
import { api, ApiError } from '../shared/api.js';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 12;

/** What people type: lower case, spaces, dashes. Null when it cannot be a code (same rule as the server). */
export function normalizeCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s\-_.]/g, '');
  if (cleaned.length !== CODE_LENGTH) return null;
  for (const character of cleaned) if (!ALPHABET.includes(character)) return null;
  return cleaned;
}

/** XXXX-XXXX-XXXX, as printed on the card; anything else is returned as typed. */
export function formatCode(input: string): string {
  const code = normalizeCode(input);
  return code ? code.match(/.{4}/g)!.join('-') : input;
}

/** The code in a /v/<code> link, if this is one. */
export function codeFromPath(pathname: string): string | null {
  const match = /^\/v\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}

export async function joinWithCode(code: string): Promise<void> {
  await api.post('/api/join', { code });
}

/** Whether this browser already holds a valid representative session. */
export async function hasSession(): Promise<boolean> {
  try {
    await api.get('/api/me');
    return true;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return false;
    throw error;
  }
}
