// Ballot items' stable ids: made when an item is first drafted, kept through edits of the draft, and
// written to the ballot_item table beside the sheet (links such as a document's vote point at them).
import type { Kysely } from 'kysely';
import type { BallotTable, Database } from '../db/database.js';
import type { BallotItem } from './schemas.js';

/** An item as stored and shown: with its id. */
export type StoredBallotItem = BallotItem & { id: string };

export function parseItems(ballot: Pick<BallotTable, 'items'>): StoredBallotItem[] {
  return JSON.parse(ballot.items) as StoredBallotItem[];
}

/** Every item with a new id: a new sheet (a re-vote's too) shares no item with any other. */
export function withNewIds(items: readonly BallotItem[], newId: () => string): StoredBallotItem[] {
  return items.map((item) => ({ ...item, id: newId() }));
}

/**
 * A draft's items after an edit. An item keeps an id of the sheet's when it is sent back with that id
 * and the same kind; an item sent without one (or with an id not on this sheet) takes the id of the
 * first item not yet claimed with the same kind and title, as a secretary retyping the sheet would
 * expect; anything else is a new item with a new id. An item of the sheet claimed by none is removed,
 * and a link to it with it (a document put to the vote on it is then withdrawn from this ballot).
 */
export function keepIds(previous: readonly StoredBallotItem[], next: readonly BallotItem[], newId: () => string): StoredBallotItem[] {
  const unclaimed = new Map(previous.map((item) => [item.id, item]));
  const take = (item: StoredBallotItem | undefined): string | undefined => {
    if (item) unclaimed.delete(item.id);
    return item?.id;
  };
  // Ids sent back are claimed first, so an item matched by title never takes an id another item names.
  const sentBack = next.map((item) => {
    const old = item.id === undefined ? undefined : unclaimed.get(item.id);
    return take(old?.kind === item.kind ? old : undefined);
  });
  return next.map((item, index) => {
    const id = sentBack[index] ?? take([...unclaimed.values()].find((old) => old.kind === item.kind && old.title === item.title));
    return { ...item, id: id ?? newId() };
  });
}

/** Writes the sheet's rows to match its items: removed items deleted, the others placed. Call in the transaction that writes ballot.items. */
export async function writeItemRows(db: Kysely<Database>, ballotId: string, items: readonly StoredBallotItem[]): Promise<void> {
  const ids = items.map((item) => item.id);
  let removed = db.deleteFrom('ballot_item').where('ballot_id', '=', ballotId);
  if (ids.length > 0) removed = removed.where('id', 'not in', ids);
  await removed.execute();
  for (const [position, item] of items.entries()) {
    await db
      .insertInto('ballot_item')
      .values({ id: item.id, ballot_id: ballotId, position, kind: item.kind })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ position }))
      .execute();
  }
}
