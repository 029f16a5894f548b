// A readable diff between two versions: block by block (jsdiff's diffArrays on the blocks' text),
// then character by character inside each changed block (diffChars: Chinese has no spaces to split
// words on). Each change is linked to the consolidated opinions whose response says it made it. Pure.
import { diffArrays, diffChars } from 'diff';
import type { Block } from './blocks.js';

export type ChangeKind = 'unchanged' | 'changed' | 'added' | 'removed';

export interface Segment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface BlockChange {
  kind: ChangeKind;
  oldAnchor: string | null;
  newAnchor: string | null;
  label: string;
  oldText: string | null;
  newText: string | null;
  /** Inside a changed block, what was kept, inserted and deleted; empty for an unchanged block. */
  segments: Segment[];
  /** Consolidated opinions this change answers, as the drafters said in their responses. */
  answers: string[];
}

export interface VersionDiff {
  changes: BlockChange[];
  counts: Record<ChangeKind, number>;
}

/** A response as the diff needs it: which new blocks it changed; an adopted opinion on a removed block answers the removal. */
export interface ChangeLink {
  consolidatedId: string;
  /** The opinion's anchor in the old version. */
  anchor: string;
  outcome: 'adopted' | 'partly_adopted' | 'not_adopted';
  changedAnchors: readonly string[];
}

function segmentsOf(oldText: string, newText: string): Segment[] {
  return diffChars(oldText, newText).map((part) => ({ op: part.added ? 'insert' : part.removed ? 'delete' : 'equal', text: part.value }));
}

function linkChanges(changes: BlockChange[], links: readonly ChangeLink[]): void {
  for (const change of changes) {
    if (change.kind === 'unchanged') continue;
    for (const link of links) {
      const byNewAnchor = change.newAnchor !== null && link.changedAnchors.includes(change.newAnchor);
      const byRemoval = change.kind === 'removed' && link.outcome !== 'not_adopted' && link.anchor === change.oldAnchor;
      if (byNewAnchor || byRemoval) change.answers.push(link.consolidatedId);
    }
  }
}

/**
 * Runs of removed blocks next to runs of added ones are paired in order as changed blocks (a
 * rewritten clause); what is left over of either run is removed or added.
 */
export function diffVersions(oldBlocks: readonly Block[], newBlocks: readonly Block[], links: readonly ChangeLink[] = []): VersionDiff {
  const parts = diffArrays([...oldBlocks], [...newBlocks], { comparator: (left, right) => left.text === right.text });
  const changes: BlockChange[] = [];
  let removed: Block[] = [];
  let added: Block[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let index = 0; index < paired; index++) {
      const before = removed[index]!;
      const after = added[index]!;
      changes.push({ kind: 'changed', oldAnchor: before.anchor, newAnchor: after.anchor, label: after.label, oldText: before.text, newText: after.text, segments: segmentsOf(before.text, after.text), answers: [] });
    }
    for (const before of removed.slice(paired)) {
      changes.push({ kind: 'removed', oldAnchor: before.anchor, newAnchor: null, label: before.label, oldText: before.text, newText: null, segments: [{ op: 'delete', text: before.text }], answers: [] });
    }
    for (const after of added.slice(paired)) {
      changes.push({ kind: 'added', oldAnchor: null, newAnchor: after.anchor, label: after.label, oldText: null, newText: after.text, segments: [{ op: 'insert', text: after.text }], answers: [] });
    }
    removed = [];
    added = [];
  };
  let oldIndex = 0;
  let newIndex = 0;
  for (const part of parts) {
    const count = part.count ?? part.value.length;
    if (part.removed) {
      removed.push(...oldBlocks.slice(oldIndex, oldIndex + count));
      oldIndex += count;
      continue;
    }
    if (part.added) {
      added.push(...newBlocks.slice(newIndex, newIndex + count));
      newIndex += count;
      continue;
    }
    flush();
    for (let offset = 0; offset < count; offset++) {
      const before = oldBlocks[oldIndex + offset]!;
      const after = newBlocks[newIndex + offset]!;
      changes.push({ kind: 'unchanged', oldAnchor: before.anchor, newAnchor: after.anchor, label: after.label, oldText: before.text, newText: after.text, segments: [], answers: [] });
    }
    oldIndex += count;
    newIndex += count;
  }
  flush();
  linkChanges(changes, links);
  const counts: Record<ChangeKind, number> = { unchanged: 0, changed: 0, added: 0, removed: 0 };
  for (const change of changes) counts[change.kind] += 1;
  return { changes, counts };
}
