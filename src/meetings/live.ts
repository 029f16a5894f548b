// The full picture of a meeting for one viewer: sent on every (re)connect, so a phone that dropped
// off the hall Wi-Fi is right again at once.
import { createHash } from 'node:crypto';
import type { MemberDescription } from '../access/service.js';
import type { Actor } from '../actors.js';
import { paperBallots, votedBallots } from '../ballots/casting.js';
import type { ListedBallot } from '../ballots/ballot-views.js';
import { ballotsWithTurnout, listBallotsFor, type Turnout } from '../ballots/service.js';
import type { LiveAgenda } from '../agenda/schemas.js';
import type { AppContext } from '../context.js';
import type { MeetingTable } from '../db/database.js';
import { fail } from '../errors.js';
import { asciiJson, EncodedJson } from '../http/encoded-json.js';
import { findMemberWithDelegation } from '../roster/service.js';
import { assertCanFollow, attendanceOf, liveAttendanceCounts, presentMeeting } from './service.js';

/** What a snapshot reads: the clock, the database and what is kept in memory (meeting rows, ballots, figures, open ballots). */
export type SnapshotDeps = Pick<AppContext, 'db' | 'sqlite' | 'clock' | 'meetingRows' | 'figures' | 'attendanceRows' | 'votes' | 'ballotViews' | 'agendaRows'>;

/**
 * The meeting a viewer follows: the one named, a display's own, or a representative's term's current
 * one. Every reconnecting phone asks, twice: the rows come from memory between writes to the table.
 */
export async function resolveMeetingFor(context: SnapshotDeps, actor: Actor, meetingId: string | undefined) {
  const named = meetingId ?? (actor.kind === 'display' ? actor.meetingId : undefined);
  if (named) return (await context.meetingRows.find(context.db, named)) ?? fail('MEETING_NOT_FOUND');
  if (actor.kind === 'member') return (await context.meetingRows.currentOfTerm(context.db, actor.termId)) ?? null;
  return fail('MEETING_NOT_FOUND');
}

/**
 * `known.you` is the representative as the caller has just read them (a socket's handshake, with no
 * change to them since), so a reconnecting phone does not read itself twice.
 */
export async function meetingSnapshot(context: SnapshotDeps, actor: Actor, meetingId: string | undefined, known: { you?: MemberDescription } = {}) {
  const meeting = await resolveMeetingFor(context, actor, meetingId);
  const you = actor.kind === 'member' ? (known.you?.memberId === actor.memberId ? known.you : await describeMember(context, actor.memberId)) : null;
  if (!meeting)
    return {
      meeting: null,
      attendance: null,
      ballots: [],
      agenda: null,
      you: you && { ...you, attendance: 'not_checked_in' as const, voted: [], paper: [] },
      serverTime: context.clock().toISOString(),
    };
  assertCanFollow(actor, meeting);
  // The meeting-wide figures come from memory: a whole hall reconnecting must not count the roster per phone.
  const attendance = await liveAttendanceCounts(context, meeting);
  const ballots = await listBallotsFor(context, actor, meeting, attendance.eligible);
  const member =
    actor.kind === 'member' && you
      ? {
          ...you,
          attendance: await attendanceOf(context, meeting.id, actor.memberId),
          voted: await votedBallots(context, actor.memberId, ballots),
          paper: paperBallots(context, actor.memberId, ballots),
        }
      : null;
  // The session's agenda, titles only (the item's material is read when opened), kept in memory.
  const agenda = await context.agendaRows.of(context.db, meeting.session_id);
  return { meeting: presentMeeting(meeting), attendance, ballots, agenda, you: member, serverTime: context.clock().toISOString() };
}

async function describeMember(context: SnapshotDeps, memberId: string): Promise<MemberDescription> {
  const member = (await findMemberWithDelegation(context, memberId)) ?? fail('MEMBER_NOT_FOUND');
  return { memberId: member.id, name: member.name, role: member.role, delegationName: member.delegation_name ?? null };
}

/**
 * The meeting's part of a snapshot, as JSON text, for the last inputs seen per list of ballots: the
 * same meeting row, ballot list (both kept objects, replaced on any write), attendance and turnout give
 * the same text. A hall reconnecting at once serializes it once per vote batch, not once per phone.
 */
const sharedTexts = new WeakMap<readonly ListedBallot[], { meeting: MeetingTable; agenda: LiveAgenda | null; figures: string; text: string }>();

/**
 * What a page keeps of a snapshot and may be sent again unchanged: the meeting, the ballots (their
 * turnout aside) and the agenda, named by a version, a hash of their text. A page that reconnects
 * with the version of what it holds (the handshake's snapshotVersion) and finds it current gets only
 * the figures and itself (`same: true`, each ballot's turnout in `turnouts`, in the ballots' order):
 * a few hundred bytes instead of every ballot with its items, for each phone of a reconnecting hall.
 */
const versions = new WeakMap<readonly ListedBallot[], { meeting: MeetingTable; agenda: LiveAgenda | null; version: string }>();

function versionOf(listed: readonly ListedBallot[], meeting: MeetingTable, agenda: LiveAgenda | null, views: readonly unknown[]): string {
  let known = versions.get(listed);
  if (known?.meeting !== meeting || known.agenda !== agenda) {
    const text = JSON.stringify({ meeting: presentMeeting(meeting), ballots: views, agenda });
    known = { meeting, agenda, version: createHash('sha256').update(text).digest('base64url').slice(0, 22) };
    versions.set(listed, known);
  }
  return known.version;
}

/**
 * The short answer's figures (`same: true`), as text for the last figures seen per list of ballots:
 * every phone of a reconnecting hall that holds the current version gets the same text until a vote
 * or a check-in moves a figure, instead of serializing each ballot's turnout for itself.
 */
const sameTexts = new WeakMap<readonly ListedBallot[], { version: string; attendanceText: string; turnouts: readonly Turnout[]; text: string }>();

function sameTurnouts(kept: readonly Turnout[], now: readonly Turnout[]): boolean {
  return kept.length === now.length && kept.every((turnout, index) => turnout?.voted === now[index]?.voted && turnout?.eligible === now[index]?.eligible);
}

/**
 * The JSON text, in ASCII, of a kept, frozen value, made once for every phone: the hall's attendance
 * counts, and a representative's description, which a reconnecting phone's handshake reads from
 * memory as the same frozen object each time (src/access/service.ts).
 */
const jsonTexts = new WeakMap<object, string>();

function jsonOf(value: Readonly<object>): string {
  let text = jsonTexts.get(value);
  if (text === undefined) {
    text = asciiJson(value);
    jsonTexts.set(value, text);
  }
  return text;
}

/** What a snapshot may be spared: the representative as just read (see meetingSnapshot), and the version of the meeting's part the page holds. */
export interface KnownToSnapshot {
  you?: MemberDescription;
  version?: string;
}

/** meetingSnapshot as the JSON text a socket sends, the meeting's part serialized once for everyone. */
export async function meetingSnapshotText(context: SnapshotDeps, actor: Actor, meetingId: string | undefined, known: KnownToSnapshot = {}): Promise<EncodedJson> {
  const meeting = await resolveMeetingFor(context, actor, meetingId);
  if (!meeting) return new EncodedJson(JSON.stringify(await meetingSnapshot(context, actor, meetingId, known)));
  assertCanFollow(actor, meeting);
  const you = actor.kind === 'member' ? (known.you?.memberId === actor.memberId ? known.you : await describeMember(context, actor.memberId)) : null;
  const attendance = await liveAttendanceCounts(context, meeting);
  const { listed, visible, turnouts } = await ballotsWithTurnout(context, actor, meeting, attendance.eligible);
  const attendanceText = jsonOf(attendance);
  // Kept like the meeting row: the same object until an agenda, session, document or ballot row changes.
  const agenda = await context.agendaRows.of(context.db, meeting.session_id);
  const version = versionOf(
    listed,
    meeting,
    agenda,
    visible.map(({ view }) => view),
  );
  let shared: { text: string } | undefined;
  if (known.version === version) {
    let same = sameTexts.get(listed);
    if (same?.version !== version || same.attendanceText !== attendanceText || !sameTurnouts(same.turnouts, turnouts)) {
      same = { version, attendanceText, turnouts, text: `"version":"${version}","same":true,"attendance":${attendanceText},"turnouts":${JSON.stringify(turnouts)}` };
      sameTexts.set(listed, same);
    }
    shared = same;
  } else {
    const figures = `${attendanceText}|${turnouts.map((turnout) => (turnout ? `${turnout.voted}/${turnout.eligible}` : '')).join(',')}`;
    let full = sharedTexts.get(listed);
    if (full?.meeting !== meeting || full.agenda !== agenda || full.figures !== figures) {
      const ballots = visible.map(({ view }, index) => ({ ...view, turnout: turnouts[index]! }));
      full = {
        meeting,
        agenda,
        figures,
        text: `"version":"${version}","meeting":${JSON.stringify(presentMeeting(meeting))},"attendance":${attendanceText},"ballots":${JSON.stringify(ballots)},"agenda":${JSON.stringify(agenda)}`,
      };
      sharedTexts.set(listed, full);
    }
    shared = full;
  }
  const rows = visible.map(({ row }) => row);
  // The phone's own part in ASCII: the short answer is then ASCII throughout, kept and written one byte a character.
  const member =
    actor.kind === 'member' && you
      ? `${jsonOf(you).slice(0, -1)},"attendance":${JSON.stringify(await attendanceOf(context, meeting.id, actor.memberId))},"voted":${JSON.stringify(await votedBallots(context, actor.memberId, rows))},"paper":${JSON.stringify(paperBallots(context, actor.memberId, rows))}}`
      : 'null';
  return new EncodedJson(`{${shared.text},"you":${member},"serverTime":${JSON.stringify(context.clock().toISOString())}}`);
}
