// The joint meeting's pure rules: which of its ballots' items are decisions, how a decision rule maps
// onto the ballots' passing rules, and what a confirmation ballot's outcome makes of each decision.
import type { TermRules } from '../roster/term-rules.js';
import type { BallotItem } from '../ballots/schemas.js';

/** What a ballot decided, as ballotOutcome (src/ballots/service.ts) says it. */
interface BallotOutcome {
  settled: boolean;
  items: { id: string; title: string; kind: string; passed: boolean | null }[];
}

/**
 * In a joint meeting an approval item left at the default rule (all_majority) takes the term's joint
 * decision rule: 'present_majority' is more than half of the roll members present. The electorate
 * itself is the roll (src/meetings/repository.ts), so 'all_majority' there means more than half of
 * the roll. Any other rule chosen for the item is kept.
 */
export function withJointDecisionRule<Item extends BallotItem>(items: readonly Item[], decision: TermRules['joint']['decision']): Item[] {
  return items.map((item) => (item.kind === 'approval' && item.passingRule === 'all_majority' ? { ...item, passingRule: decision } : item));
}

/** A settled joint ballot's decisions: the approval items that passed. */
export function decisionsOf(outcome: BallotOutcome): { itemId: string; title: string }[] {
  if (!outcome.settled) return [];
  return outcome.items.filter((item) => item.kind === 'approval' && item.passed === true).map((item) => ({ itemId: item.id, title: item.title }));
}

/** 确认联席会议关于《…》的决定: one approval item per decision on the plenary's confirmation ballot. */
export function confirmationTitle(decisionTitle: string): string {
  return `确认联席会议关于《${decisionTitle}》的决定`;
}

/**
 * What a settled confirmation ballot makes of a decision put to it as `itemId`: confirmed if that
 * item passed, not confirmed if it did not; undecided (null) while unsettled or if the item is gone.
 */
export function confirmationState(outcome: BallotOutcome, itemId: string | null, decisionTitle?: string): 'confirmed' | 'not_confirmed' | null {
  if (!outcome.settled || itemId === null) return null;
  const item = outcome.items.find((candidate) => candidate.id === itemId);
  if (!item) return null;
  // An item edited to other words after it was made was not a vote on this decision: it confirms nothing.
  if (decisionTitle !== undefined && item.title !== confirmationTitle(decisionTitle)) return 'not_confirmed';
  return item.passed === true ? 'confirmed' : 'not_confirmed';
}

/** The confirmation item's material: the decisions awaiting confirmation, one a line. */
export function confirmationMaterial(decisions: readonly { title: string; meetingTitle: string; decidedAt: string }[]): string {
  const lines = decisions.map((decision, index) => `${index + 1}. ${decision.meetingTitle}(${decision.decidedAt.slice(0, 10)})决定:《${decision.title}》`);
  return ['以下联席会议决定待大会确认:', ...lines].join('\n');
}
