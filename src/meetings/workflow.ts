// A meeting's state machine: draft → in_session → closed, opened and closed by the secretariat.
// MEETING_KINDS, MEETING_STATES and ATTENDANCE_STATUSES are the one declaration of those enums
// (column types and the API derive from them; a test compares them with the migrations' CHECKs).
import type { AccountRole } from '../actors.js';
import { defineMachine } from '../state-machine.js';

/** 职工代表大会 (a congress of representatives) or 职工大会 (a general assembly of all staff). */
export const MEETING_KINDS = ['congress', 'general_assembly'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
/**
 * Which sitting a meeting is (issue 12): 预备会议 (a session's preparatory meeting), 正式会议 (a plenary
 * sitting), 临时会议 (a sitting of an extraordinary session) or 联席会议 (a joint meeting between sessions,
 * which belongs to no session).
 */
export const MEETING_SITTINGS = ['preparatory', 'plenary', 'extraordinary', 'joint'] as const;
export type MeetingSitting = (typeof MEETING_SITTINGS)[number];
export const MEETING_STATES = ['draft', 'in_session', 'closed'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];
/**
 * 双人确认: which steps of a secret electronic ballot need both the secretary and a scrutineer (监票人).
 * none: the secretary alone (the scrutineer may close, as always); close_publish: closing and
 * publishing; all: opening too. The rule reading it is src/ballots/two-person.ts.
 */
export const TWO_PERSON_CONTROLS = ['none', 'close_publish', 'all'] as const;
export type TwoPersonControl = (typeof TWO_PERSON_CONTROLS)[number];
export const ATTENDANCE_STATUSES = ['present', 'absent', 'on_leave'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const MEETING_EVENTS = ['open', 'close'] as const;
export type MeetingEvent = (typeof MEETING_EVENTS)[number];

/** No row: MEETING_STATE naming the current state. */
export const meetingMachine = defineMachine<MeetingState, MeetingEvent, AccountRole>({
  states: MEETING_STATES,
  events: MEETING_EVENTS,
  parties: ['secretary', 'scrutineer', 'handler', 'committee'],
  transitions: [
    { from: 'draft', event: 'open', to: 'in_session', parties: ['secretary'] },
    { from: 'in_session', event: 'close', to: 'closed', parties: ['secretary'] },
  ],
  wrongState: { code: 'MEETING_STATE', details: (state) => ({ state }) },
});

/** The column stamped when a move lands. */
export const meetingStamps = { open: 'opened_at', close: 'closed_at' } as const satisfies Record<MeetingEvent, string>;
