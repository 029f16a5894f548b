// Turning a closed ballot box (or counts entered by hand) into per-item results, and presenting
// ballots to each audience: nobody sees a partial tally while a ballot is open.
import type { BallotTable } from '../db/database.js';
import { fail } from '../errors.js';
import type { BallotView, ManualResultInput } from './api-schemas.js';
import { type BallotItem, type Electorate, type ItemAnswer, type ItemResult, tallyBallot, tallyItem } from './rules.js';

export interface StoredResult {
  manual: boolean;
  manualMethod?: 'show_of_hands' | 'paper';
  eligible: number;
  present: number;
  cast: number;
  items: ItemResult[];
}

export function parseItems(ballot: Pick<BallotTable, 'items'>): BallotItem[] {
  return JSON.parse(ballot.items) as BallotItem[];
}

export function tallyBox(items: BallotItem[], papers: string[], electorate: Electorate): StoredResult {
  const answers = papers.map((paper) => JSON.parse(paper) as ItemAnswer[]);
  return { manual: false, eligible: electorate.eligible, present: electorate.present, cast: electorate.cast, items: tallyBallot(items, answers, electorate) };
}

function repeat<T>(value: T, times: number): T[] {
  return Array.from({ length: times }, () => value);
}

function checkIds(counts: Record<string, unknown>, known: readonly { id: string }[]): void {
  const ids = new Set(known.map((entry) => entry.id));
  for (const key of Object.keys(counts)) if (!ids.has(key)) fail('MANUAL_RESULT_INVALID', { unknownId: key });
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Counts from a show of hands or a paper count, checked to add up, tallied by the same rules. */
export function manualResult(items: BallotItem[], input: ManualResultInput, electorate: Electorate): StoredResult {
  if (input.items.length !== items.length) fail('MANUAL_RESULT_INVALID', { reason: 'one entry per item' });
  if (input.present > electorate.eligible || input.cast > input.present) fail('MANUAL_RESULT_INVALID', { reason: 'cast ≤ present ≤ eligible' });
  const counted: Electorate = { ...electorate, present: input.present, cast: input.cast };
  const results = items.map((item, index): ItemResult => {
    const entry = input.items[index]!;
    if (entry.kind !== item.kind) fail('MANUAL_RESULT_INVALID', { item: index, reason: 'kind differs' });
    if (entry.kind === 'approval' && item.kind === 'approval') {
      if (entry.yes + entry.no + entry.abstain > input.cast) fail('MANUAL_RESULT_INVALID', { item: index });
      return tallyItem(item, [...repeat('yes' as const, entry.yes), ...repeat('no' as const, entry.no), ...repeat('abstain' as const, entry.abstain)], counted);
    }
    if ((entry.kind === 'election' && item.kind === 'election') || (entry.kind === 'choice' && item.kind === 'choice')) {
      const known = item.kind === 'election' ? item.candidates : item.options;
      checkIds(entry.votes, known);
      // A paper that is not blank gives each name at most one vote, and at most `limit` votes in all.
      const marked = input.cast - entry.blankBallots;
      const limit = item.kind === 'election' ? item.seats : item.maxChoices;
      const counts = Object.values(entry.votes);
      if (marked < 0 || counts.some((count) => count > marked) || sum(counts) > marked * limit) fail('MANUAL_RESULT_INVALID', { item: index });
      const votes = Object.entries(entry.votes).flatMap(([id, count]) => repeat(id, count));
      if (item.kind === 'election') {
        const papers = [...votes.map((id) => ({ candidateIds: [id], writeIns: [] })), ...repeat({ candidateIds: [], writeIns: [] }, entry.blankBallots)];
        return tallyItem(item, papers, counted);
      }
      const papers = [...votes.map((id) => ({ optionIds: [id] })), ...repeat({ optionIds: [] as string[] }, entry.blankBallots)];
      return tallyItem(item, papers, counted);
    }
    if (entry.kind === 'rating' && item.kind === 'rating') {
      checkIds(entry.counts, item.subjects);
      return {
        kind: 'rating',
        subjects: item.subjects.map((subject) => {
          const grades = entry.counts[subject.id] ?? {};
          checkIds(grades, item.grades);
          const counts = Object.fromEntries(item.grades.map((grade) => [grade.id, grades[grade.id] ?? 0]));
          const given = sum(Object.values(counts));
          if (given > input.cast) fail('MANUAL_RESULT_INVALID', { item: index });
          return { id: subject.id, name: subject.name, counts, abstain: input.cast - given };
        }),
      };
    }
    return fail('MANUAL_RESULT_INVALID', { item: index });
  });
  return { manual: true, manualMethod: input.method, eligible: electorate.eligible, present: input.present, cast: input.cast, items: results };
}

export type Audience = 'officer' | 'public';

/** Results are shown to officers once closed, to everyone once published; never while open. */
export function presentBallot(ballot: BallotTable, audience: Audience, turnout: { voted: number; eligible: number } | null): BallotView {
  const resultVisible = ballot.state === 'published' || (audience === 'officer' && ballot.state === 'closed');
  return {
    id: ballot.id,
    meetingId: ballot.meeting_id,
    title: ballot.title,
    secrecy: ballot.secrecy,
    method: ballot.method,
    state: ballot.state,
    items: parseItems(ballot),
    deadlineAt: ballot.deadline_at,
    revoteOf: ballot.revote_of,
    quorumOverridden: ballot.quorum_overridden === 1,
    openedAt: ballot.opened_at,
    closedAt: ballot.closed_at,
    publishedAt: ballot.published_at,
    turnout,
    result: resultVisible && ballot.result ? (JSON.parse(ballot.result) as StoredResult) : null,
  };
}
