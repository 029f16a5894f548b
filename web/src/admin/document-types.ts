// The documents (二上二下) API's shapes as the console reads them (src/documents/schemas.ts).
import type { Ballot } from './types.js';

export const documentKinds = ['collective_contract', 'rules', 'pay_scheme', 'reform_plan', 'implementing_opinions', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export type DocumentState = 'drafting' | 'collecting' | 'consolidating' | 'responding' | 'revising' | 'final' | 'voting' | 'approved' | 'rejected';
export type DocumentEvent =
  | 'edit'
  | 'saveDraft'
  | 'issue'
  | 'extendDeadline'
  | 'submitOpinion'
  | 'endCollection'
  | 'consolidate'
  | 'endConsolidation'
  | 'respond'
  | 'closeRound'
  | 'closeFinalRound'
  | 'linkChanges'
  | 'putToVote'
  | 'ballotApproved'
  | 'ballotRejected'
  | 'ballotWithdrawn'
  | 'startRound';
export type ResponseOutcome = 'adopted' | 'partly_adopted' | 'not_adopted';
export const responseOutcomes: readonly ResponseOutcome[] = ['adopted', 'partly_adopted', 'not_adopted'];

export interface DocumentSummary {
  id: string;
  meetingId: string;
  termId: string;
  title: string;
  kind: DocumentKind;
  kindName: string;
  draftingDepartment: { id: string | null; name: string };
  roundsPlanned: number;
  state: DocumentState;
  stateName: string;
  currentRound: number | null;
  deadlineAt: string | null;
  outcome: 'approved' | 'rejected' | null;
  createdAt: string;
  updatedAt: string;
}

export interface Block {
  anchor: string;
  kind: 'heading' | 'paragraph' | 'list_item';
  text: string;
  label: string;
}

export interface DiffChange {
  kind: 'unchanged' | 'changed' | 'added' | 'removed';
  oldAnchor: string | null;
  newAnchor: string | null;
  label: string;
  oldText: string | null;
  newText: string | null;
  segments: { op: 'equal' | 'insert' | 'delete'; text: string }[];
  answers: string[];
}

export interface AdoptionCounts {
  consolidated: number;
  adopted: number;
  partlyAdopted: number;
  notAdopted: number;
  unanswered: number;
}

export interface ResponseView {
  outcome: ResponseOutcome;
  reason: string | null;
  changedAnchors: string[];
}

export interface AdoptionReport {
  roundNumber: number;
  counts: AdoptionCounts & { opinions: number; dropped: number };
  byDelegation: (AdoptionCounts & { delegationId: string; name: string })[];
  entries: { consolidatedId: string; delegationId: string; delegationName: string; anchor: string; label: string; content: string; sourceCount: number; response: ResponseView | null }[];
  markdown: string;
}

export interface VersionSummary {
  id: string;
  number: number;
  source: 'markdown' | 'docx';
  issuedAt: string | null;
  issuedFor: 'round' | 'vote' | null;
  authorName: string;
  updatedAt: string;
  original: { filename: string; size: number } | null;
}

export interface VersionDetail extends VersionSummary {
  text: string;
  blocks: Block[];
  previousVersionId: string | null;
  diff: { changes: DiffChange[]; counts: Record<'unchanged' | 'changed' | 'added' | 'removed', number> } | null;
  adoptionReport: AdoptionReport | null;
}

export interface Opinion {
  id: string;
  roundNumber: number;
  versionId: string;
  anchor: string;
  content: string;
  memberId: string | null;
  memberName: string | null;
  memberRole: 'representative' | 'attendee';
  delegationId: string;
  createdAt: string;
  fate: 'pending' | 'included' | 'dropped';
  consolidatedId: string | null;
}

export interface Consolidated {
  id: string;
  delegationId: string;
  delegationName: string;
  sequence: number;
  anchor: string;
  label: string;
  content: string;
  sourceOpinionIds: string[];
  response: (ResponseView & { responderName: string; respondedAt: string }) | null;
}

export interface OpinionCount {
  delegationId: string;
  name: string;
  opinions: number;
  submitted?: boolean;
}

export interface Round {
  id: string;
  number: number;
  names: { down: string; up: string };
  versionId: string;
  state: 'collecting' | 'consolidating' | 'responding' | 'closed';
  deadlineAt: string;
  issuedAt: string;
  collectionEndedAt: string | null;
  consolidationEndedAt: string | null;
  closedAt: string | null;
  opinionCounts: (OpinionCount & { submitted: boolean })[];
  opinions: Opinion[];
  submissions: { id: string; delegationId: string; delegationName: string; note: string | null; submittedByName: string; submittedAt: string }[];
  consolidated: Consolidated[];
  adoption: AdoptionCounts;
}

export interface DocumentVote {
  ballotId: string;
  itemIndex: number;
  itemTitle: string;
  versionId: string;
  outcome: 'approved' | 'rejected' | null;
  settledAt: string | null;
  ballot: Ballot | null;
}

export interface HistoryEntry {
  at: string;
  event: string;
  from: string;
  to: string;
  roundNumber: number | null;
  actorName: string;
  note: string | null;
}

export interface DocumentDetail extends DocumentSummary {
  versions: VersionSummary[];
  draft: VersionDetail | null;
  currentVersion: VersionDetail | null;
  rounds: Round[];
  adoption: AdoptionCounts;
  votes: DocumentVote[];
  history: HistoryEntry[];
  allowedEvents: DocumentEvent[];
  you: { delegationIds: string[] } | null;
}

export interface ConsultationRecord {
  document: DocumentSummary;
  versions: (VersionSummary & { blockCount: number })[];
  rounds: {
    number: number;
    names: { down: string; up: string };
    versionNumber: number;
    issuedAt: string;
    deadlineAt: string;
    closedAt: string | null;
    opinions: number;
    report: AdoptionReport;
    originals: Opinion[];
  }[];
  adoption: AdoptionCounts;
  votes: DocumentVote[];
  generatedAt: string;
}

/** What `document:opinions` pushes to the secretariat and the drafters (src/documents/live.ts). */
export interface OpinionCounts {
  documentId: string;
  roundId?: string;
  roundNumber: number;
  total: number;
  byDelegation: OpinionCount[];
}
