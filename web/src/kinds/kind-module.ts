// What one kind of ballot item (分项) brings to the pages, as three parts: the phone's paper (voter),
// the published result (phone, projector, printed notice) and the console's (editor, paper count,
// result). Types only: index.ts says why the parts live in separate files.
import type { ComponentChildren } from 'preact';
import type { BallotItem, BallotResult, ItemAnswer, ItemKind, ItemResult } from '../shared/api-types.js';
import type { Meeting } from '../shared/live.js';
import type { ResultRow } from '../shared/result-bars.js';

export type { ItemKind };
export type ItemOf<Kind extends ItemKind> = Extract<BallotItem, { kind: Kind }>;
export type ResultOf<Kind extends ItemKind> = Extract<ItemResult, { kind: Kind }>;
export type MeetingKind = Meeting['kind'];
/** The rule with its figures, in both languages, as the server words it (approval and election). */
export type Explanation = ResultOf<'approval'>['explanation'];

export interface ItemInputProps<Kind extends ItemKind, Draft> {
  item: ItemOf<Kind>;
  draft: Draft;
  name: string;
  heading: string;
  /** Heard by screen readers only: the ballot's own heading already shows the same words. */
  quietHeading: boolean;
  problem: string | null;
  // A method, not a function property: methods compare their parameters both ways, so a part typed
  // with its kind's own draft still fits the registry's row ({ kind } only) in kinds/voter.ts.
  onChange(draft: Draft): void;
}

/** On the phone: the paper being filled in (a draft per item), what is missing, the answer sent, the words repeated back. */
export interface VoterPart<Kind extends ItemKind, Draft> {
  emptyDraft(): Draft;
  /** Why this item cannot be sent yet, or null. */
  problem(item: ItemOf<Kind>, draft: Draft): string | null;
  /** The answer as the API takes it (ItemAnswer in the OpenAPI document). */
  toAnswer(item: ItemOf<Kind>, draft: Draft): ItemAnswer | null;
  /** The choice in words, for the confirmation step. */
  describe(item: ItemOf<Kind>, draft: Draft): string[];
  Input(props: ItemInputProps<Kind, Draft>): ComponentChildren;
}

/** A published result, the same on the phone, the projector and the printed notice. */
export interface ResultPart<Kind extends ItemKind> {
  /** One labelled row per answer that got votes; the rating grid has none. */
  rows(result: ResultOf<Kind>): ResultRow[];
  verdict(result: ResultOf<Kind>): 'passed' | 'failed' | null;
  explanation(result: ResultOf<Kind>): Explanation | null;
  /** The passing rule in words, without numbers; null for kinds without a threshold. */
  ruleInWords(item: ItemOf<Kind>, meetingKind: MeetingKind): string | null;
  /** The counts on the phone and the projector. */
  Chart(props: { item: ItemOf<Kind>; result: ResultOf<Kind>; ballot: BallotResult }): ComponentChildren;
  /** The counts on the printed notice (公告). */
  NoticeCounts(props: { item: ItemOf<Kind>; result: ResultOf<Kind> }): ComponentChildren;
}

export interface EditorProps<Fields> {
  fields: Fields;
  /** The item's id prefix in the form (item-0, item-1 …). */
  id: string;
  meetingKind: MeetingKind;
  /** The term's 差额 rule (elections.minimumCompetition), once loaded: an election warns below it. */
  minimumCompetition?: { numerator: number; denominator: number } | undefined;
  onChange(fields: Fields): void;
}

export interface ConsoleResultProps<Kind extends ItemKind> {
  /** The item as defined; undefined if the ballot and its result disagree. */
  item: ItemOf<Kind> | undefined;
  result: ResultOf<Kind>;
  title: string;
  notVoted: number;
}

/** On the console: the item in the new-ballot form, its summary, its paper count (纸质计票/举手) and its result. */
export interface ConsolePart<Kind extends ItemKind, Fields> {
  label(): string;
  /** The kind's own fields of a new item, as the form holds them (text as typed). */
  newFields(): Fields;
  /** The fields of an item of a draft being edited, filled in; toItem keeps its entries' ids. */
  fromItem(item: ItemOf<Kind>): Fields;
  /** The API's item; ids are made from positions (c1, c2 …). */
  toItem(fields: Fields, title: string): Record<string, unknown>;
  /** What the form can tell before the server does. */
  problem(fields: Fields): string | null;
  Editor(props: EditorProps<Fields>): ComponentChildren;
  /** The item's details on the ballot page, below its title. */
  Summary(props: { item: ItemOf<Kind>; meetingKind: MeetingKind }): ComponentChildren;
  /** One number field per count entered by hand. */
  manualFields(item: ItemOf<Kind>): { key: string; label: string }[];
  /** The item's entry in PUT /api/ballots/{id}/manual-result, from the counts by field key. */
  manualEntry(item: ItemOf<Kind>, count: (key: string) => number): Record<string, unknown>;
  /** Beside the item's title in the result: the verdict, the number elected, or nothing. */
  ResultHead(props: { result: ResultOf<Kind> }): ComponentChildren;
  Result(props: ConsoleResultProps<Kind>): ComponentChildren;
  /** The verdict in the list of ballots; undefined for kinds without one. */
  passed(result: ResultOf<Kind>): boolean | undefined;
}

/** Everything a kind brings; index.ts checks that every kind brings all of it. */
export interface KindModule<Kind extends ItemKind = ItemKind> {
  voter: VoterPart<Kind, { kind: Kind }>;
  result: ResultPart<Kind>;
  console: ConsolePart<Kind, unknown>;
}
