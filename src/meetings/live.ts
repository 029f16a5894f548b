// The full picture of a meeting for one viewer: sent on every (re)connect, so a phone that dropped
// off the hall Wi-Fi is right again at once.
import type { Actor } from '../actors.js';
import { votedBallots } from '../ballots/casting.js';
import { listBallotsFor } from '../ballots/service.js';
import type { AppContext } from '../context.js';
import { fail } from '../errors.js';
import * as rosterRepository from '../roster/repository.js';
import { assertCanFollow, attendanceOf, currentMeetingFor, getMeeting, liveAttendanceCounts, presentMeeting } from './service.js';

export async function resolveMeetingFor(context: AppContext, actor: Actor, meetingId: string | undefined) {
  if (meetingId) return getMeeting(context, meetingId);
  if (actor.kind === 'display') return getMeeting(context, actor.meetingId);
  if (actor.kind === 'member') return (await currentMeetingFor(context, actor)) ?? null;
  return fail('MEETING_NOT_FOUND');
}

export async function meetingSnapshot(context: AppContext, actor: Actor, meetingId: string | undefined) {
  const meeting = await resolveMeetingFor(context, actor, meetingId);
  const you = actor.kind === 'member' ? await describeMember(context, actor.memberId) : null;
  if (!meeting) return { meeting: null, attendance: null, ballots: [], you: you && { ...you, attendance: 'not_checked_in' as const, voted: [] }, serverTime: context.clock().toISOString() };
  assertCanFollow(actor, meeting);
  // The meeting-wide figures come from memory: a whole hall reconnecting must not count the roster per phone.
  const attendance = await liveAttendanceCounts(context, meeting);
  const ballots = await listBallotsFor(context, actor, meeting, attendance.eligible);
  const member = actor.kind === 'member' && you ? { ...you, attendance: await attendanceOf(context, meeting.id, actor.memberId), voted: await votedBallots(context, actor.memberId, ballots) } : null;
  return { meeting: presentMeeting(meeting), attendance, ballots, you: member, serverTime: context.clock().toISOString() };
}

async function describeMember(context: AppContext, memberId: string) {
  const member = (await rosterRepository.findMemberWithDelegation(context.db, memberId)) ?? fail('MEMBER_NOT_FOUND');
  return { memberId: member.id, name: member.name, role: member.role, delegationName: member.delegation_name ?? null };
}
