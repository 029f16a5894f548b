// The chair's script (主持词) of one sitting, written now from the live figures: the attendance, the
// agenda items the sitting takes up and each one's ballot as it stands. Read-only: nothing to audit.
import type { Actor } from '../actors.js';
import { listAgendaItems } from '../agenda/service.js';
import type { BallotView } from '../ballots/api-schemas.js';
import { presentMeetingBallots } from '../ballots/ballot-views.js';
import { findBallot, turnoutOf, viewBallot } from '../ballots/service.js';
import { type AppContext, nowIso } from '../context.js';
import type { MeetingTable } from '../db/database.js';
import { fail } from '../errors.js';
import { latestBallotOf } from '../documents/service.js';
import { assertCanFollow, attendanceCounts, getMeeting } from '../meetings/service.js';
import { docxFile, type PaperFile } from '../papers/paper-file.js';
import { findMember } from '../roster/service.js';
import { scriptPaper } from './paper.js';
import type { ChairScript } from './schemas.js';
import { itemsFromAgenda, itemsFromBallots, itemsOfSitting, type ScriptItem, writeScript } from './sections.js';

/** The database, the open ballots' turnout in memory, and the clock that dates the figures. */
export type ScriptDeps = Pick<AppContext, 'db' | 'votes' | 'clock'>;

/**
 * Officers read every sitting's script (the permission table lets only them and representatives
 * through); a representative only the script of the sitting they preside over (执行主席).
 */
function assertMayRead(actor: Actor, meeting: MeetingTable): void {
  assertCanFollow(actor, meeting);
  if (actor.kind === 'member' && actor.memberId !== meeting.presiding_chair_member_id) fail('FORBIDDEN');
}

/** The sitting's items and their ballots as officers see them (a closed result before publication: the chair announces it). */
async function itemsAndBallots(context: ScriptDeps, meeting: MeetingTable): Promise<{ items: ScriptItem[]; ballots: Map<string, BallotView> }> {
  const sittingItems = meeting.session_id ? itemsOfSitting(await listAgendaItems(context, meeting.session_id), meeting.id) : [];
  // A document's item is carried out by the document's own vote when no ballot is linked to it.
  const agenda = await Promise.all(sittingItems.map(async (item) => (item.ballotId === null && item.documentId ? { ...item, ballotId: await latestBallotOf(context, item.documentId) } : item)));
  const ballots = new Map<string, BallotView>();
  if (agenda.length === 0) {
    const listed = await presentMeetingBallots(context.db, meeting.id, 'officer');
    for (const { row, view } of listed) ballots.set(row.id, { ...view, turnout: await turnoutOf(context, row) });
    return { items: itemsFromBallots([...ballots.values()]), ballots };
  }
  for (const item of agenda) {
    const row = item.ballotId ? await findBallot(context.db, item.ballotId) : undefined;
    if (row) ballots.set(row.id, await viewBallot(context, row, 'officer'));
  }
  return { items: itemsFromAgenda(agenda), ballots };
}

export async function chairScript(context: ScriptDeps, actor: Actor, meetingId: string): Promise<ChairScript> {
  const meeting = await getMeeting(context, meetingId);
  assertMayRead(actor, meeting);
  const counts = await attendanceCounts(context, meeting);
  const { items, ballots } = await itemsAndBallots(context, meeting);
  const chair = meeting.presiding_chair_member_id ? await findMember(context, meeting.presiding_chair_member_id) : undefined;
  const facts = { title: meeting.title, kind: meeting.kind, sitting: meeting.sitting };
  return {
    meetingId: meeting.id,
    title: meeting.title,
    kind: meeting.kind,
    sitting: meeting.sitting,
    currentAgendaItemId: meeting.current_agenda_item_id,
    presidingChair: chair ? { memberId: chair.id, name: chair.name } : null,
    attendance: counts,
    generatedAt: nowIso(context),
    sections: writeScript(facts, counts, items, ballots),
  };
}

/** The script as a .docx in the official layout, for whoever may read it. */
export async function chairScriptDocx(context: ScriptDeps & Pick<AppContext, 'paperWork'>, actor: Actor, meetingId: string): Promise<PaperFile> {
  return docxFile(context, scriptPaper(await chairScript(context, actor, meetingId)));
}
