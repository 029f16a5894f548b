// Turning a closed ballot box (or counts entered by hand) into per-item results, and presenting
// ballots to each audience: nobody sees a partial tally while a ballot is open.
import type { BallotTable } from '../db/database.js';
import { fail } from '../errors.js';
import type { BallotView, ManualResultInput } from './api-schemas.js';
import { parseItems } from './items.js';
import type { PaperFigures } from './paper-rules.js';
import { kindModules } from './kinds/index.js';
import { type BallotItem, type Electorate, type ItemAnswer, type ItemResult, tallyBallot } from './rules.js';

export interface StoredResult {
  manual: boolean;
  manualMethod?: 'show_of_hands' | 'paper';
  eligible: number;
  present: number;
  cast: number;
  items: ItemResult[];
  /** Paper and phones in one ballot: the phones' ballots, and the papers' figures (src/ballots/paper-rules.ts). */
  electronic?: number;
  papers?: PaperFigures;
  /** More papers returned than issued: the round is void (选举法 §44), nothing is decided. */
  void?: boolean;
}

export { parseItems } from './items.js';

export function tallyBox(items: BallotItem[], papers: string[], electorate: Electorate): StoredResult {
  return tallyAnswers(
    items,
    papers.map((paper) => JSON.parse(paper) as ItemAnswer[]),
    electorate,
  );
}

/** A counted result from answers already read (a paper count's phones and papers together). */
export function tallyAnswers(items: BallotItem[], answers: readonly ItemAnswer[][], electorate: Electorate): StoredResult {
  return { manual: false, eligible: electorate.eligible, present: electorate.present, cast: electorate.cast, items: tallyBallot(items, answers, electorate) };
}

/** Counts from a show of hands or a paper count, checked to add up, tallied by the same rules (each kind's manualTally). */
export function manualResult(items: BallotItem[], input: ManualResultInput, electorate: Electorate): StoredResult {
  if (input.items.length !== items.length) fail('MANUAL_RESULT_INVALID', { reason: 'one entry per item' });
  if (input.present > electorate.eligible || input.cast > input.present) fail('MANUAL_RESULT_INVALID', { reason: 'cast ≤ present ≤ eligible' });
  const counted: Electorate = { ...electorate, present: input.present, cast: input.cast };
  const results = items.map((item, index): ItemResult => {
    const entry = input.items[index]!;
    if (entry.kind !== item.kind) fail('MANUAL_RESULT_INVALID', { item: index, reason: 'kind differs' });
    return kindModules[item.kind].manualTally(item, entry, { electorate: counted, index });
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
    statutory: ballot.statutory === 1,
    openedAt: ballot.opened_at,
    closedAt: ballot.closed_at,
    publishedAt: ballot.published_at,
    turnout,
    result: resultVisible && ballot.result ? (JSON.parse(ballot.result) as StoredResult) : null,
    finalHash: resultVisible ? ballot.final_hash : null,
  };
}
