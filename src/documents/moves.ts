// A document's moves, below the service and the vote alike: who may make one (checked before any
// heavy work), and the row each move writes into the history, with its audit row.
import type { Actor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import type { AppContext } from '../context.js';
import type { DocumentTable } from '../db/database.js';
import { fail } from '../errors.js';
import { recordTransition } from '../state-history.js';
import { type Asker, actorName, askerOf, canSee, partiesFor } from './access.js';
import { type PreparedDiff, prepareDiff } from './draft-diff.js';
import { draftOf, loadHistory } from './history.js';
import * as repository from './repository.js';
import { type DocumentEvent, type DocumentState, documentMachine } from './workflow.js';
import type { DocumentDeps } from './deps.js';

type Executor = AppContext['db'];

export async function visibleDocument(db: Executor, asker: Asker, documentId: string): Promise<DocumentTable> {
  const document = await repository.findDocument(db, documentId);
  if (!document || !canSee(asker, document)) fail('DOCUMENT_NOT_FOUND');
  return document;
}

export async function recordMove(
  context: DocumentDeps,
  asker: Asker | null,
  document: DocumentTable,
  step: { from: DocumentState; to: DocumentState; event: DocumentEvent | 'create'; note: string | null; roundNumber: number | null; detail: Record<string, unknown>; changes?: Partial<DocumentTable> },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  if (!(await repository.updateDocumentInState(context.db, document.id, step.from, { ...step.changes, state: step.to, updated_at: at }))) {
    const current = await repository.findDocument(context.db, document.id);
    fail('DOCUMENT_STATE', { state: current?.state ?? null, event: step.event });
  }
  await recordTransition(context.db, {
    entity: 'document',
    entityId: document.id,
    roundNumber: step.roundNumber,
    at: now,
    event: step.event,
    from: step.from,
    to: step.to,
    actor: asker === null ? null : { kind: asker.kind === 'member' ? 'member' : 'account', id: asker.kind === 'member' ? asker.actor.memberId : asker.actor.id, name: actorName(asker) },
    note: step.note,
    detail: step.detail,
  });
  if (asker && asker.kind !== 'member') {
    await recordAudit(context, asker.actor, `document.${step.event}`, {
      meetingId: document.meeting_id,
      detail: { documentId: document.id, title: document.title, from: step.from, to: step.to, ...step.detail },
    });
  }
}

/**
 * Before any heavy work for a move (reading an upload, diffing a draft): the document exists, the
 * asker may see it, and may make this move in its present state. The move's transaction checks again.
 */
export async function authorizeMove(context: DocumentDeps, actor: Actor, documentId: string, event: 'saveDraft' | 'issue' | 'putToVote'): Promise<{ asker: Asker; document: DocumentTable }> {
  const asker = await askerOf(context.db, actor);
  const document = await visibleDocument(context.db, asker, documentId);
  documentMachine.next(document.state, event, partiesFor(asker, document));
  return { asker, document };
}

/** Issuing or putting to the vote fixes the draft with its diff: that diff is computed first, in the worker. Undefined without a draft. */
export async function prepareFixing(context: DocumentDeps, actor: Actor, documentId: string, event: 'issue' | 'putToVote'): Promise<PreparedDiff | undefined> {
  const { document } = await authorizeMove(context, actor, documentId, event);
  const history = await loadHistory(context.db, document);
  const draft = draftOf(history);
  return draft && prepareDiff(context, history, draft);
}
