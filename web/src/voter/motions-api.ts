// The motions API as the representative's page calls it (src/motions/routes.ts): the shapes it
// returns, and one function per request. Refusals arrive as ApiError, with the server's words.
import { api } from '../shared/api.js';
import { uploadFile } from '../shared/upload.js';

import type { MotionCategory, MotionDetail, MotionSettings, MotionSummary } from '../shared/motion-types.js';

export type {
  Attachment,
  Grade,
  HistoryEntry,
  MotionCategory,
  MotionDetail,
  MotionEvent,
  MotionReply,
  MotionSettings,
  MotionState,
  MotionSummary,
  MotionUpdated,
  Rating,
} from '../shared/motion-types.js';
export { motionCategories } from '../shared/motion-types.js';
export type Scope = 'mine' | 'seconding' | 'seconded';

export interface MotionFields {
  subject: string;
  reasons: string;
  measures: string;
  category: MotionCategory;
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
