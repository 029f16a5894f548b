// The documents API as the representative's page calls it (src/documents/routes.ts): the issued
// documents of the meeting, one document's current version and rounds, an opinion, a submission.
import { api } from '../shared/api.js';
import type { DocumentDetail, DocumentSummary } from '../shared/api-types.js';

export type { Block, Consolidated, DocumentDetail, DocumentSummary, Opinion, Round } from '../shared/api-types.js';

export interface SubmissionItem {
  anchor: string;
  content: string;
  sourceOpinionIds: string[];
}

const path = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export const documentsApi = {
  list: async (meetingId: string) => (await api.get<{ documents: DocumentSummary[] }>(`/api/meetings/${encodeURIComponent(meetingId)}/documents`)).documents,
  get: async (id: string) => (await api.get<{ document: DocumentDetail }>(path(id))).document,
  opinion: async (id: string, body: { anchor: string; content: string; versionId: string }) => (await api.post<{ document: DocumentDetail }>(`${path(id)}/opinions`, body)).document,
  submit: async (id: string, body: { items: SubmissionItem[]; note?: string }) => (await api.post<{ document: DocumentDetail }>(`${path(id)}/submissions`, body)).document,
};
