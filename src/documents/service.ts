// Documents (二上二下) through their life. Every move goes through moveDocument, the one place the
// state table is enforced: it re-reads the document in a transaction, checks the move against
// workflow.ts, applies its effect, writes the history and audit rows, and publishes once committed.
import { randomId } from '../access/codes.js';
import type { Actor } from '../actors.js';
import { transact } from '../context.js';
import type { DocumentTable } from '../db/database.js';
import { fail } from '../errors.js';
import type { DomainEvent } from '../events.js';
import { getMeeting } from '../meetings/service.js';
import { getDepartment } from '../departments/service.js';
import { docxFile, type PaperFile } from '../papers/paper-file.js';
import { recordPaper } from './record-paper.js';
import { actorName, askerOf, filterOf, partiesFor } from './access.js';
import { prepareDiff } from './draft-diff.js';
import { applyEffect, type DocumentMove } from './effects.js';
import { draftOf, type History, loadHistory, roundReport, versionById } from './history.js';
import * as repository from './repository.js';
import type { DocumentDetail, DocumentInput } from './schemas.js';
import { saveDraft, whatDraftCarries } from './versions.js';
import { presentDetail, presentRecord, presentSummary, presentVersion } from './views.js';
import { votesOf, settleDocument } from './voting.js';
import { prepareFixing, recordMove, visibleDocument } from './moves.js';
import type { DocumentDeps } from './deps.js';
import { closingEvent, type DocumentEvent, type DocumentState, documentMachine } from './workflow.js';

/** The document, or DOCUMENT_NOT_FOUND for anyone who may not see it. */
function eventOf(move: DocumentMove, history: History): DocumentEvent {
  if (move.action === 'closeRound') return closingEvent(history.rounds.at(-1)?.number ?? 0, history.document.rounds_planned);
  return move.action;
}

function noteOf(move: DocumentMove): string | null {
  if ('reason' in move && typeof move.reason === 'string') return move.reason;
  if ('note' in move && typeof move.note === 'string') return move.note;
  return null;
}

export interface MoveResult {
  documentId: string;
  /** An original .docx no draft points to any more: the caller removes the file after commit. */
  orphanedFile: string | null;
}

/** One move, in one transaction. Opinions and responses write no history row (they are rows themselves). */
export async function applyMove(context: DocumentDeps, actor: Actor, documentId: string, move: DocumentMove): Promise<MoveResult> {
  const asker = await askerOf(context.db, actor);
  const prepared = move.action === 'issue' ? await prepareFixing(context, actor, documentId, 'issue') : undefined;
  const published: DomainEvent[] = [];
  const result = await transact(context, async (inside) => {
    const document = await visibleDocument(inside.db, asker, documentId);
    const history = await loadHistory(inside.db, document);
    const event = eventOf(move, history);
    const note = noteOf(move);
    const to = documentMachine.next(document.state, event, partiesFor(asker, document), note);
    const now = context.clock();
    const outcome = await applyEffect({ context: inside, asker, history, event, now, prepared }, move);
    const roundNumber = outcome.roundNumber ?? history.rounds.at(-1)?.number ?? null;
    if (outcome.quiet) {
      if (!(await repository.updateDocumentInState(inside.db, document.id, document.state, { updated_at: now.toISOString() }))) fail('DOCUMENT_STATE', { state: document.state, event });
    } else {
      await recordMove(inside, asker, document, { from: document.state, to, event, note, roundNumber, detail: outcome.detail ?? {}, ...(outcome.changes ? { changes: outcome.changes } : {}) }, now);
    }
    if (event === 'submitOpinion') published.push({ type: 'document.opinion', meetingId: document.meeting_id, documentId, roundNumber: roundNumber ?? 0 });
    else published.push({ type: 'document.changed', meetingId: document.meeting_id, documentId, event });
    return { documentId, orphanedFile: outcome.orphanedFile ?? null };
  });
  for (const event of published) context.events.publish(event);
  return result;
}

export async function createDocument(context: DocumentDeps, actor: Actor, meetingId: string, input: DocumentInput): Promise<DocumentDetail> {
  const asker = await askerOf(context.db, actor);
  if (asker.kind !== 'officer' || asker.actor.role !== 'secretary') fail('FORBIDDEN');
  const meeting = await getMeeting(context, meetingId);
  if (meeting.state === 'closed') fail('MEETING_STATE', { state: meeting.state });
  const department = input.draftingDepartmentId ? await getDepartment(context, input.draftingDepartmentId) : null;
  if (department?.disabled) fail('DEPARTMENT_DISABLED', { departmentId: department.id });
  const now = context.clock();
  const at = now.toISOString();
  const row: DocumentTable = {
    id: randomId(context.random),
    meeting_id: meeting.id,
    term_id: meeting.term_id,
    title: input.title,
    kind: input.kind,
    drafting_department_id: department?.id ?? null,
    drafting_department_name: department?.name ?? input.draftingDepartmentName ?? '',
    rounds_planned: input.rounds,
    state: 'drafting',
    created_at: at,
    updated_at: at,
  };
  await transact(context, async (inside) => {
    await repository.insertDocument(inside.db, row);
    await recordMove(inside, asker, row, { from: 'drafting', to: 'drafting', event: 'create', note: null, roundNumber: null, detail: { kind: row.kind, rounds: row.rounds_planned } }, now);
    if (input.text) await saveDraft(inside, await loadHistory(inside.db, row), { text: input.text, source: 'markdown' }, actorName(asker), now, () => randomId(context.random));
  });
  context.events.publish({ type: 'document.changed', meetingId: meeting.id, documentId: row.id, event: 'create' });
  return getDocumentFor(context, actor, row.id);
}

export async function getDocumentFor(context: DocumentDeps, actor: Actor, documentId: string): Promise<DocumentDetail> {
  const asker = await askerOf(context.db, actor);
  let document = await visibleDocument(context.db, asker, documentId);
  // A result published while nobody was listening (a restart) is settled on first sight.
  if (document.state === 'voting' && (await settleDocument(context, document.id))) document = await visibleDocument(context.db, asker, documentId);
  const history = await loadHistory(context.db, document);
  const allowed = documentMachine.allowed(document.state, partiesFor(asker, document)).filter((event) => !['ballotApproved', 'ballotRejected', 'ballotWithdrawn'].includes(event));
  const draft = draftOf(history);
  const draftView = draft && asker.kind !== 'member' ? presentVersion(draft) : null;
  return presentDetail(history, asker, allowed, await votesOf(context, actor, history), draftView);
}

/** A session's documents (meetingId null: every session's, for a drafting department's handlers). */
export async function listDocumentsFor(context: DocumentDeps, actor: Actor, meetingId: string | null, state?: DocumentState) {
  const asker = await askerOf(context.db, actor);
  if (meetingId !== null) await getMeeting(context, meetingId);
  const rows = await repository.listDocuments(context.db, meetingId, filterOf(asker), state);
  return Promise.all(rows.map(async (row) => presentSummary(row, await repository.listRounds(context.db, row.id), await repository.listBallotItems(context.db, row.id))));
}

/** The draft as it would go down: its blocks, the diff against the last issued version and the adoption report. */
export async function previewDraft(context: DocumentDeps, actor: Actor, documentId: string) {
  const asker = await askerOf(context.db, actor);
  if (asker.kind === 'member') fail('FORBIDDEN');
  const history = await loadHistory(context.db, await visibleDocument(context.db, asker, documentId));
  const draft = draftOf(history) ?? fail('DOCUMENT_NO_DRAFT');
  return presentVersion(draft, whatDraftCarries(history, draft, await prepareDiff(context, history, draft)));
}

export async function getVersionFor(context: DocumentDeps, actor: Actor, documentId: string, versionId: string) {
  const asker = await askerOf(context.db, actor);
  const history = await loadHistory(context.db, await visibleDocument(context.db, asker, documentId));
  const version = versionById(history, versionId);
  if (!version || (asker.kind === 'member' && version.issued_at === null)) fail('NOT_FOUND');
  return version;
}

export async function consultationRecord(context: DocumentDeps, actor: Actor, documentId: string) {
  const asker = await askerOf(context.db, actor);
  if (asker.kind === 'member') fail('FORBIDDEN');
  const history = await loadHistory(context.db, await visibleDocument(context.db, asker, documentId));
  return presentRecord(history, await votesOf(context, actor, history), context.clock());
}

/** The consultation record as a .docx in the official layout, for whoever may read the record. */
export async function consultationRecordDocx(context: DocumentDeps, actor: Actor, documentId: string): Promise<PaperFile> {
  return docxFile(context, recordPaper(await consultationRecord(context, actor, documentId)));
}

/** The ballot that put the document to the vote last (its final vote, or a re-vote), if any: what a document's agenda item carries out. */
export async function latestBallotOf(context: Pick<DocumentDeps, 'db'>, documentId: string): Promise<string | null> {
  const links = await repository.listBallotItems(context.db, documentId);
  return links.at(-1)?.ballot_id ?? null;
}

/**
 * What a resolution (src/resolutions/) says of a document: its title and term, and its consultation
 * rounds (二上二下) with the opinions each received and how many were answered. Counts only.
 */
export async function documentSummary(context: Pick<DocumentDeps, 'db'>, documentId: string) {
  const document = (await repository.findDocument(context.db, documentId)) ?? fail('DOCUMENT_NOT_FOUND');
  const history = await loadHistory(context.db, document);
  return {
    id: document.id,
    termId: document.term_id,
    title: document.title,
    state: document.state,
    rounds: history.rounds.map((round) => {
      const { counts } = roundReport(history, round);
      return { number: round.number, closed: round.closed_at !== null, opinions: counts.opinions, consolidated: counts.consolidated, adopted: counts.adopted + counts.partlyAdopted };
    }),
  };
}
