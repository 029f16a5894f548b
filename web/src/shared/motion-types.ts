// Motions (提案) as the API returns them (the shapes of src/motions/schemas.ts), for the console
// and the representative's page alike.
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
export type MotionState = (typeof motionStates)[number];

export const motionCategories = ['operations', 'reform', 'welfare', 'safety', 'culture', 'other'] as const;
export type MotionCategory = (typeof motionCategories)[number];

export type MotionEvent =
  | 'edit'
  | 'submit'
  | 'second'
  | 'secondersReached'
  | 'withdraw'
  | 'accept'
  | 'reject'
  | 'merge'
  | 'return'
  | 'resubmit'
  | 'escalate'
  | 'assign'
  | 'decline'
  | 'declineCoHandling'
  | 'extend'
  | 'reply'
  | 'rateSatisfied'
  | 'rateDissatisfied'
  | 'resolve';

export type Grade = 'A' | 'B' | 'C' | 'D';
export type Rating = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

export interface Person {
  memberId: string;
  name: string;
}

export interface DepartmentRef {
  id: string;
  name: string;
}

export interface Department extends DepartmentRef {
  disabled: boolean;
  createdAt: string;
}

export interface MotionSummary {
  id: string;
  meetingId: string;
  number: string | null;
  subject: string;
  category: MotionCategory;
  state: MotionState;
  stateName: string;
  proposer: Person;
  onPaper: boolean;
  seconderCount: number;
  leadDepartment: DepartmentRef | null;
  dueAt: string | null;
  overdue: boolean;
  latestGrade: Grade | null;
  latestRating: Rating | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface HistoryEntry {
  at: string;
  event: MotionEvent | 'create';
  from: string;
  to: string;
  actor: { kind: 'account' | 'member' | 'system'; name: string };
  onBehalfOf: Person | null;
  note: string | null;
}

export interface MotionReply {
  round: number;
  department: DepartmentRef;
  author: string;
  content: string;
  grade: Grade;
  repliedAt: string;
  dueAt: string;
  onTime: boolean;
  rating: Rating | null;
  ratingComment: string | null;
  ratedAt: string | null;
}

export interface MotionDetail extends MotionSummary {
  reasons: string;
  measures: string;
  enteredBy: string | null;
  seconders: (Person & { secondedAt: string; onPaper: boolean })[];
  proposers: Person[];
  mergedInto: { id: string; number: string | null; subject: string } | null;
  mergedFrom: { id: string; number: string | null; subject: string; proposer: Person; seconders: Person[] }[];
  rejection: { reason: string; convertedToSuggestion: boolean } | null;
  resolutionBallotId: string | null;
  assignments: { department: DepartmentRef; role: 'lead' | 'co'; assignedAt: string; active: boolean; declinedAt: string | null; declineReason: string | null }[];
  extension: { days: number; reason: string } | null;
  replies: MotionReply[];
  resolvedAt: string | null;
  resolutionNote: string | null;
  attachments: Attachment[];
  history: HistoryEntry[];
  allowedEvents: MotionEvent[];
}

export interface Attachment {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
}

export interface MotionSettings {
  meetingId: string;
  opensAt: string | null;
  closesAt: string | null;
  requiredSeconders: number;
  declineWindowDays: number;
  replyDeadlineDays: number;
  extensionMaxDays: number;
  numberYear: number | null;
  collecting: boolean;
}

export interface Rate {
  count: number;
  of: number;
  percent: number | null;
}

export interface DeadlineEntry {
  id: string;
  number: string | null;
  subject: string;
  state: MotionState;
  leadDepartment: DepartmentRef | null;
  dueAt: string;
  daysLeft: number;
}

export interface Dashboard {
  asOf: string;
  meetingId: string | null;
  submitted: number;
  byStatus: Record<MotionState, number>;
  byCategory: { category: MotionCategory; name: string; submitted: number; accepted: number; resolved: number }[];
  byDepartment: {
    department: DepartmentRef;
    assigned: number;
    replied: number;
    repliedOnTime: number;
    overdue: number;
    resolved: number;
    satisfied: number;
    basicallySatisfied: number;
    dissatisfied: number;
  }[];
  rates: { acceptance: Rate; onTimeReply: Rate; resolution: Rate; satisfaction: Rate; satisfactionWithBasic: Rate };
  overdue: DeadlineEntry[];
  dueSoon: DeadlineEntry[];
}

/** What `motion:updated` carries (src/motions/live.ts). */
export interface MotionUpdated {
  event: string;
  motion: MotionSummary;
}
