// What each allowed move does besides changing the state: issuing a version down with a deadline,
// taking opinions, a delegation's submission, responses, closing a round, linking changes and
// starting a new round. Each runs inside the move's transaction after workflow.ts allowed it; the
// guards here depend on data (deadlines, anchors, whose opinions, unanswered ones …).
import { randomId } from '../access/codes.js';
import type { DocumentRoundTable, DocumentTable } from '../db/database.js';
import { fail } from '../errors.js';
import { assertWithinQuota, ROW_OVERHEAD_BYTES, textBytes } from '../storage/quotas.js';
import { getDepartment } from '../departments/service.js';
import { type Asker, actorName } from './access.js';
import type { PreparedDiff } from './draft-diff.js';
import { blocksOf, currentRound, type History, versionById } from './history.js';
import * as repository from './repository.js';
import type { DocumentAction, DocumentPatch } from './schemas.js';
import { type DraftText, fixDraft, saveDraft } from './versions.js';
import type { DocumentEvent } from './workflow.js';
import type { DocumentDeps } from './deps.js';

export type DocumentMove = Exclude<DocumentAction, { action: 'putToVote' }> | { action: 'edit'; patch: DocumentPatch } | ({ action: 'saveDraft' } & DraftText);

export interface Step {
  /** Its db is the move's transaction. */
  context: DocumentDeps;
  asker: Asker;
  history: History;
  event: DocumentEvent;
  now: Date;
  /** For an issue: the draft's diff, computed in the worker before the transaction. */
  prepared?: PreparedDiff | undefined;
}

export interface Outcome {
  changes?: Partial<DocumentTable>;
  detail?: Record<string, unknown>;
  /** Opinions and responses are rows of their own: no history row for each. */
  quiet?: boolean;
  roundNumber?: number | null;
  /** An original file that no draft points to any more. */
  orphanedFile?: string | null;
}

function openRound(history: History): DocumentRoundTable {
  return currentRound(history) ?? fail('DOCUMENT_STATE', { state: history.document.state });
}

export function requireAnchor(history: History, versionId: string, anchor: string): void {
  const version = versionById(history, versionId);
  if (!version || !blocksOf(version).some((block) => block.anchor === anchor)) fail('DOCUMENT_ANCHOR_UNKNOWN', { anchor, versionId });
}

function futureDeadline(deadline: string, now: Date): string {
  const at = new Date(deadline);
  if (at.getTime() <= now.getTime()) fail('DOCUMENT_DEADLINE_INVALID', { deadline });
  return at.toISOString();
}

async function edit({ context, history }: Step, patch: DocumentPatch): Promise<Outcome> {
  const changes: Partial<DocumentTable> = {};
  if (patch.title !== undefined) changes.title = patch.title;
  if (patch.kind !== undefined) changes.kind = patch.kind;
  if (patch.draftingDepartmentId !== undefined) {
    const department = await getDepartment(context, patch.draftingDepartmentId);
    if (department.disabled) fail('DEPARTMENT_DISABLED', { departmentId: department.id });
    Object.assign(changes, { drafting_department_id: department.id, drafting_department_name: department.name });
  }
  if (patch.draftingDepartmentName !== undefined) Object.assign(changes, { drafting_department_id: null, drafting_department_name: patch.draftingDepartmentName });
  if (patch.rounds !== undefined) {
    const held = history.rounds.length;
    // Once the last round has closed the document waits for the vote; more rounds would need it back in revision.
    const lowest = Math.max(1, held);
    if (patch.rounds < lowest || (history.document.state === 'final' && patch.rounds !== held)) fail('DOCUMENT_ROUNDS_INVALID', { held, requested: patch.rounds, state: history.document.state });
    changes.rounds_planned = patch.rounds;
  }
  return { changes, detail: { fields: Object.keys(patch) } };
}

async function issue({ context, history, now, prepared }: Step, move: Extract<DocumentMove, { action: 'issue' }>): Promise<Outcome> {
  const deadline = futureDeadline(move.deadline, now);
  const version = await fixDraft(context.db, history, 'round', now, prepared);
  const number = history.rounds.length + 1;
  await repository.insertRound(context.db, {
    id: randomId(context.random),
    document_id: history.document.id,
    number,
    version_id: version.id,
    state: 'collecting',
    deadline_at: deadline,
    issued_at: now.toISOString(),
    collection_ended_at: null,
    consolidation_ended_at: null,
    closed_at: null,
  });
  return { roundNumber: number, detail: { versionId: version.id, versionNumber: version.number, deadline } };
}

async function extendDeadline({ context, history, now }: Step, move: Extract<DocumentMove, { action: 'extendDeadline' }>): Promise<Outcome> {
  const round = openRound(history);
  const deadline = futureDeadline(move.deadline, now);
  await repository.updateRound(context.db, round.id, { deadline_at: deadline });
  return { roundNumber: round.number, detail: { from: round.deadline_at, deadline } };
}

async function submitOpinion({ context, asker, history, now }: Step, move: Extract<DocumentMove, { action: 'submitOpinion' }>): Promise<Outcome> {
  if (asker.kind !== 'member') return fail('FORBIDDEN');
  const round = openRound(history);
  if (now.getTime() > Date.parse(round.deadline_at)) fail('DOCUMENT_DEADLINE_PASSED', { deadlineAt: round.deadline_at });
  if (move.versionId && move.versionId !== round.version_id)
    fail('DOCUMENT_ANCHOR_UNKNOWN', { versionId: move.versionId, reason: 'opinions are taken on the version issued in this round', currentVersionId: round.version_id });
  requireAnchor(history, round.version_id, move.anchor);
  const delegationId = asker.actor.delegationId ?? fail('DOCUMENT_NO_DELEGATION');
  await assertWithinQuota(context, { memberId: asker.actor.memberId, bytes: textBytes(move.content, move.anchor) + ROW_OVERHEAD_BYTES });
  const id = randomId(context.random);
  await repository.insertOpinion(context.db, {
    id,
    document_id: history.document.id,
    round_id: round.id,
    version_id: round.version_id,
    anchor: move.anchor,
    member_id: asker.actor.memberId,
    member_name: asker.actor.name,
    member_role: asker.actor.role,
    delegation_id: delegationId,
    content: move.content,
    created_at: now.toISOString(),
  });
  return { quiet: true, roundNumber: round.number, detail: { opinionId: id, delegationId } };
}

async function endPhase({ context, history, now }: Step, phase: 'collection' | 'consolidation'): Promise<Outcome> {
  const round = openRound(history);
  const at = now.toISOString();
  if (phase === 'collection') await repository.updateRound(context.db, round.id, { state: 'consolidating', collection_ended_at: at });
  else {
    // A delegation that gave no opinion agrees; one that did must send its opinions up first.
    const withOpinions = new Set(history.opinions.filter((opinion) => opinion.round_id === round.id).map((opinion) => opinion.delegation_id));
    const submitted = new Set(history.submissions.filter((entry) => entry.round_id === round.id).map((entry) => entry.delegation_id));
    const missing = [...withOpinions].filter((id) => !submitted.has(id)).map((id) => ({ id, name: history.delegationNames.get(id) ?? '' }));
    if (missing.length) fail('DOCUMENT_SUBMISSIONS_MISSING', { delegations: missing });
    await repository.updateRound(context.db, round.id, { state: 'responding', consolidation_ended_at: at });
  }
  return { roundNumber: round.number };
}

function delegationFor(asker: Asker, history: History, requested: string | undefined): string {
  if (asker.kind === 'member') {
    const delegationId = requested ?? asker.leads[0];
    if (!delegationId || !asker.leads.includes(delegationId)) fail('FORBIDDEN', { reason: 'a leader sends up their own delegation’s opinions' });
    return delegationId;
  }
  if (!requested) fail('VALIDATION_FAILED', { path: 'delegationId', message: 'name the delegation consolidated on its behalf' });
  if (!history.delegationNames.has(requested)) fail('DELEGATION_NOT_FOUND');
  return requested;
}

async function consolidate({ context, asker, history, now }: Step, move: Extract<DocumentMove, { action: 'consolidate' }>): Promise<Outcome> {
  const round = openRound(history);
  const delegationId = delegationFor(asker, history, move.delegationId);
  const own = new Set(history.opinions.filter((opinion) => opinion.round_id === round.id && opinion.delegation_id === delegationId).map((opinion) => opinion.id));
  const cited = move.items.flatMap((item) => item.sourceOpinionIds);
  const foreign = cited.filter((id) => !own.has(id));
  if (foreign.length || new Set(cited).size !== cited.length) fail('DOCUMENT_SUBMISSION_INVALID', { foreign, duplicated: cited.length - new Set(cited).size });
  for (const item of move.items) requireAnchor(history, round.version_id, item.anchor);
  const submissionId = randomId(context.random);
  const items = move.items.map((item, index) => ({
    row: {
      id: randomId(context.random),
      submission_id: submissionId,
      document_id: history.document.id,
      round_id: round.id,
      delegation_id: delegationId,
      sequence: index + 1,
      anchor: item.anchor,
      content: item.content,
    },
    sources: [...item.sourceOpinionIds],
  }));
  await repository.replaceSubmission(
    context.db,
    {
      id: submissionId,
      document_id: history.document.id,
      round_id: round.id,
      delegation_id: delegationId,
      note: move.note ?? null,
      submitted_by_kind: asker.kind === 'member' ? 'member' : 'account',
      submitted_by_id: asker.kind === 'member' ? asker.actor.memberId : asker.actor.id,
      submitted_by_name: actorName(asker),
      submitted_at: now.toISOString(),
    },
    items,
  );
  return { roundNumber: round.number, detail: { delegationId, items: items.length, cited: cited.length, dropped: own.size - cited.length, onBehalf: asker.kind !== 'member' } };
}

async function respond({ context, asker, history, now }: Step, move: Extract<DocumentMove, { action: 'respond' }>): Promise<Outcome> {
  const round = openRound(history);
  const item = history.consolidated.find((entry) => entry.id === move.consolidatedId && entry.round_id === round.id) ?? fail('DOCUMENT_OPINION_NOT_FOUND', { consolidatedId: move.consolidatedId });
  if (asker.kind === 'member') return fail('FORBIDDEN');
  await repository.upsertResponse(context.db, {
    consolidated_id: item.id,
    document_id: history.document.id,
    round_id: round.id,
    outcome: move.outcome,
    reason: move.reason ?? null,
    changed_anchors: JSON.stringify([...new Set(move.changedAnchors)]),
    responder_account_id: asker.actor.id,
    responder_name: actorName(asker),
    responded_at: now.toISOString(),
  });
  return { quiet: true, roundNumber: round.number, detail: { consolidatedId: item.id, outcome: move.outcome } };
}

async function closeRound({ context, history, now }: Step): Promise<Outcome> {
  const round = openRound(history);
  const unanswered = history.consolidated.filter((item) => item.round_id === round.id && !history.responses.has(item.id)).length;
  if (unanswered) fail('DOCUMENT_UNANSWERED', { unanswered, roundNumber: round.number });
  await repository.updateRound(context.db, round.id, { state: 'closed', closed_at: now.toISOString() });
  return { roundNumber: round.number };
}

/** Between rounds, the drafters say which blocks of the revision answer an opinion of the round just closed. */
async function linkChanges({ context, history }: Step, move: Extract<DocumentMove, { action: 'linkChanges' }>): Promise<Outcome> {
  const closed = history.rounds.filter((round) => round.state === 'closed').at(-1);
  const item = history.consolidated.find((entry) => entry.id === move.consolidatedId && entry.round_id === closed?.id) ?? fail('DOCUMENT_OPINION_NOT_FOUND', { consolidatedId: move.consolidatedId });
  await repository.updateChangedAnchors(context.db, item.id, [...new Set(move.changedAnchors)]);
  return { roundNumber: closed?.number ?? null, detail: { consolidatedId: item.id, changedAnchors: move.changedAnchors } };
}

/** A rejected document goes back for revision with one more round than it has had. */
function startRound({ history }: Step): Outcome {
  const rounds = Math.max(history.document.rounds_planned, history.rounds.length + 1);
  return { changes: { rounds_planned: rounds }, detail: { roundsPlanned: rounds } };
}

export async function applyEffect(step: Step, move: DocumentMove): Promise<Outcome> {
  switch (move.action) {
    case 'edit':
      return edit(step, move.patch);
    case 'saveDraft': {
      const saved = await saveDraft(step.context, step.history, move, actorName(step.asker), step.now, () => randomId(step.context.random));
      return { detail: { versionId: saved.versionId, versionNumber: saved.number, source: move.source }, orphanedFile: saved.replacedOriginal };
    }
    case 'issue':
      return issue(step, move);
    case 'extendDeadline':
      return extendDeadline(step, move);
    case 'submitOpinion':
      return submitOpinion(step, move);
    case 'endCollection':
      return endPhase(step, 'collection');
    case 'consolidate':
      return consolidate(step, move);
    case 'endConsolidation':
      return endPhase(step, 'consolidation');
    case 'respond':
      return respond(step, move);
    case 'closeRound':
      return closeRound(step);
    case 'linkChanges':
      return linkChanges(step, move);
    case 'startRound':
      return startRound(step);
  }
}
