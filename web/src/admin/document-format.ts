// Words for documents (二上二下) in the page language: kinds, states, events, outcomes, and tones for badges.
import { type MessageKey, t } from '../i18n/i18n.js';
import type { DocumentKind, DocumentState, ResponseOutcome } from './document-types.js';

const KIND_KEYS: Record<DocumentKind, MessageKey> = {
  collective_contract: 'docKindCollectiveContract',
  rules: 'docKindRules',
  pay_scheme: 'docKindPayScheme',
  reform_plan: 'docKindReformPlan',
  implementing_opinions: 'docKindImplementingOpinions',
  other: 'docKindOther',
};

const STATE_KEYS: Record<DocumentState, MessageKey> = {
  drafting: 'docStateDrafting',
  collecting: 'docStateCollecting',
  consolidating: 'docStateConsolidating',
  responding: 'docStateResponding',
  revising: 'docStateRevising',
  final: 'docStateFinal',
  voting: 'docStateVoting',
  approved: 'docStateApproved',
  rejected: 'docStateRejected',
};

const EVENT_KEYS: Record<string, MessageKey> = {
  create: 'docEventCreate',
  edit: 'docEventEdit',
  saveDraft: 'docEventSaveDraft',
  issue: 'docEventIssue',
  extendDeadline: 'docEventExtendDeadline',
  endCollection: 'docEventEndCollection',
  consolidate: 'docEventConsolidate',
  endConsolidation: 'docEventEndConsolidation',
  closeRound: 'docEventCloseRound',
  closeFinalRound: 'docEventCloseFinalRound',
  linkChanges: 'docEventLinkChanges',
  putToVote: 'docEventPutToVote',
  ballotApproved: 'docEventBallotApproved',
  ballotRejected: 'docEventBallotRejected',
  ballotWithdrawn: 'docEventBallotWithdrawn',
  startRound: 'docEventStartRound',
};

const OUTCOME_KEYS: Record<ResponseOutcome, MessageKey> = {
  adopted: 'docOutcomeAdopted',
  partly_adopted: 'docOutcomePartlyAdopted',
  not_adopted: 'docOutcomeNotAdopted',
};

export const documentKindLabel = (kind: DocumentKind): string => t(KIND_KEYS[kind]);
export const documentStateLabel = (state: string): string => (state in STATE_KEYS ? t(STATE_KEYS[state as DocumentState]) : state);
export const documentEventLabel = (event: string): string => (event in EVENT_KEYS ? t(EVENT_KEYS[event]!) : event);
export const outcomeLabel = (outcome: ResponseOutcome): string => t(OUTCOME_KEYS[outcome]);

/** Collecting and answering want attention; approved is done; rejected is the accent. */
export function documentTone(state: DocumentState): string {
  if (state === 'collecting' || state === 'voting') return 'live';
  if (state === 'consolidating' || state === 'responding') return 'warn';
  if (state === 'approved') return 'done';
  if (state === 'rejected') return 'accent';
  return 'plain';
}

export function outcomeTone(outcome: ResponseOutcome | null): string {
  return outcome === 'adopted' ? 'live' : outcome === 'partly_adopted' ? 'warn' : outcome === 'not_adopted' ? 'accent' : 'plain';
}

/** "b3 b6, b7" → ['b3', 'b6', 'b7']: anchors as the drafters type them. */
export function parseAnchors(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、;；]+/)
        .map((part) => part.trim().toLowerCase())
        .filter((part) => /^b[1-9]\d{0,4}$/.test(part)),
    ),
  ];
}

/** ISO → the value of a datetime-local input, in the browser's time zone. */
export function localInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A block's Markdown as read: no heading hashes or list markers (bullets are drawn by the page). */
export function blockText(text: string): string {
  return text.replace(/^#{1,6}\s+/, '').replace(/^[-*+]\s+/, '');
}
