// The published result's registry: each kind's rows, verdict, rule in words, chart and notice table,
// for the phone, the projector and the printed notice (not the console, which has its own views).
import '../shared/result-chart.css';
import { approvalResult } from './approval/result.js';
import { choiceResult } from './choice/result.js';
import { electionResult } from './election/result.js';
import type { ItemKind, ResultPart } from './kind-module.js';
import { ratingResult } from './rating/result.js';

const resultKinds = {
  approval: approvalResult,
  election: electionResult,
  choice: choiceResult,
  rating: ratingResult,
} satisfies { [Kind in ItemKind]: ResultPart<Kind> };

/** The part of a kind. The registry pairs each kind with its own part; TypeScript cannot follow that
 * pairing through a union of kinds, hence the one cast, here. */
export function resultPart<Kind extends ItemKind>(kind: Kind): ResultPart<Kind> {
  return resultKinds[kind] as unknown as ResultPart<Kind>;
}

export { resultKinds };
