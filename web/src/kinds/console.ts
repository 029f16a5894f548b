// The console's registry: each kind's part of the new-ballot form, summary, paper count and result.
// Only the console imports it (index.ts says why the registry is split by page).
import { approvalConsole } from './approval/console.js';
import { choiceConsole } from './choice/console.js';
import { electionConsole } from './election/console.js';
import type { ConsolePart, ItemKind } from './kind-module.js';
import { ratingConsole } from './rating/console.js';

/** In the order the ballot form offers them. */
const consoleKinds = {
  approval: approvalConsole,
  election: electionConsole,
  choice: choiceConsole,
  rating: ratingConsole,
} satisfies { [Kind in ItemKind]: ConsolePart<Kind, unknown> };

/** The kinds the ballot form offers, in its order. */
export const ITEM_KINDS = Object.keys(consoleKinds) as ItemKind[];

/** A kind's own fields of a new item in the ballot form. */
export type FieldsOf<Kind extends ItemKind> = ReturnType<(typeof consoleKinds)[Kind]['newFields']>;

/** The part of a kind. The registry pairs each kind with its own part; TypeScript cannot follow that
 * pairing through a union of kinds, hence the one cast, here. */
export function consolePart<Kind extends ItemKind>(kind: Kind): ConsolePart<Kind, FieldsOf<Kind>> {
  return consoleKinds[kind] as unknown as ConsolePart<Kind, FieldsOf<Kind>>;
}

export { consoleKinds };
