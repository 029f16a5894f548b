// Checks one voter's answer to one item before it is stored: anything at all may arrive here,
// so every path returns a verdict with a stable error code and none of them throws. Each kind's
// checks are in its module (src/ballots/kinds/); this is the one door the vote path goes through.
import { kindModules } from './kinds/index.js';
import { type AnswerCheck, refuse } from './kinds/parts.js';
import type { AnswerByKind, BallotItem } from './schemas.js';

export type { AnswerCheck } from './kinds/parts.js';

/** Validates and normalises an answer (write-ins trimmed); an empty answer is a valid abstention. */
export function validateAnswer<Item extends BallotItem>(item: Item, answer: unknown): AnswerCheck<AnswerByKind[Item['kind']]> {
  try {
    return kindModules[item.kind].checkAnswer(item, answer) as AnswerCheck<AnswerByKind[Item['kind']]>;
  } catch {
    // Only hostile objects get here (throwing getters, revoked proxies): refuse them like junk.
    return refuse('INVALID_ANSWER');
  }
}
