// Versions of a document: one unissued draft at a time, edited freely (text or an uploaded .docx);
// fixed for good when issued down or put to the vote, with the diff against the version before and
// the adoption report of the round just closed frozen into it.
import type { AppContext } from '../context.js';
import type { DocumentVersionTable } from '../db/database.js';
import { fail } from '../errors.js';
import type { AdoptionReport } from './adoption.js';
import { splitBlocks } from './blocks.js';
import { type VersionDiff, withLinks } from './diff.js';
import { type PreparedDiff, preparedDiffFor } from './draft-diff.js';
import { blocksOf, changeLinks, draftOf, type History, latestIssued, roundReport } from './history.js';
import { assertWithinQuota, ROW_OVERHEAD_BYTES, textBytes } from '../storage/quotas.js';
import * as repository from './repository.js';

type Executor = Parameters<typeof repository.findDocument>[0];

export interface DraftText {
  text: string;
  source: 'markdown' | 'docx';
  original?: { storedName: string; filename: string; size: number } | undefined;
}

/** What a draft takes: its text, its blocks and its Word file. */
function draftBytes(draft: Pick<DocumentVersionTable, 'text' | 'blocks' | 'original_size'>): number {
  return textBytes(draft.text, draft.blocks) + (draft.original_size ?? 0) + ROW_OVERHEAD_BYTES;
}

/**
 * Replaces the draft's text, or starts a draft numbered after the last version, within the drafting
 * department's quota (and the total). Returns a replaced original file to remove.
 */
export async function saveDraft(
  context: Pick<AppContext, 'db' | 'config' | 'storage'>,
  history: History,
  input: DraftText,
  authorName: string,
  now: Date,
  newId: () => string,
): Promise<{ versionId: string; number: number; replacedOriginal: string | null }> {
  const { db } = context;
  const at = now.toISOString();
  const blocks = JSON.stringify(splitBlocks(input.text));
  const fields = {
    source: input.source,
    text: input.text,
    blocks,
    original_stored_name: input.original?.storedName ?? null,
    original_filename: input.original?.filename ?? null,
    original_size: input.original?.size ?? null,
    author_name: authorName,
    updated_at: at,
  };
  const draft = draftOf(history);
  const growth = draftBytes({ text: input.text, blocks, original_size: input.original?.size ?? null }) - (draft ? draftBytes(draft) : 0);
  await assertWithinQuota(context, { departmentId: history.document.drafting_department_id, bytes: growth });
  if (draft) {
    if (!(await repository.updateDraftVersion(db, draft.id, fields))) fail('DOCUMENT_STATE', { reason: 'the version was issued meanwhile' });
    return { versionId: draft.id, number: draft.number, replacedOriginal: draft.original_stored_name };
  }
  const row: DocumentVersionTable = {
    id: newId(),
    document_id: history.document.id,
    number: (history.versions.at(-1)?.number ?? 0) + 1,
    ...fields,
    created_at: at,
    issued_at: null,
    issued_for: null,
    previous_version_id: latestIssued(history)?.id ?? null,
    diff: null,
    adoption_report: null,
  };
  await repository.insertVersion(db, row);
  return { versionId: row.id, number: row.number, replacedOriginal: null };
}

/** The diff and adoption report the draft would carry if it were issued now (also the preview); the diff was prepared in the worker. */
export function whatDraftCarries(history: History, draft: DocumentVersionTable, prepared: PreparedDiff): { diff: VersionDiff | null; report: AdoptionReport | null } {
  const diff = preparedDiffFor(prepared, history, draft);
  const closed = history.rounds.filter((round) => round.state === 'closed').at(-1);
  const links = closed ? changeLinks(history, closed.id) : [];
  const newAnchors = new Set(blocksOf(draft).map((block) => block.anchor));
  const unknown = [...new Set(links.flatMap((link) => link.changedAnchors))].filter((anchor) => !newAnchors.has(anchor));
  if (unknown.length) fail('DOCUMENT_ANCHOR_UNKNOWN', { anchors: unknown, versionNumber: draft.number, reason: 'responses name blocks the new version does not have' });
  return {
    diff: diff && withLinks(diff, links),
    report: closed ? roundReport(history, closed) : null,
  };
}

/** Fixes the draft for good; from now on no statement may change it (updateDraftVersion checks issued_at). */
export async function fixDraft(db: Executor, history: History, purpose: 'round' | 'vote', now: Date, prepared: PreparedDiff | undefined): Promise<DocumentVersionTable> {
  const draft = draftOf(history) ?? fail('DOCUMENT_NO_DRAFT');
  const { diff, report } = whatDraftCarries(history, draft, prepared ?? fail('DOCUMENT_STATE', { reason: 'a draft appeared while the move was prepared; try again' }));
  const changes = {
    issued_at: now.toISOString(),
    issued_for: purpose,
    previous_version_id: latestIssued(history)?.id ?? null,
    diff: diff && JSON.stringify(diff),
    adoption_report: report && JSON.stringify(report),
  };
  if (!(await repository.updateDraftVersion(db, draft.id, changes))) fail('DOCUMENT_STATE', { reason: 'the version was issued meanwhile' });
  return { ...draft, ...changes };
}
