// The phone's registry: each kind's paper (input, draft, answer). Only the voter page imports it, so
// no console code reaches the phone (index.ts says why the registry is split by page).
import { approvalVoter } from './approval/voter.js';
import { choiceVoter } from './choice/voter.js';
import { electionVoter } from './election/voter.js';
import type { ItemKind, VoterPart } from './kind-module.js';
import { ratingVoter } from './rating/voter.js';

const voterKinds = {
  approval: approvalVoter,
  election: electionVoter,
  choice: choiceVoter,
  rating: ratingVoter,
} satisfies { [Kind in ItemKind]: VoterPart<Kind, { kind: Kind }> };

type DraftOf<Kind extends ItemKind> = ReturnType<(typeof voterKinds)[Kind]['emptyDraft']>;
/** One item's answer while the paper is filled in, tagged with its kind. */
export type Draft = DraftOf<ItemKind>;

/** The part of the item's kind. The registry pairs each kind with its own part; TypeScript cannot
 * follow that pairing through a union of kinds, hence the one cast, here. */
export function voterPart<Kind extends ItemKind>(kind: Kind): VoterPart<Kind, DraftOf<Kind>> {
  return voterKinds[kind] as unknown as VoterPart<Kind, DraftOf<Kind>>;
}

export { voterKinds };
