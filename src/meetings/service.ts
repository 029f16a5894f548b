// Meetings (第N届第M次职工代表大会 / 职工大会): settings, draft → in_session → closed, and check-in.
import { hashSecret, randomId, randomToken } from '../access/codes.js';
import type { AccountActor, Actor, MemberActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { type AppContext, type CoreContext, nowIso, transact } from '../context.js';
import type { AttendanceTable, MeetingTable } from '../db/database.js';
import { fail } from '../errors.js';
import type { DisplayStep } from '../events.js';
import { findMember } from '../roster/service.js';
import { getTerm } from '../roster/service.js';
import { parseTermRules } from '../roster/term-rules.js';
import { sessionForSitting } from '../sessions/service.js';
import * as repository from './repository.js';
import { quorumStatus } from './rules.js';
import { type AttendanceStatus, type MeetingEvent, meetingMachine, meetingStamps, type TwoPersonControl } from './workflow.js';
import type { AttendanceCounts, MeetingInput, MeetingPatch } from './schemas.js';

/** What the meetings service uses: the core, the open ballots (an attendance edit audits them) and the hall's figures. */
export type MeetingDeps = CoreContext & Pick<AppContext, 'votes' | 'figures'>;

export function presentMeeting(row: MeetingTable) {
  return {
    id: row.id,
    termId: row.term_id,
    title: row.title,
    kind: row.kind,
    sessionNumber: row.session_number,
    sessionId: row.session_id,
    sitting: row.sitting,
    currentAgendaItemId: row.current_agenda_item_id,
    presidingChairMemberId: row.presiding_chair_member_id,
    state: row.state,
    quorum: { numerator: row.quorum_numerator, denominator: row.quorum_denominator },
    hasDisplayToken: row.display_token_hash !== null,
    twoPersonControl: row.two_person_control,
    createdAt: row.created_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}

export async function getMeeting(context: Pick<AppContext, 'db'>, meetingId: string): Promise<MeetingTable> {
  return (await repository.findMeeting(context.db, meetingId)) ?? fail('MEETING_NOT_FOUND');
}

/** Members see only their own term's meetings; a display only its own meeting. */
export function assertCanFollow(actor: Actor, meeting: MeetingTable): void {
  if (actor.kind === 'anonymous') fail('UNAUTHENTICATED');
  if (actor.kind === 'member' && actor.termId !== meeting.term_id) fail('FORBIDDEN');
  if (actor.kind === 'display' && actor.meetingId !== meeting.id) fail('FORBIDDEN');
}

export async function createMeeting(context: CoreContext, actor: AccountActor, input: MeetingInput) {
  const row = await transact(context, async (inside) => {
    const term = await getTerm(inside, input.termId);
    const rules = parseTermRules(term.rules);
    const quorum = input.quorum ?? (input.sitting === 'joint' ? rules.joint.quorum : rules.quorum);
    const row: MeetingTable = {
      id: randomId(context.random),
      term_id: input.termId,
      title: input.title,
      kind: input.kind,
      ...(await sessionForSitting(inside, input.termId, input.sitting, input)),
      sitting: input.sitting,
      current_agenda_item_id: null,
      presiding_chair_member_id: null,
      two_person_control: input.twoPersonControl,
      state: 'draft',
      quorum_numerator: quorum.numerator,
      quorum_denominator: quorum.denominator,
      display_token_hash: null,
      created_at: nowIso(context),
      opened_at: null,
      closed_at: null,
    };
    await repository.insertMeeting(inside.db, row);
    await recordAudit(inside, actor, 'meeting.created', {
      meetingId: row.id,
      detail: { title: row.title, kind: row.kind, sitting: row.sitting, sessionId: row.session_id, twoPersonControl: row.two_person_control },
    });
    return row;
  });
  return presentMeeting(row);
}

export async function updateMeeting(context: CoreContext, actor: AccountActor, meetingId: string, patch: MeetingPatch) {
  await transact(context, async (inside) => {
    const meeting = await getMeeting(inside, meetingId);
    if (meeting.state === 'closed') fail('MEETING_STATE', { state: meeting.state });
    // A sitting that has begun its business stays in its session: its chair, its current item and its
    // ballots belong to that session's presidium, agenda and decisions.
    if (patch.sessionNumber !== undefined && patch.sessionNumber !== meeting.session_number) {
      if (meeting.presiding_chair_member_id || meeting.current_agenda_item_id || (await repository.hasBallotBeyondDraft(inside.db, meetingId))) {
        fail('MEETING_STATE', { state: meeting.state, reason: 'a sitting with a presiding chair, a current agenda item or a ballot past its draft keeps its session' });
      }
    }
    if (patch.twoPersonControl !== undefined && patch.twoPersonControl !== meeting.two_person_control) await changeTwoPersonControl(inside, actor, meeting, patch.twoPersonControl);
    await repository.updateMeeting(inside.db, meetingId, {
      ...(patch.title === undefined ? {} : { title: patch.title }),
      ...(patch.kind === undefined ? {} : { kind: patch.kind }),
      ...(patch.sessionNumber === undefined ? {} : await sessionForSitting(inside, meeting.term_id, meeting.sitting, { sessionNumber: patch.sessionNumber }, meetingId)),
      ...(patch.quorum === undefined ? {} : { quorum_numerator: patch.quorum.numerator, quorum_denominator: patch.quorum.denominator }),
      ...(patch.twoPersonControl === undefined ? {} : { two_person_control: patch.twoPersonControl }),
    });
    await recordAudit(inside, actor, 'meeting.updated', { meetingId, detail: patch });
  });
  context.events.publish({ type: 'meeting.updated', meetingId });
  return presentMeeting(await getMeeting(context, meetingId));
}

/**
 * 双人确认 changes only while none of the meeting's ballots is open: what an open ballot's close needs
 * was settled when it opened. Halves confirmed under the old setting are dropped (they confirmed under
 * another rule), and the change has its own audit row.
 */
async function changeTwoPersonControl(inside: CoreContext, actor: AccountActor, meeting: MeetingTable, to: TwoPersonControl): Promise<void> {
  if (await repository.hasOpenBallot(inside.db, meeting.id)) fail('TWO_PERSON_CONTROL_LOCKED');
  const dropped = await repository.deletePendingConfirmations(inside.db, meeting.id);
  await recordAudit(inside, actor, 'meeting.two-person-control-changed', { meetingId: meeting.id, detail: { from: meeting.two_person_control, to, confirmationsDropped: dropped } });
}

/**
 * One transaction: re-read, check the move against the meeting's table, run `beforeClose` (handed
 * the transaction, so its checks hold until commit), write only if the state is still the one
 * checked, and audit.
 */
export async function changeMeetingState<C extends CoreContext>(context: C, actor: AccountActor, meetingId: string, event: MeetingEvent, beforeClose?: (inside: C) => Promise<void>) {
  await transact(context, async (inside) => {
    const meeting = await getMeeting(inside, meetingId);
    const to = meetingMachine.next(meeting.state, event, [actor.role]);
    if (beforeClose) await beforeClose(inside);
    const moved = await repository.updateMeetingInState(inside.db, meetingId, meeting.state, { state: to, [meetingStamps[event]]: nowIso(context) });
    if (!moved) fail('MEETING_STATE', { state: (await getMeeting(inside, meetingId)).state });
    await recordAudit(inside, actor, `meeting.${event}`, { meetingId });
  });
  context.events.publish({ type: 'meeting.updated', meetingId });
  return presentMeeting(await getMeeting(context, meetingId));
}

/** The projector's token and link: under PUBLIC_URL, else under the origin the secretary used. */
export async function issueDisplayToken(context: CoreContext, actor: AccountActor, meetingId: string, origin: string) {
  await getMeeting(context, meetingId);
  const token = randomToken(context.random);
  await repository.updateMeeting(context.db, meetingId, { display_token_hash: hashSecret(context.secretKey, token) });
  await recordAudit(context, actor, 'meeting.display-token-issued', { meetingId });
  return { token, displayUrl: `${(context.config.PUBLIC_URL ?? origin).replace(/\/$/, '')}/display/${token}` };
}

/**
 * The secretary steps the projector through a published result's pages, or hands paging back to it.
 * Nothing is stored or audited: which page a screen shows is no decision of the meeting, and a screen
 * that reconnects simply pages by itself again. The ballot must be this meeting's.
 */
export async function pageDisplay(context: CoreContext, meetingId: string, ballotId: string, step: DisplayStep): Promise<void> {
  await getMeeting(context, meetingId);
  if (!(await repository.hasBallot(context.db, meetingId, ballotId))) fail('BALLOT_NOT_FOUND');
  context.events.publish({ type: 'display.paged', meetingId, ballotId, step });
}

export async function meetingForDisplayToken(context: CoreContext, token: string) {
  if (token.length > 100) return undefined;
  return meetingForDisplayHash(context, hashSecret(context.secretKey, token));
}

/** By the token's stored hash: what an open display socket remembers, so a replaced token ends it. */
export async function meetingForDisplayHash(context: Pick<AppContext, 'db'>, tokenHash: string) {
  return repository.findMeetingByDisplayToken(context.db, tokenHash);
}

/** Counted now, in the caller's transaction: the figures a ballot records when it opens or closes. */
export async function attendanceCounts(context: Pick<AppContext, 'db'>, meeting: MeetingTable): Promise<AttendanceCounts> {
  return presentCounts(meeting, await repository.countAttendance(context.db, meeting.id, meeting.term_id, meeting.sitting));
}

/** liveAttendanceCounts' answers, per kept counts row and meeting row (each the same object until a write). */
const presentedCounts = new WeakMap<repository.AttendanceCountsRow, { meeting: MeetingTable; counts: Readonly<AttendanceCounts> }>();

/**
 * The same counts from the hall's figures in memory (one count per change): for snapshots and
 * broadcasts. Every phone of a reconnecting hall gets the same object, frozen, its quorum worked out once.
 */
export async function liveAttendanceCounts(context: Pick<AppContext, 'db' | 'figures'>, meeting: MeetingTable): Promise<Readonly<AttendanceCounts>> {
  const row = await context.figures.countsOf(context.db, meeting);
  const known = presentedCounts.get(row);
  if (known?.meeting === meeting) return known.counts;
  const counts = presentCounts(meeting, row);
  Object.freeze(counts.quorum);
  presentedCounts.set(row, { meeting, counts: Object.freeze(counts) });
  return counts;
}

function presentCounts(meeting: MeetingTable, counts: repository.AttendanceCountsRow): AttendanceCounts {
  const eligible = Number(counts.eligible);
  const present = Number(counts.present);
  const onLeave = Number(counts.on_leave);
  const fraction = { numerator: meeting.quorum_numerator, denominator: meeting.quorum_denominator };
  const quorum = quorumStatus(present, eligible, fraction);
  return {
    eligible,
    present,
    onLeave,
    absent: eligible - present - onLeave,
    attendees: Number(counts.attendees),
    attendeesPresent: Number(counts.attendees_present),
    quorum: { required: quorum.required, reached: quorum.reached, ...fraction },
  };
}

type AttendanceListRow = Awaited<ReturnType<typeof repository.listAttendance>>[number];

function attendanceView(row: AttendanceListRow) {
  return {
    memberId: row.id,
    name: row.name,
    staffNumber: row.staff_number,
    role: row.role,
    delegationId: row.delegation_id,
    delegationName: row.delegation_name,
    status: row.status ?? ('not_checked_in' as const),
  };
}

export async function listAttendance(context: Pick<AppContext, 'db'>, meetingId: string) {
  const meeting = await getMeeting(context, meetingId);
  return (await repository.listAttendance(context.db, meeting.id, meeting.term_id, meeting.sitting)).map(attendanceView);
}

/**
 * The same list a page at a time, for the archive's copies of a 10,000-name list: never all of it in
 * memory as rows, each page gone before the next is read.
 */
export async function* attendancePages(context: Pick<AppContext, 'db'>, meetingId: string, pageSize = 1000) {
  const meeting = await getMeeting(context, meetingId);
  for (let offset = 0; ; offset += pageSize) {
    const rows = await repository.listAttendance(context.db, meeting.id, meeting.term_id, meeting.sitting, { limit: pageSize, offset });
    if (rows.length > 0) yield rows.map(attendanceView);
    if (rows.length < pageSize) return;
  }
}

export async function markAttendance(context: MeetingDeps, actor: AccountActor, meetingId: string, memberId: string, status: AttendanceStatus) {
  const meeting = await getMeeting(context, meetingId);
  if (meeting.state === 'closed') fail('MEETING_STATE', { state: meeting.state });
  const member = await findMember(context, memberId);
  if (!member || member.term_id !== meeting.term_id) fail('MEMBER_NOT_FOUND');
  if (meeting.sitting === 'joint' && !(await repository.onJointRoll(context.db, meetingId, memberId))) fail('JOINT_NOT_ON_ROLL');
  await repository.upsertAttendance(context.db, { meeting_id: meetingId, member_id: memberId, status });
  // An edit while a ballot is open is how one would try to learn who votes: the audit says so.
  const openBallots = context.votes.openBallotsOf(meetingId);
  await recordAudit(context, actor, 'attendance.marked', { meetingId, detail: { memberId, name: member.name, status, ...(openBallots.length ? { whileBallotsOpen: openBallots } : {}) } });
  context.events.publish({ type: 'attendance.changed', meetingId });
  return attendanceCounts(context, meeting);
}

export async function checkIn(context: CoreContext, actor: MemberActor, meetingId: string) {
  const meeting = await getMeeting(context, meetingId);
  assertCanFollow(actor, meeting);
  if (meeting.state === 'closed') fail('MEETING_STATE', { state: meeting.state });
  // A joint meeting's members are its roll: nobody else checks in there.
  if (meeting.sitting === 'joint' && !(await repository.onJointRoll(context.db, meetingId, actor.memberId))) fail('JOINT_NOT_ON_ROLL');
  const current = await repository.findAttendance(context.db, meetingId, actor.memberId);
  if (current?.status !== 'present') {
    await repository.upsertAttendance(context.db, { meeting_id: meetingId, member_id: actor.memberId, status: 'present' });
    context.events.publish({ type: 'attendance.changed', meetingId });
  }
  return { status: 'present' as const };
}

export async function currentMeetingFor(context: Pick<AppContext, 'db'>, actor: MemberActor) {
  return repository.findCurrentMeetingOfTerm(context.db, actor.termId);
}

export async function attendanceOf(context: Pick<AppContext, 'db' | 'sqlite' | 'attendanceRows'>, meetingId: string, memberId: string): Promise<AttendanceTable['status'] | 'not_checked_in'> {
  const status = context.sqlite.inTransaction ? (await repository.findAttendance(context.db, meetingId, memberId))?.status : context.attendanceRows.statusOf(context.sqlite, meetingId, memberId);
  return status ?? 'not_checked_in';
}

export async function listMeetings(context: Pick<AppContext, 'db'>, termId?: string) {
  return (await repository.listMeetings(context.db, termId)).map(presentMeeting);
}
