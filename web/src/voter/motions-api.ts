// The motions API as the representative's page calls it (src/motions/routes.ts): the shapes it
// returns, and one function per request. Refusals arrive as ApiError, with the server's words.
import { api } from '../shared/api.js';
import { uploadFile } from '../shared/upload.js';

export const motionCategories = ['operations', 'reform', 'welfare', 'safety', 'culture', 'other'] as const;
export type MotionCategory = (typeof motionCategories)[number];
export type MotionState =
  | 'draft' | 'seconding' | 'review' | 'returned' | 'withdrawn' | 'not_accepted' | 'merged'
  | 'resolution' | 'accepted' | 'assigned' | 'replied' | 'rehandling' | 'rated' | 'resolved';
export type MotionEvent =
  | 'edit' | 'submit' | 'second' | 'secondersReached' | 'withdraw' | 'accept' | 'reject' | 'merge' | 'return'
  | 'resubmit' | 'escalate' | 'assign' | 'decline' | 'declineCoHandling' | 'extend' | 'reply'
  | 'rateSatisfied' | 'rateDissatisfied' | 'resolve';
export type Rating = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export type Grade = 'A' | 'B' | 'C' | 'D';
export type Scope = 'mine' | 'seconding' | 'seconded';

interface Person {
  memberId: string;
  name: string;
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
  leadDepartment: { id: string; name: string } | null;
  dueAt: string | null;
  overdue: boolean;
  latestGrade: Grade | null;
  latestRating: Rating | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface MotionReply {
  round: number;
  department: { id: string; name: string };
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

export interface HistoryEntry {
  at: string;
  event: MotionEvent | 'create';
  from: string;
  to: string;
  actor: { kind: 'account' | 'member' | 'system'; name: string };
  onBehalfOf: Person | null;
  note: string | null;
}

export interface Attachment {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  uploadedAt: string;
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
  assignments: { department: { id: string; name: string }; role: 'lead' | 'co'; active: boolean }[];
  extension: { days: number; reason: string } | null;
  replies: MotionReply[];
  resolvedAt: string | null;
  attachments: Attachment[];
  history: HistoryEntry[];
  allowedEvents: MotionEvent[];
}

export interface MotionSettings {
  opensAt: string | null;
  closesAt: string | null;
  requiredSeconders: number;
  collecting: boolean;
}

export interface MotionFields {
  subject: string;
  reasons: string;
  measures: string;
  category: MotionCategory;
}

/** What `motion:updated` carries (src/motions/live.ts). */
export interface MotionUpdated {
  event: string;
  motion: MotionSummary;
}

type Move = 'submit' | 'resubmit' | 'withdraw' | 'seconders' | 'rating';

export const motionsApi = {
  list: async (scope: Scope) => (await api.get<{ motions: MotionSummary[] }>(`/api/motions?scope=${scope}`)).motions,
  get: async (id: string) => (await api.get<{ motion: MotionDetail }>(`/api/motions/${encodeURIComponent(id)}`)).motion,
  settings: async (meetingId: string) => (await api.get<{ settings: MotionSettings }>(`/api/meetings/${encodeURIComponent(meetingId)}/motion-settings`)).settings,
  create: async (meetingId: string, fields: MotionFields) => (await api.post<{ motion: MotionDetail }>(`/api/meetings/${encodeURIComponent(meetingId)}/motions`, fields)).motion,
  edit: async (id: string, fields: MotionFields) => (await api.patch<{ motion: MotionDetail }>(`/api/motions/${encodeURIComponent(id)}`, fields)).motion,
  move: async (id: string, path: Move, body: object = {}) => (await api.post<{ motion: MotionDetail }>(`/api/motions/${encodeURIComponent(id)}/${path}`, body)).motion,
  attach: async (id: string, file: File) => (await uploadFile<{ motion: MotionDetail }>(`/api/motions/${encodeURIComponent(id)}/attachments`, 'file', file)).motion,
  detach: async (id: string, attachmentId: string) => (await api.delete<{ motion: MotionDetail }>(`/api/motions/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`)).motion,
  attachmentUrl: (id: string, attachmentId: string) => `/api/motions/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`,
};
