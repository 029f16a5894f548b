// The diff a draft carries (shown in the preview, frozen when issued), computed in the worker
// before any transaction opens: a long diff inside a transaction would hold the one database
// connection, and on the main thread it would hold every vote. The transaction then takes the
// prepared diff only if the draft and the version before it are still what was diffed.
import type { DocumentVersionTable } from '../db/database.js';
import { AppError, fail } from '../errors.js';
import { replacementDiff, type VersionDiff } from './diff.js';
import { blocksOf, type History, latestIssued } from './history.js';
import type { DocumentDeps } from './deps.js';

export interface PreparedDiff {
  /** The blocks (as stored) that were diffed: the previous issued version's and the draft's. */
  previousBlocks: string | null;
  draftBlocks: string;
  /** Without links to opinions: those are read, and may change, inside the transaction. */
  diff: VersionDiff | null;
}

export async function prepareDiff(context: DocumentDeps, history: History, draft: DocumentVersionTable): Promise<PreparedDiff> {
  const previous = latestIssued(history);
  if (!previous) return { previousBlocks: null, draftBlocks: draft.blocks, diff: null };
  const oldBlocks = blocksOf(previous);
  const newBlocks = blocksOf(draft);
  let diff: VersionDiff;
  try {
    diff = await context.heavyWork.run({ kind: 'diff', oldBlocks, newBlocks });
  } catch (error) {
    // The diff is bounded, so this is a backstop: the versions are still shown, block for block.
    if (!(error instanceof AppError) || (error.code !== 'UPLOAD_TOO_SLOW' && error.code !== 'UPLOAD_TOO_MUCH_MEMORY')) throw error;
    diff = replacementDiff(oldBlocks, newBlocks);
  }
  return { previousBlocks: previous.blocks, draftBlocks: draft.blocks, diff };
}

/** The prepared diff, if it was made from exactly this draft and previous version. */
export function preparedDiffFor(prepared: PreparedDiff, history: History, draft: DocumentVersionTable): VersionDiff | null {
  const previous = latestIssued(history);
  if (prepared.draftBlocks !== draft.blocks || prepared.previousBlocks !== (previous?.blocks ?? null)) {
    fail('DOCUMENT_STATE', { reason: 'the draft changed while its diff was being computed; try again' });
  }
  return prepared.diff;
}
