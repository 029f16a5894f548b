// The diff's bounds (issue 9, item 11): past them a change is shown block by block and the diff
// says so; within them nothing changes. Small limits are passed in so each bound is exact.
import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/documents/blocks.js';
import { DIFF_LIMITS, diffVersions, replacementDiff } from '../../src/documents/diff.js';
import { randomChinese, rewrittenClauses } from '../support/heavy-files.js';

const text = (...paragraphs: string[]) => paragraphs.join('\n\n');

describe('the bounded diff between versions', () => {
  it('shows a small change character by character and says nothing fell back', () => {
    const diff = diffVersions(splitBlocks(text('第一条 每班30元。', '第二条 按月发放。')), splitBlocks(text('第一条 每班50元。', '第二条 按月发放。')));
    expect(diff.fallback).toBe('none');
    expect(diff.changes[0]!.segments).toEqual([
      { op: 'equal', text: '第一条 每班' },
      { op: 'delete', text: '3' },
      { op: 'insert', text: '5' },
      { op: 'equal', text: '0元。' },
    ]);
  });

  it('shows a clause rewritten end to end (6,000 characters) as its old and new text whole', () => {
    const { before, after } = rewrittenClauses(1, 6_000);
    const diff = diffVersions(splitBlocks(before), splitBlocks(after));
    expect(diff.fallback).toBe('blocks');
    expect(diff.counts).toEqual({ unchanged: 1, changed: 1, added: 0, removed: 0 });
    const changed = diff.changes.find((change) => change.kind === 'changed')!;
    expect(changed.segments).toEqual([
      { op: 'delete', text: changed.oldText },
      { op: 'insert', text: changed.newText },
    ]);
  });

  it('stops comparing characters once the version’s budget is spent, the rest shown whole', () => {
    const oldBlocks = splitBlocks(text('甲乙丙丁', '戊己庚辛', '壬癸子丑'));
    const newBlocks = splitBlocks(text('甲乙丙戊', '戊己庚壬', '壬癸子寅'));
    // A block may start while its worst case (bound 8 = 4 + 4 characters: 64 units) fits what is
    // left; each then costs what it found (2 edits: 4 units). 70 → 66 → 62: the third does not start.
    const diff = diffVersions(oldBlocks, newBlocks, [], { ...DIFF_LIMITS, charBudget: 70 });
    expect(diff.fallback).toBe('blocks');
    expect(diff.changes.map((change) => change.segments.length)).toEqual([3, 3, 2]);
    expect(diff.changes[2]!.segments).toEqual([
      { op: 'delete', text: '壬癸子丑' },
      { op: 'insert', text: '壬癸子寅' },
    ]);
  });

  it('past the block bound keeps the blocks both versions share at each end and replaces the middle', () => {
    const shared = ['# 总则', '第一条 不变。'];
    const middleOld = Array.from({ length: 30 }, (_, index) => `旧${index} ${randomChinese(5, index)}`);
    const middleNew = Array.from({ length: 30 }, (_, index) => `新${index} ${randomChinese(5, 100 + index)}`);
    const diff = diffVersions(splitBlocks(text(...shared, ...middleOld, '附则')), splitBlocks(text(...shared, ...middleNew, '附则')), [], { ...DIFF_LIMITS, maxBlockEdits: 10 });
    expect(diff.fallback).toBe('blocks');
    expect(diff.counts).toEqual({ unchanged: 3, changed: 30, added: 0, removed: 0 });
    expect(diff.changes.at(0)!.kind).toBe('unchanged');
    expect(diff.changes.at(-1)).toMatchObject({ kind: 'unchanged', newText: '附则' });
  });

  it('links opinions to a change found by the fallback as it does to any other', () => {
    const { before, after } = rewrittenClauses(1, 3_000);
    const links = [{ consolidatedId: 'c1', anchor: 'b2', outcome: 'adopted' as const, changedAnchors: ['b2'] }];
    expect(diffVersions(splitBlocks(before), splitBlocks(after), links).changes[1]!.answers).toEqual(['c1']);
    expect(replacementDiff(splitBlocks(before), splitBlocks(after), links).changes.find((change) => change.kind === 'added' && change.newAnchor === 'b2')!.answers).toEqual(['c1']);
  });
});
