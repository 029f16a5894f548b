// Resolutions (决议) of a session: drafted from its figures (src/resolutions/drafting.ts), edited by
// the secretary while a draft, fixed from the moment a ballot carrying one opens. Putting one to the
// vote and what the vote makes of it are in voting.ts.
import { randomId } from '../access/codes.js';
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type AppContext, type CoreContext, nowIso, transact } from '../context.js';
import type { CongressSessionTable, MeetingTable, ResolutionTable } from '../db/database.js';
import { documentSummary } from '../documents/service.js';
import { fail } from '../errors.js';
import type { OfficialDocument } from '../papers/official-document.js';
import { docxFile, type PaperFile } from '../papers/paper-file.js';
import { attendanceCounts, getMeeting } from '../meetings/service.js';
import { getTerm, listMemberRows } from '../roster/service.js';
import { getSession } from '../sessions/service.js';
import { currentVote, getResolutionRow, stateOf } from './current.js';
import { congressName, type DraftFigures, documentSubject, draftBody, resolutionTitle } from './drafting.js';
import { resolutionsPaper } from './paper.js';
import * as repository from './repository.js';
import { inPaper, mayEdit, mayPutToBallot, type ResolutionPaperScope } from './rules.js';
import type { ResolutionInput, ResolutionPatch, ResolutionView } from './schemas.js';
import { retitleItem, syncSession } from './voting.js';

type Reader = Pick<AppContext, 'db'>;

export { getResolutionRow } from './current.js';

export async function presentResolution(context: Reader, row: ResolutionTable): Promise<ResolutionView> {
  const current = await currentVote(context, row.id);
  const state = stateOf(current);
  const resultClause = current?.vote.result_clause ?? null;
  return {
    id: row.id,
    sessionId: row.session_id,
    documentId: row.document_id,
    subject: row.subject,
    title: row.title,
    body: row.body,
    state,
    frozenAt: row.frozen_at,
    textSha256: row.text_sha256,
    ballot: current && state !== 'draft' ? { ballotId: current.ballot.id, itemId: current.vote.item_id, meetingId: current.ballot.meeting_id, state: current.ballot.state } : null,
    resultClause,
    votedAt: resultClause && current ? current.ballot.closed_at : null,
    text: resultClause ? `${row.body}\n${resultClause}` : row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The sitting whose attendance the text states: the one named (a plenary sitting of the session),
 * else the one its ballot is at, else the session's last plenary sitting; none before there is one.
 */
async function sittingFor(context: Reader, session: CongressSessionTable, meetingId: string | undefined, resolutionId?: string): Promise<MeetingTable | undefined> {
  if (meetingId) {
    const meeting = await getMeeting(context, meetingId);
    if (meeting.session_id !== session.id || meeting.sitting !== 'plenary') fail('RESOLUTION_BALLOT_INVALID', { reason: 'not a plenary sitting of the session', meetingId });
    return meeting;
  }
  const current = resolutionId ? await currentVote(context, resolutionId) : null;
  if (current && current.ballot.state === 'draft') return getMeeting(context, current.ballot.meeting_id);
  return (await repository.listPlenarySittings(context.db, session.id)).at(-1);
}

/** The figures the text is drafted from, as they stand now. */
async function draftingFigures(
  context: Pick<AppContext, 'db' | 'clock'>,
  session: CongressSessionTable,
  sitting: MeetingTable | undefined,
  subject: string,
  documentId: string | null,
): Promise<DraftFigures> {
  const term = await getTerm(context, session.term_id);
  const counts = sitting ? await attendanceCounts(context, sitting) : null;
  const eligible = counts?.eligible ?? (await listMemberRows(context, session.term_id)).filter((member) => member.role === 'representative').length;
  const opened = sitting?.opened_at ?? null;
  const document = documentId ? await documentSummary(context, documentId) : null;
  return {
    heading: { termNumber: term.number, sessionNumber: session.number, extraordinary: session.kind === 'extraordinary', staff: sitting?.kind === 'general_assembly' },
    sessionTitle: session.title,
    date: opened ? new Date(opened) : context.clock(),
    eligible,
    staff: sitting?.kind === 'general_assembly',
    present: counts && opened ? counts.present : null,
    quorumReached: counts && opened ? counts.quorum.reached : null,
    subject,
    document: document && { title: document.title, rounds: document.rounds },
  };
}

export async function listResolutions(context: CoreContext, sessionId: string): Promise<ResolutionView[]> {
  await getSession(context, sessionId);
  await syncSession(context, sessionId);
  return Promise.all((await repository.listResolutions(context.db, sessionId)).map((row) => presentResolution(context, row)));
}

/**
 * The session's resolutions as plain objects, for the pages and papers of other domains (the public
 * notice, the report to the higher union, the archive). `published`: only those whose ballot's
 * result is published, with their full text.
 */
export async function listSessionResolutions(context: CoreContext, sessionId: string, options: { published?: boolean } = {}): Promise<ResolutionView[]> {
  const all = await listResolutions(context, sessionId);
  return options.published ? all.filter((resolution) => resolution.ballot?.state === 'published' && resolution.resultClause !== null) : all;
}

export async function getResolution(context: CoreContext, id: string): Promise<ResolutionView> {
  const row = await getResolutionRow(context, id);
  await syncSession(context, row.session_id);
  return presentResolution(context, await getResolutionRow(context, id));
}

export async function createResolution(context: CoreContext, actor: AccountActor, sessionId: string, input: ResolutionInput): Promise<ResolutionView> {
  const id = await transact(context, async (inside) => {
    const session = await getSession(inside, sessionId);
    let subject = input.subject;
    if (input.documentId) {
      const document = await documentSummary(inside, input.documentId);
      if (document.termId !== session.term_id) fail('RESOLUTION_DOCUMENT_INVALID', { documentId: input.documentId });
      subject ??= documentSubject(document.title);
    }
    const sitting = await sittingFor(inside, session, input.meetingId);
    const figures = await draftingFigures(inside, session, sitting, subject!, input.documentId ?? null);
    const now = nowIso(context);
    const row: ResolutionTable = {
      id: randomId(context.random),
      session_id: sessionId,
      document_id: input.documentId ?? null,
      subject: subject!,
      title: resolutionTitle(figures.heading, subject!),
      body: draftBody(figures),
      frozen_at: null,
      text_sha256: null,
      created_at: now,
      updated_at: now,
    };
    await repository.insertResolution(inside.db, row);
    await recordAudit(inside, actor, 'resolution.created', { meetingId: sitting?.id, detail: { sessionId, resolutionId: row.id, title: row.title, documentId: row.document_id } });
    return row.id;
  });
  return getResolution(context, id);
}

/**
 * Re-reads the resolution and the ballot carrying it, in the caller's transaction, and refuses any
 * change once that ballot opened (or ever did): RESOLUTION_FROZEN.
 */
async function editable(context: CoreContext, id: string) {
  await syncSession(context, (await getResolutionRow(context, id)).session_id);
  const row = await getResolutionRow(context, id);
  const current = await currentVote(context, id);
  const state = stateOf(current);
  if (!mayEdit(state, row.frozen_at)) fail('RESOLUTION_FROZEN', { state, frozenAt: row.frozen_at });
  return { row, current: current?.itemOnSheet && current.ballot.state === 'draft' ? current : null };
}

/** Writes the new text; while it sits on a draft ballot, that item's title follows the resolution's. */
async function writeText(context: CoreContext, actor: AccountActor, id: string, changes: Pick<ResolutionTable, 'title' | 'body'>, action: string, detail: Record<string, unknown>) {
  await transact(context, async (inside) => {
    const { row, current } = await editable(inside, id);
    if (!(await repository.updateUnfrozen(inside.db, id, { ...changes, updated_at: nowIso(context) }))) fail('RESOLUTION_FROZEN');
    if (current && changes.title !== row.title) {
      await retitleItem(inside, actor, current.ballot, current.vote, changes.title);
    }
    await recordAudit(inside, actor, action, { detail: { sessionId: row.session_id, resolutionId: id, ...detail } });
  });
  return getResolution(context, id);
}

export async function updateResolution(context: CoreContext, actor: AccountActor, id: string, patch: ResolutionPatch): Promise<ResolutionView> {
  const row = await getResolutionRow(context, id);
  const changes = { title: patch.title ?? row.title, body: patch.body ?? row.body };
  return writeText(context, actor, id, changes, 'resolution.updated', { fields: Object.keys(patch) });
}

/** 重新生成: the title and body from the figures as they stand now (the secretary's edits are replaced). */
export async function redraftResolution(context: CoreContext, actor: AccountActor, id: string, meetingId?: string): Promise<ResolutionView> {
  const row = await getResolutionRow(context, id);
  const session = await getSession(context, row.session_id);
  const sitting = await sittingFor(context, session, meetingId, id);
  const figures = await draftingFigures(context, session, sitting, row.subject, row.document_id);
  return writeText(context, actor, id, { title: resolutionTitle(figures.heading, row.subject), body: draftBody(figures) }, 'resolution.redrafted', { meetingId: sitting?.id ?? null });
}

/** Only a resolution never put to a ballot (or whose draft ballot was deleted) may go. */
export async function deleteResolution(context: CoreContext, actor: AccountActor, id: string): Promise<void> {
  await transact(context, async (inside) => {
    await syncSession(inside, (await getResolutionRow(inside, id)).session_id);
    const row = await getResolutionRow(inside, id);
    const current = await currentVote(inside, id);
    const state = stateOf(current);
    if (!mayPutToBallot(state, row.frozen_at)) fail('RESOLUTION_ON_BALLOT', { state });
    await repository.deleteResolution(inside.db, id);
    await recordAudit(inside, actor, 'resolution.deleted', { detail: { sessionId: row.session_id, resolutionId: id, title: row.title } });
  });
}

/** 第三届第二次职工代表大会 (a general assembly's: 职工大会): the session as its resolutions name it. */
async function congressOf(context: Reader, session: CongressSessionTable): Promise<string> {
  const term = await getTerm(context, session.term_id);
  const plenary = (await repository.listPlenarySittings(context.db, session.id)).at(-1);
  return congressName({ termNumber: term.number, sessionNumber: session.number, extraordinary: session.kind === 'extraordinary', staff: plenary?.kind === 'general_assembly' });
}

/** The session's adopted resolutions (or every voted one) as one .docx, each on its own page; none: RESOLUTION_PAPER_EMPTY. */
export async function sessionResolutionsDocx(context: CoreContext & Pick<AppContext, 'paperWork'>, sessionId: string, scope: ResolutionPaperScope): Promise<PaperFile> {
  const resolutions = (await listResolutions(context, sessionId)).filter((resolution) => inPaper(resolution.state, scope));
  if (resolutions.length === 0) fail('RESOLUTION_PAPER_EMPTY', { scope });
  const congress = await congressOf(context, await getSession(context, sessionId));
  return docxFile(context, resolutionsPaper(resolutions, congress, `${congress}决议`));
}

/**
 * The resolutions whose ballot has been published, as one paper (the session archive's): adopted and
 * not adopted alike, each with its result clause. Null when there are none.
 */
export async function publishedResolutionsPaper(context: CoreContext, sessionId: string): Promise<{ paper: OfficialDocument; adopted: number; notAdopted: number } | null> {
  const resolutions = await listSessionResolutions(context, sessionId, { published: true });
  if (resolutions.length === 0) return null;
  const congress = await congressOf(context, await getSession(context, sessionId));
  const adopted = resolutions.filter((resolution) => resolution.state === 'adopted').length;
  return { paper: resolutionsPaper(resolutions, congress, `${congress}决议`), adopted, notAdopted: resolutions.length - adopted };
}

/** One resolution as a .docx, in whatever state it is (a draft is subtitled （草案）). */
export async function resolutionDocx(context: CoreContext & Pick<AppContext, 'paperWork'>, id: string): Promise<PaperFile> {
  const resolution = await getResolution(context, id);
  const congress = await congressOf(context, await getSession(context, resolution.sessionId));
  return docxFile(context, resolutionsPaper([resolution], congress, resolution.title));
}
