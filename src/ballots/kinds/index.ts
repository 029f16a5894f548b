// The registry of item kinds: one module per kind, and every union over kinds (item, answer, hand
// counts, result) built from it. Adding a kind is its module and one line here; nothing else in
// src/ballots names a kind.
import { z } from 'zod';
import { approval } from './approval.js';
import { choice } from './choice.js';
import { election } from './election.js';
import type { AnswerCheck, Electorate, ItemKindModule, ManualCount } from './parts.js';
import { rating } from './rating.js';

/** Each module filed under its own kind, with every piece: otherwise the registry does not compile. */
type Registry<Modules> = {
  [Kind in keyof Modules & string]: ItemKindModule<Kind, z.ZodType<{ kind: Kind }>, z.ZodType, z.ZodType<{ kind: Kind }>, z.ZodType<{ kind: Kind }>>;
};

function registry<Modules extends Registry<Modules>>(modules: Modules): Modules {
  return modules;
}

export const itemKinds = registry({ approval, election, rating, choice });

type Modules = typeof itemKinds;
export type ItemKind = keyof Modules;
export const ITEM_KINDS = Object.keys(itemKinds) as [ItemKind, ...ItemKind[]];

type Piece = 'itemSchema' | 'answerSchema' | 'manualCountsSchema' | 'resultSchema';
type PieceOf<Name extends Piece> = Modules[ItemKind][Name];

/** One piece of every kind, in the registry's order, as a non-empty tuple (what zod's unions take). */
function piecesOf<Name extends Piece>(name: Name): [PieceOf<Name>, ...PieceOf<Name>[]] {
  return Object.values(itemKinds).map((module) => module[name]) as [PieceOf<Name>, ...PieceOf<Name>[]];
}

export const ballotItemSchema = z
  .discriminatedUnion('kind', piecesOf('itemSchema'))
  .meta({ id: 'BallotItem', description: 'One item (分项) of a ballot sheet; its kind decides the shape of its answer (ItemAnswer)' });

/**
 * One item's answer, for the document only: which shape applies is decided by the kind of the item at
 * the same position of the ballot, so the shapes carry no tag of their own.
 */
export const itemAnswerSchema = z.union(piecesOf('answerSchema')).meta({
  id: 'ItemAnswer',
  description: 'The answer to one item, shaped by the kind of the item at the same position: ApprovalAnswer, ElectionAnswer, RatingAnswer or ChoiceAnswer.',
});

export const manualItemCountsSchema = z.discriminatedUnion('kind', piecesOf('manualCountsSchema'));

/** What each item's count says, as the kind's tally computes it. */
export const itemResultSchema = z.discriminatedUnion('kind', piecesOf('resultSchema')).meta({ id: 'ItemResult' });

export type ItemByKind = { [Kind in ItemKind]: z.output<Modules[Kind]['itemSchema']> };
export type AnswerByKind = { [Kind in ItemKind]: z.output<Modules[Kind]['answerSchema']> };
export type ResultByKind = { [Kind in ItemKind]: z.output<Modules[Kind]['resultSchema']> };
export type ManualCountsByKind = { [Kind in ItemKind]: z.output<Modules[Kind]['manualCountsSchema']> };

export type BallotItem = ItemByKind[ItemKind];
export type ItemAnswer = AnswerByKind[ItemKind];
export type ItemResult = ResultByKind[ItemKind];
export type ManualItemCounts = ManualCountsByKind[ItemKind];

/**
 * A kind's functions typed for any item. TypeScript cannot follow that the module looked up by an item's
 * kind takes that item, so the generic files reach the modules through this one view of the registry:
 * the call stays a property lookup, with no check or copy per vote.
 */
interface AnyKind {
  checkAnswer(item: BallotItem, answer: unknown): AnswerCheck<ItemAnswer>;
  tally(item: BallotItem, answers: readonly ItemAnswer[], electorate: Electorate): ItemResult;
  manualTally(item: BallotItem, counts: ManualItemCounts, count: ManualCount): ItemResult;
}

export const kindModules: Readonly<Record<ItemKind, AnyKind>> = itemKinds as unknown as Record<ItemKind, AnyKind>;
