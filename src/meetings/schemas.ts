// zod schemas for meetings, their settings and attendance.
import { z } from 'zod';
import { MEMBER_ROLES } from '../actors.js';
import { DISPLAY_STEPS } from '../events.js';
import { idSchema } from '../http/routes.js';
import { ATTENDANCE_STATUSES, MEETING_KINDS, MEETING_SITTINGS, MEETING_STATES, TWO_PERSON_CONTROLS } from './workflow.js';

export const meetingKind = z.enum(MEETING_KINDS);
export const meetingState = z.enum(MEETING_STATES);
export const meetingSitting = z.enum(MEETING_SITTINGS);
export const attendanceStatus = z.enum(ATTENDANCE_STATUSES);
export const twoPersonControl = z
  .enum(TWO_PERSON_CONTROLS)
  .describe(
    '双人确认: which steps of a secret electronic ballot need both the secretary and a scrutineer (监票人): none; close_publish (close and publish); all (open, close and publish). Cannot change while a ballot of the meeting is open',
  );

const quorumFraction = z
  .object({ numerator: z.number().int().min(1).max(100), denominator: z.number().int().min(1).max(100) })
  .strict()
  .refine((fraction) => fraction.numerator <= fraction.denominator, { message: 'numerator must not exceed denominator' });

export const meetingInput = z
  .object({
    termId: idSchema,
    title: z.string().trim().min(1).max(120),
    kind: meetingKind.default('congress'),
    sitting: meetingSitting
      .default('plenary')
      .describe('预备会议 preparatory, 正式会议 plenary, 临时会议 extraordinary (a sitting of an extraordinary session), 联席会议 joint (between sessions, in none)'),
    sessionId: idSchema.nullable().optional().describe('The session (第N次会议) this sitting belongs to'),
    sessionNumber: z.number().int().min(1).max(99).nullable().optional().describe('Or its number: a number the term has no session for yet makes one'),
    quorum: quorumFraction.optional().describe('Defaults to the term’s rules (a joint meeting: its joint quorum)'),
    twoPersonControl: twoPersonControl.default('none'),
  })
  .strict();
export const meetingPatch = meetingInput.omit({ termId: true, sitting: true, sessionId: true }).extend({ twoPersonControl }).partial().strict();

export const attendanceCounts = z
  .object({
    eligible: z.number(),
    present: z.number(),
    onLeave: z.number(),
    absent: z.number(),
    attendees: z.number(),
    attendeesPresent: z.number(),
    quorum: z.object({ required: z.number(), reached: z.boolean(), numerator: z.number(), denominator: z.number() }),
  })
  .meta({ id: 'AttendanceCounts' });

export const meeting = z
  .object({
    id: z.string(),
    termId: z.string(),
    title: z.string(),
    kind: meetingKind,
    sessionNumber: z.number().nullable(),
    sessionId: z.string().nullable(),
    sitting: meetingSitting,
    currentAgendaItemId: z.string().nullable().describe('The agenda item this sitting is on now (a move publishes meeting:updated)'),
    presidingChairMemberId: z.string().nullable().describe('执行主席 of this sitting'),
    state: meetingState,
    quorum: z.object({ numerator: z.number(), denominator: z.number() }),
    hasDisplayToken: z.boolean(),
    twoPersonControl,
    createdAt: z.string(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'Meeting' });

export const attendanceEntry = z
  .object({
    memberId: z.string(),
    name: z.string(),
    staffNumber: z.string(),
    role: z.enum(MEMBER_ROLES),
    delegationId: z.string().nullable(),
    delegationName: z.string().nullable(),
    status: z.enum([...ATTENDANCE_STATUSES, 'not_checked_in']),
  })
  .meta({ id: 'AttendanceEntry' });

export const displayPage = z
  .object({
    ballotId: idSchema,
    step: z.enum(DISPLAY_STEPS).describe('previous / next: a page back or on, and the projector stops paging this ballot by itself; auto: it pages by itself again'),
  })
  .strict();

export const attendanceMark = z.object({ status: attendanceStatus }).strict();

export type MeetingInput = z.infer<typeof meetingInput>;
export type MeetingPatch = z.infer<typeof meetingPatch>;
export type AttendanceCounts = z.infer<typeof attendanceCounts>;
