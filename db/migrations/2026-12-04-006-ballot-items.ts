// Ballot items get stable ids. Until now an item was a position in its ballot's JSON `items`, and a
// document put to the vote found its item by index, then by title: an edit of the draft sheet that
// moved or renamed the item lost the document's vote. Now every item has an id and a row in
// `ballot_item`, and the document's link (document_ballot_item.item_id) is a foreign key to it.
//
// The definitions stay in ballot.items (each item now carrying its id); the table holds only the id,
// the ballot, the position and the kind. Why not move the definitions into the table: the sheet is
// only ever read, shown, tallied and edited whole; its stored result is positional (result.items[i]);
// and the hall's kept reads watch the ballot table alone. Splitting it would put a second query or a
// join, and a second watched table, on the hottest reads, for no reader that wants one item. The row
// exists so that an item has an identity the database enforces: links point at it, and an item
// dropped from a draft sets their link to NULL (the document is then withdrawn from that ballot).
//
// Only definitions here: nothing in ballot_item relates a voter to a choice.
// Kind has no CHECK: the kinds are the server's registry (src/ballots/kinds/), and a new kind must
// not need a table rebuild.
import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

interface StoredItem {
  id?: string;
  kind: string;
  title: string;
}

interface OldLink {
  document_id: string;
  ballot_id: string;
  item_index: number;
  item_title: string;
}

function newItemId(): string {
  return randomBytes(12).toString('base64url');
}

/** Where the old code looked for a document's item: at its index if the title still matched, else the first approval of that title. */
function oldPosition(items: readonly StoredItem[], link: OldLink): number {
  if (items[link.item_index]?.title === link.item_title) return link.item_index;
  return items.findIndex((item) => item.kind === 'approval' && item.title === link.item_title);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ballot_item (
    id TEXT PRIMARY KEY,
    ballot_id TEXT NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    kind TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX ballot_item_ballot ON ballot_item(ballot_id, position)`.execute(db);
  await sql`ALTER TABLE document_ballot_item ADD COLUMN item_id TEXT REFERENCES ballot_item(id) ON DELETE SET NULL`.execute(db);

  const ballots = await sql<{ id: string; items: string }>`SELECT id, items FROM ballot ORDER BY id`.execute(db);
  const itemsOf = new Map<string, StoredItem[]>();
  for (const ballot of ballots.rows) {
    const items = (JSON.parse(ballot.items) as StoredItem[]).map((item) => ({ ...item, id: newItemId() }));
    itemsOf.set(ballot.id, items);
    await sql`UPDATE ballot SET items = ${JSON.stringify(items)} WHERE id = ${ballot.id}`.execute(db);
    for (const [position, item] of items.entries()) {
      await sql`INSERT INTO ballot_item (id, ballot_id, position, kind) VALUES (${item.id}, ${ballot.id}, ${position}, ${item.kind})`.execute(db);
    }
  }

  // Each link by index and title becomes a link by id; one whose item is gone stays NULL (withdrawn).
  const links = await sql<OldLink>`SELECT document_id, ballot_id, item_index, item_title FROM document_ballot_item`.execute(db);
  for (const link of links.rows) {
    const items = itemsOf.get(link.ballot_id) ?? [];
    const item = items[oldPosition(items, link)];
    if (!item) continue;
    await sql`UPDATE document_ballot_item SET item_id = ${item.id} WHERE document_id = ${link.document_id} AND ballot_id = ${link.ballot_id}`.execute(db);
  }
  await sql`ALTER TABLE document_ballot_item DROP COLUMN item_index`.execute(db);
  await sql`ALTER TABLE document_ballot_item DROP COLUMN item_title`.execute(db);
  await sql`CREATE INDEX document_ballot_item_item ON document_ballot_item(item_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX document_ballot_item_item`.execute(db);
  await sql`ALTER TABLE document_ballot_item ADD COLUMN item_index INTEGER NOT NULL DEFAULT -1`.execute(db);
  await sql`ALTER TABLE document_ballot_item ADD COLUMN item_title TEXT NOT NULL DEFAULT ''`.execute(db);
  const ballots = await sql<{ id: string; items: string }>`SELECT id, items FROM ballot ORDER BY id`.execute(db);
  for (const ballot of ballots.rows) {
    const items = JSON.parse(ballot.items) as StoredItem[];
    for (const [position, item] of items.entries()) {
      await sql`UPDATE document_ballot_item SET item_index = ${position}, item_title = ${item.title} WHERE item_id = ${item.id ?? null}`.execute(db);
    }
    const withoutIds = items.map(({ id: _id, ...item }) => item);
    await sql`UPDATE ballot SET items = ${JSON.stringify(withoutIds)} WHERE id = ${ballot.id}`.execute(db);
  }
  await sql`ALTER TABLE document_ballot_item DROP COLUMN item_id`.execute(db);
  await sql`DROP TABLE ballot_item`.execute(db);
}
