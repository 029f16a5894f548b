// A teller is never a candidate in an election they count (SESSION-RULES.md, "Elections"). The ballot
// service asks this when a draft's items change and when the ballot opens; the tellers service asks
// it when tellers are named. It imports nothing of the ballots domain (only this domain's
// repository), so the ballots service can call it without an import cycle.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { fail } from '../errors.js';
import { tellerNames } from './repository.js';

interface ItemLike {
  kind: string;
  title: string;
  candidates?: readonly { id?: string | undefined; name: string }[];
}

/** Which tellers stand as candidates: by id (a member's id used as the candidate id) or by the same name. */
export function tellersStanding(items: readonly ItemLike[], tellers: readonly { memberId: string; name: string }[]) {
  const clashes: { memberId: string; name: string; item: string }[] = [];
  for (const item of items) {
    if (item.kind !== 'election' || !item.candidates) continue;
    for (const teller of tellers) {
      if (item.candidates.some((candidate) => candidate.id === teller.memberId || candidate.name.trim() === teller.name.trim())) clashes.push({ ...teller, item: item.title });
    }
  }
  return clashes;
}

/** Refuses (TELLER_IS_CANDIDATE) when one of the ballot's tellers stands in one of these items. */
export async function assertTellersNotCandidates(db: Kysely<Database>, ballotId: string, items: readonly ItemLike[]): Promise<void> {
  if (!items.some((item) => item.kind === 'election')) return;
  const tellers = await tellerNames(db, ballotId);
  const clashes = tellersStanding(items, tellers);
  if (clashes.length > 0) fail('TELLER_IS_CANDIDATE', { tellers: clashes });
}
