// Motions (提案) as the API returns them, for the console and the representative's page alike: the
// shapes are the API's own (generated from the OpenAPI document); only the lists the pages offer, in
// their order, are written here, and checked against the API's enums.
import type { components } from '../generated/api.js';

type Schemas = components['schemas'];
/** Compiles only when the two unions hold the same members. */
type SameMembers<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type MotionState = Schemas['MotionState'];
export type MotionCategory = Schemas['MotionCategory'];

export const motionStates = [
  'draft',
  'seconding',
  'review',
  'returned',
  'withdrawn',
  'not_accepted',
  'merged',
  'resolution',
  'accepted',
  'assigned',
  'replied',
  'rehandling',
  'rated',
  'resolved',
] as const;
export const motionCategories = ['operations', 'reform', 'welfare', 'safety', 'culture', 'other'] as const;
/** States in which a department works against a deadline: the server's handlingStates (src/motions/workflow.ts), those the lead department may reply from. */
export const handlingStates: readonly MotionState[] = ['assigned', 'rehandling'];
export type ListsMatchTheApi = [Assert<SameMembers<(typeof motionStates)[number], MotionState>>, Assert<SameMembers<(typeof motionCategories)[number], MotionCategory>>];

export type MotionSummary = Schemas['MotionSummary'];
export type MotionDetail = Schemas['MotionDetail'];
export type MotionEvent = MotionDetail['allowedEvents'][number];
export type HistoryEntry = Schemas['MotionHistoryEntry'];
export type MotionReply = MotionDetail['replies'][number];
export type Attachment = MotionDetail['attachments'][number];
export type Person = MotionSummary['proposer'];
export type DepartmentRef = NonNullable<MotionSummary['leadDepartment']>;
export type Department = Schemas['Department'];
export type Grade = Schemas['ReplyGrade'];
export type Rating = Schemas['ReplyRating'];
export type MotionSettings = Schemas['MotionSettings'];
export type Dashboard = Schemas['MotionDashboard'];
export type Rate = Dashboard['rates']['acceptance'];
export type DeadlineEntry = Dashboard['overdue'][number];

/** What `motion:updated` carries (src/motions/live.ts). */
export interface MotionUpdated {
  event: string;
  motion: MotionSummary;
}
