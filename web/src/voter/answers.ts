// A ballot paper being filled in: one draft answer per item, what is still missing, the answers the
// server expects (ItemAnswer in the API's types), and the words the confirmation step repeats back.
// Each kind's own rules are in web/src/kinds/<kind>/voter.ts; a draft always has its item's kind.
import type { ItemAnswer } from '../shared/api-types.js';
import type { BallotItem } from '../shared/live.js';
import { type Draft, voterPart } from '../kinds/voter.js';

export type { Draft };

export function emptyDraft(item: BallotItem): Draft {
  return voterPart(item.kind).emptyDraft();
}

/** Why this item cannot be sent yet, or null. */
export function problemWith(item: BallotItem, draft: Draft): string | null {
  return item.kind === draft.kind ? voterPart(item.kind).problem(item, draft) : null;
}

/** The answer as the API takes it (ItemAnswer in the OpenAPI document). */
export function toAnswer(item: BallotItem, draft: Draft): ItemAnswer | null {
  return item.kind === draft.kind ? voterPart(item.kind).toAnswer(item, draft) : null;
}

/** The choice in words, for the confirmation step: 赞成 / 张三、李四;另选:王五 / 未选择(弃权). */
export function describeAnswer(item: BallotItem, draft: Draft): string[] {
  return item.kind === draft.kind ? voterPart(item.kind).describe(item, draft) : [];
}
