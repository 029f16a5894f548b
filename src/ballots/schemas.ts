// The shapes of ballot items (分项), their answers and the electorate they are counted against.
// Each kind's own shapes live in its module (src/ballots/kinds/); the unions over all kinds are built
// by the registry (kinds/index.ts) and re-exported here, where the rest of the server looks for them.
export {
  type AnswerByKind,
  type BallotItem,
  ballotItemSchema,
  type ItemAnswer,
  type ItemByKind,
  type ItemKind,
  type ItemResult,
  ITEM_KINDS,
  itemAnswerSchema,
  itemKinds,
  itemResultSchema,
  type ManualItemCounts,
  manualItemCountsSchema,
  type ResultByKind,
} from './kinds/index.js';
export {
  ANSWER_ERROR_CODES,
  type AnswerErrorCode,
  type Electorate,
  electorateSchema,
  MAJORITY_WORDINGS,
  type MajorityWording,
  majorityWordingSchema,
  PASSING_RULES,
  type PassingRule,
  passingRuleSchema,
} from './kinds/parts.js';
