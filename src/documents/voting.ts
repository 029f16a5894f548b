// The final vote: after the last round the secretary puts the document on a secret ballot as an
// approval item (several documents may share one sheet, item by item), binding the exact version
// voted. When that ballot is published, the item's result sets the document approved or rejected.
import type { Actor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { ballotInput } from '../ballots/api-schemas.js';
import { randomId } from '../access/codes.js';
import { writeItemRows } from '../ballots/items.js';
import { parseItems, type StoredResult } from '../ballots/results.js';
import type { ApprovalItem } from '../ballots/kinds/approval.js';
import { audienceOf, createBallot, findBallot, updateBallotInState, viewBallot } from '../ballots/service.js';
import { transact } from '../context.js';
import type { BallotTable, DocumentBallotItemTable, DocumentTable } from '../db/database.js';
import { fail } from '../errors.js';
import { askerOf, partiesFor, requireAccountAsker } from './access.js';
import { draftOf, type History, latestIssued, loadHistory } from './history.js';
import * as repository from './repository.js';
import type { DocumentAction } from './schemas.js';
import { prepareFixing, recordMove, visibleDocument } from './moves.js';
import { fixDraft } from './versions.js';
import type { VoteLink } from './views.js';
import { nextDocumentState } from './workflow.js';
import type { DocumentDeps } from './deps.js';

type PutToVote = Extract<DocumentAction, { action: 'putToVote' }>;

/** Adds the item to a draft secret ballot of the same meeting, or makes a new ballot; returns the item's id. */
async function placeOnBallot(inside: DocumentDeps, actor: ReturnType<typeof requireAccountAsker>, document: DocumentTable, item: ApprovalItem, move: PutToVote) {
  if (!move.ballotId) {
    const ballot = await createBallot(inside, actor, document.meeting_id, ballotInput.parse({ title: move.ballotTitle ?? item.title, secrecy: 'secret', items: [item] }));
    return { ballotId: ballot.id, itemId: ballot.items[0]!.id, itemIndex: 0 };
  }
  const ballot = await findBallot(inside.db, move.ballotId);
  if (!ballot || ballot.meeting_id !== document.meeting_id || ballot.state !== 'draft' || ballot.secrecy !== 'secret') {
    fail('DOCUMENT_BALLOT_INVALID', { ballotId: move.ballotId, state: ballot?.state ?? null, secrecy: ballot?.secrecy ?? null });
  }
  const added = { ...item, id: randomId(inside.random) };
  const items = [...parseItems(ballot), added];
  if (items.length > 50) fail('DOCUMENT_BALLOT_INVALID', { reason: 'a ballot sheet holds at most 50 items' });
  if (!(await updateBallotInState(inside.db, ballot.id, 'draft', { items: JSON.stringify(items) }))) fail('BALLOT_STATE', { state: ballot.state });
  await writeItemRows(inside.db, ballot.id, items);
  await recordAudit(inside, actor, 'ballot.updated', { meetingId: ballot.meeting_id, ballotId: ballot.id, detail: { fields: ['items'], documentId: document.id } });
  return { ballotId: ballot.id, itemId: added.id, itemIndex: items.length - 1 };
}

export async function putToVote(context: DocumentDeps, actor: Actor, documentId: string, move: PutToVote): Promise<void> {
  const asker = await askerOf(context.db, actor);
  const prepared = await prepareFixing(context, actor, documentId, 'putToVote');
  const meetingId = await transact(context, async (inside) => {
    const document = await visibleDocument(inside.db, asker, documentId);
    const to = nextDocumentState(document.state, 'putToVote', partiesFor(asker, document));
    const account = requireAccountAsker(asker);
    const history = await loadHistory(inside.db, document);
    const now = context.clock();
    // The final text (终稿) is the draft written after the last round, or else the last version issued.
    const version = draftOf(history) ? await fixDraft(inside.db, history, 'vote', now, prepared) : (latestIssued(history) ?? fail('DOCUMENT_NO_DRAFT'));
    const item = { kind: 'approval' as const, title: move.itemTitle ?? `关于《${document.title}》的表决`, passingRule: move.passingRule, majorityWording: move.majorityWording };
    const placed = await placeOnBallot(inside, account, document, item, move);
    await repository.insertBallotItem(inside.db, {
      document_id: document.id,
      ballot_id: placed.ballotId,
      item_id: placed.itemId,
      version_id: version.id,
      created_at: now.toISOString(),
      outcome: null,
      settled_at: null,
    });
    const detail = { ballotId: placed.ballotId, itemId: placed.itemId, itemIndex: placed.itemIndex, versionId: version.id, versionNumber: version.number, passingRule: move.passingRule };
    await recordMove(inside, asker, document, { from: document.state, to, event: 'putToVote', note: null, roundNumber: history.rounds.at(-1)?.number ?? null, detail }, now);
    return document.meeting_id;
  });
  context.events.publish({ type: 'ballot.updated', meetingId, ballotId: (await repository.listBallotItems(context.db, documentId)).at(-1)!.ballot_id });
  context.events.publish({ type: 'document.changed', meetingId, documentId, event: 'putToVote' });
}

/** Where the linked item sits on the sheet now, by its id; -1 once it has left the sheet. */
function itemPosition(ballot: Pick<BallotTable, 'items'>, link: Pick<DocumentBallotItemTable, 'item_id'>): number {
  return link.item_id === null ? -1 : parseItems(ballot).findIndex((item) => item.id === link.item_id);
}

/** The item's result: the stored result is positional, so the item is found by its id first. */
function itemPassed(ballot: Pick<BallotTable, 'items' | 'result'>, link: Pick<DocumentBallotItemTable, 'item_id'>): boolean | null {
  if (!ballot.result) return null;
  const result = (JSON.parse(ballot.result) as StoredResult).items[itemPosition(ballot, link)];
  return result?.kind === 'approval' ? result.passed : null;
}

/** What became of the ballot carrying a document: a published result, withdrawn before opening, or nothing yet. */
function ballotFate(ballot: BallotTable | undefined, link: Pick<DocumentBallotItemTable, 'item_id'>): 'approved' | 'rejected' | 'withdrawn' | null {
  if (!ballot) return 'withdrawn';
  if (ballot.state === 'draft') return itemPosition(ballot, link) >= 0 ? null : 'withdrawn';
  if (ballot.state !== 'published') return null;
  const passed = itemPassed(ballot, link);
  return passed === null ? null : passed ? 'approved' : 'rejected';
}

const FATE_EVENTS = { approved: 'ballotApproved', rejected: 'ballotRejected', withdrawn: 'ballotWithdrawn' } as const;

/** Settles a document on its ballot; true when this call moved it. Safe to call twice. */
export async function settleDocument(context: DocumentDeps, documentId: string): Promise<boolean> {
  const event = await transact(context, async (inside) => {
    const document = await repository.findDocument(inside.db, documentId);
    if (document?.state !== 'voting') return null;
    for (const link of await repository.listBallotItems(inside.db, documentId)) {
      if (link.outcome !== null) continue;
      const ballot = await findBallot(inside.db, link.ballot_id);
      const fate = ballotFate(ballot, link);
      if (fate === null) {
        if (ballot?.state === 'published') context.logger.warn({ documentId, ballotId: link.ballot_id }, 'document ballot item not found on the published ballot');
        continue;
      }
      const to = nextDocumentState(document.state, FATE_EVENTS[fate], ['system']);
      const now = context.clock();
      if (fate === 'withdrawn') await repository.deleteBallotItem(inside.db, documentId, link.ballot_id);
      else await repository.settleBallotItem(inside.db, documentId, link.ballot_id, fate, now.toISOString());
      await recordMove(
        inside,
        null,
        document,
        { from: document.state, to, event: FATE_EVENTS[fate], note: null, roundNumber: null, detail: { ballotId: link.ballot_id, versionId: link.version_id } },
        now,
      );
      return { meetingId: document.meeting_id, event: FATE_EVENTS[fate] };
    }
    return null;
  });
  if (event) context.events.publish({ type: 'document.changed', meetingId: event.meetingId, documentId, event: event.event });
  return event !== null;
}

export async function settleBallot(context: DocumentDeps, ballotId: string): Promise<void> {
  for (const link of await repository.listBallotItemsOfBallot(context.db, ballotId)) await settleDocument(context, link.document_id);
}

/** Listens for published ballots; at start, settles what was published while the server was down. */
export async function watchBallots(context: DocumentDeps): Promise<() => void> {
  const unsubscribe = context.events.subscribe((event) => {
    // A published result settles the outcome; a draft ballot deleted or edited may have dropped the item.
    if (event.type !== 'ballot.published' && event.type !== 'ballot.updated') return;
    settleBallot(context, event.ballotId).catch((error: unknown) => context.logger.error({ err: error, ballotId: event.ballotId }, 'document outcome failed'));
  });
  for (const link of await repository.listUnsettledBallotItems(context.db)) await settleDocument(context, link.document_id);
  return unsubscribe;
}

export async function votesOf(context: DocumentDeps, actor: Actor, history: History): Promise<VoteLink[]> {
  return Promise.all(
    history.ballotItems.map(async (row) => {
      const ballot = await findBallot(context.db, row.ballot_id);
      const audience = audienceOf(actor);
      const visible = ballot && (audience === 'officer' || ballot.state !== 'draft');
      const index = ballot ? itemPosition(ballot, row) : -1;
      const item = ballot && index >= 0 ? parseItems(ballot)[index]! : undefined;
      return {
        row,
        ballot: visible ? await viewBallot(context, ballot, audience) : null,
        item: item ? { id: item.id, index, title: item.title } : null,
      };
    }),
  );
}
