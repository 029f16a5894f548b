// A readable diff between two versions: block by block (jsdiff's diffArrays on the blocks' text),
// then character by character inside each changed block (diffChars: Chinese has no spaces to split
// words on). Each change is linked to the consolidated opinions whose response says it made it. Pure.
// Myers' diff costs about the square of the edits it finds, so every call is bounded: past the
// bounds a change is shown block by block (old text, new text) and the diff says so. It runs in
// the worker (src/workers/heavy-work.ts), never on the thread that answers votes.
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
  /** 'blocks': some changed blocks were too far apart to compare character by character. */
  fallback: 'none' | 'blocks';
}

/**
 * Edits one diff may look for. jsdiff's work grows with the square of the edit length it searches
 * (measured: 1,000 edits in a 6,000-character clause ~80 ms, 4,000 ~1.2 s), so a block's
 * character diff stops at 1,000 edits and all character diffs together at ten such worst cases.
 */
export interface DiffLimits {
  maxBlockEdits: number;
  maxCharEdits: number;
  /** Sum over character diffs of (edit length)²: what the diffs of one version may cost together. */
  charBudget: number;
}

export const DIFF_LIMITS: DiffLimits = { maxBlockEdits: 1_000, maxCharEdits: 1_000, charBudget: 10_000_000 };

/** A response as the diff needs it: which new blocks it changed; an adopted opinion on a removed block answers the removal. */
export interface ChangeLink {
  consolidatedId: string;
  /** The opinion's anchor in the old version. */
  anchor: string;
  outcome: 'adopted' | 'partly_adopted' | 'not_adopted';
  changedAnchors: readonly string[];
}

/** The character diff of a changed block, or null past its bound or the version's budget. */
function segmentsOf(oldText: string, newText: string, limits: DiffLimits, budget: { left: number }): Segment[] | null {
  const bound = Math.min(limits.maxCharEdits, oldText.length + newText.length);
  if (bound * bound > budget.left) return null;
  const parts = diffChars(oldText, newText, { maxEditLength: bound });
  if (!parts) {
    budget.left -= bound * bound;
    return null;
  }
  const edits = parts.reduce((sum, part) => sum + (part.added || part.removed ? part.value.length : 0), 0);
  budget.left -= Math.min(edits, bound) ** 2;
  return parts.map((part) => ({ op: part.added ? 'insert' : part.removed ? 'delete' : 'equal', text: part.value }));
}

/** The block diff, or, past its bound, the blocks both versions start and end with kept and everything between replaced. */
function blockParts(oldBlocks: readonly Block[], newBlocks: readonly Block[], limits: DiffLimits): { parts: { count: number; added?: boolean; removed?: boolean }[]; bounded: boolean } {
  const parts = diffArrays([...oldBlocks], [...newBlocks], { comparator: (left, right) => left.text === right.text, maxEditLength: limits.maxBlockEdits });
  if (parts) return { parts: parts.map((part) => ({ count: part.count ?? part.value.length, added: part.added, removed: part.removed })), bounded: false };
  let head = 0;
  while (head < oldBlocks.length && head < newBlocks.length && oldBlocks[head]!.text === newBlocks[head]!.text) head++;
  let tail = 0;
  while (tail < oldBlocks.length - head && tail < newBlocks.length - head && oldBlocks[oldBlocks.length - 1 - tail]!.text === newBlocks[newBlocks.length - 1 - tail]!.text) tail++;
  const coarse = [{ count: head }, { count: oldBlocks.length - head - tail, removed: true }, { count: newBlocks.length - head - tail, added: true }, { count: tail }];
  return { parts: coarse.filter((part) => part.count > 0), bounded: true };
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
export function diffVersions(oldBlocks: readonly Block[], newBlocks: readonly Block[], links: readonly ChangeLink[] = [], limits: DiffLimits = DIFF_LIMITS): VersionDiff {
  const { parts, bounded } = blockParts(oldBlocks, newBlocks, limits);
  const budget = { left: limits.charBudget };
  let fallback = bounded;
  const changes: BlockChange[] = [];
  let removed: Block[] = [];
  let added: Block[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let index = 0; index < paired; index++) {
      const before = removed[index]!;
      const after = added[index]!;
      const segments = segmentsOf(before.text, after.text, limits, budget);
      if (!segments) fallback = true;
      const whole: Segment[] = [
        { op: 'delete', text: before.text },
        { op: 'insert', text: after.text },
      ];
      changes.push({ kind: 'changed', oldAnchor: before.anchor, newAnchor: after.anchor, label: after.label, oldText: before.text, newText: after.text, segments: segments ?? whole, answers: [] });
    }
    for (const before of removed.slice(paired)) {
      changes.push({
        kind: 'removed',
        oldAnchor: before.anchor,
        newAnchor: null,
        label: before.label,
        oldText: before.text,
        newText: null,
        segments: [{ op: 'delete', text: before.text }],
        answers: [],
      });
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
    const count = part.count;
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
  const counts: Record<ChangeKind, number> = { unchanged: 0, changed: 0, added: 0, removed: 0 };
  for (const change of changes) counts[change.kind] += 1;
  return withLinks({ changes, counts, fallback: fallback ? 'blocks' : 'none' }, links);
}

/** The diff with each change linked to the opinions it answers (cheap: done where the links are read). */
export function withLinks(diff: VersionDiff, links: readonly ChangeLink[]): VersionDiff {
  const changes = diff.changes.map((change) => ({ ...change, answers: [] as string[] }));
  linkChanges(changes, links);
  return { ...diff, changes };
}

/**
 * What the preview shows when even the bounded diff could not finish (the worker ran out of time
 * or memory): every old block removed, every new one added. Linear, so safe anywhere.
 */
export function replacementDiff(oldBlocks: readonly Block[], newBlocks: readonly Block[], links: readonly ChangeLink[] = []): VersionDiff {
  const changes: BlockChange[] = [
    ...oldBlocks.map(
      (before): BlockChange => ({
        kind: 'removed',
        oldAnchor: before.anchor,
        newAnchor: null,
        label: before.label,
        oldText: before.text,
        newText: null,
        segments: [{ op: 'delete', text: before.text }],
        answers: [],
      }),
    ),
    ...newBlocks.map(
      (after): BlockChange => ({
        kind: 'added',
        oldAnchor: null,
        newAnchor: after.anchor,
        label: after.label,
        oldText: null,
        newText: after.text,
        segments: [{ op: 'insert', text: after.text }],
        answers: [],
      }),
    ),
  ];
  return withLinks({ changes, counts: { unchanged: 0, changed: 0, added: newBlocks.length, removed: oldBlocks.length }, fallback: 'blocks' }, links);
}
