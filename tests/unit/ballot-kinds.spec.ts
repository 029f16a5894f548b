// The registry of item kinds is complete: every kind has every piece, and a sample item, answer and
// hand count of each go through its schemas, its checks and its tallies and come out as results the
// API's result schema accepts. A kind added without a sample here fails the type-check.
import { describe, expect, it } from 'vitest';
import { keepIds, type StoredBallotItem } from '../../src/ballots/items.js';
import { ITEM_KINDS, type ItemKind, itemKinds, kindModules } from '../../src/ballots/kinds/index.js';
import { ballotItemSchema, type Electorate, itemAnswerSchema, itemResultSchema, manualItemCountsSchema, validateAnswer } from '../../src/ballots/rules.js';

const electorate: Electorate = { eligible: 9, present: 8, cast: 3, body: 'representatives' };

/** Per kind: an item as drafted, three papers' answers, and hand counts for three papers. */
const samples = {
  approval: { item: { kind: 'approval', title: '关于集体合同草案的决议' }, answers: ['yes', 'no', 'abstain'], counts: { kind: 'approval', yes: 1, no: 1, abstain: 1 } },
  election: {
    item: {
      kind: 'election',
      title: '选举工会委员',
      seats: 1,
      candidates: [
        { id: 'zhang', name: '张伟' },
        { id: 'li', name: '李娜' },
      ],
      allowWriteIn: true,
    },
    answers: [{ candidateIds: ['zhang'] }, { candidateIds: [], writeIns: ['李娜'] }, { candidateIds: [] }],
    counts: { kind: 'election', votes: { zhang: 1, li: 1 }, blankBallots: 1 },
  },
  rating: {
    item: { kind: 'rating', title: '民主评议领导班子成员', subjects: [{ id: 'zhao', name: '赵强' }] },
    answers: [{ zhao: 'excellent' }, { zhao: 'competent' }, {}],
    counts: { kind: 'rating', counts: { zhao: { excellent: 1, competent: 1 } } },
  },
  choice: {
    item: {
      kind: 'choice',
      title: '食堂改造方案',
      options: [
        { id: 'a', label: '方案一' },
        { id: 'b', label: '方案二' },
      ],
      maxChoices: 2,
    },
    answers: [{ optionIds: ['a'] }, { optionIds: ['a', 'b'] }, { optionIds: [] }],
    counts: { kind: 'choice', votes: { a: 2, b: 1 }, blankBallots: 1 },
  },
} satisfies { [Kind in ItemKind]: { item: { kind: Kind } & Record<string, unknown>; answers: unknown[]; counts: { kind: Kind } & Record<string, unknown> } };

const PIECES = ['itemSchema', 'answerSchema', 'checkAnswer', 'tally', 'manualCountsSchema', 'manualTally', 'resultSchema'] as const;

describe('the registry of item kinds', () => {
  it('files each kind under its own name, with every piece', () => {
    expect(ITEM_KINDS).toEqual(Object.keys(samples));
    for (const kind of ITEM_KINDS) {
      const module = itemKinds[kind];
      expect(module.kind).toBe(kind);
      for (const piece of PIECES) expect(module[piece], `${kind}.${piece}`).toBeDefined();
      expect(typeof module.checkAnswer).toBe('function');
      expect(typeof module.tally).toBe('function');
      expect(typeof module.manualTally).toBe('function');
    }
  });

  for (const kind of ITEM_KINDS) {
    it(`round-trips a sample ${kind} item, its answers and its hand counts`, () => {
      const sample = samples[kind];
      const module = kindModules[kind];
      const item = ballotItemSchema.parse(sample.item);
      expect(item.kind).toBe(kind);
      // Stored as JSON and read back, the item is the same item.
      expect(ballotItemSchema.parse(JSON.parse(JSON.stringify(item)))).toEqual(item);
      expect(itemKinds[kind].itemSchema.safeParse(sample.item).success).toBe(true);

      const answers = sample.answers.map((answer) => {
        const checked = validateAnswer(item, answer);
        if (!checked.ok) throw new Error(`${kind}: ${checked.code}`);
        expect(itemAnswerSchema.safeParse(checked.answer).success).toBe(true);
        expect(validateAnswer(item, JSON.parse(JSON.stringify(checked.answer)))).toEqual(checked);
        return checked.answer;
      });
      expect(validateAnswer(item, Symbol('junk'))).toEqual({ ok: false, code: 'INVALID_ANSWER' });

      const counted = module.tally(item, answers, electorate);
      expect(itemKinds[kind].resultSchema.parse(counted)).toEqual(counted);
      expect(itemResultSchema.parse(counted)).toEqual(counted);

      // Three papers counted by hand say what the same three papers say counted by the server.
      const counts = manualItemCountsSchema.parse(sample.counts);
      const byHand = module.manualTally(item, counts, { electorate, index: 0 });
      expect(itemResultSchema.parse(byHand)).toEqual(byHand);
      expect(byHand).toEqual(counted);
    });
  }
});

describe('item ids through a draft edit', () => {
  const stored = (id: string, title: string): StoredBallotItem => ({ id, kind: 'approval', title, passingRule: 'all_majority', majorityWording: 'majorityStrict' });
  let next = 0;
  const newId = () => `new-${++next}`;

  it('keeps an id sent back, even with the item renamed and moved', () => {
    const previous = [stored('one', '甲'), stored('two', '乙')];
    const edited = keepIds(previous, [{ ...previous[1]!, title: '乙(修改)' }, { ...previous[0]! }], newId);
    expect(edited.map((item) => item.id)).toEqual(['two', 'one']);
  });

  it('gives an item sent without an id the id of an unclaimed item of the same kind and title, else a new one', () => {
    const previous = [stored('one', '甲'), stored('two', '乙')];
    const { id: _one, ...first } = previous[0]!;
    const edited = keepIds(previous, [{ ...first, title: '丙' }, first, { ...previous[1]! }], newId);
    expect(edited.map((item) => item.id)).toEqual([expect.stringMatching(/^new-/), 'one', 'two']);
  });

  it('never keeps an id of another sheet, nor one id twice, nor an id for an item of another kind', () => {
    const previous = [stored('one', '甲')];
    const edited = keepIds(
      previous,
      [{ ...previous[0]!, id: 'elsewhere', title: '外来' }, { ...previous[0]! }, { ...previous[0]! }, { id: 'one', kind: 'choice', title: '甲', options: [{ id: 'a', label: 'A' }], maxChoices: 1 }],
      newId,
    );
    expect(edited[1]!.id).toBe('one');
    expect(new Set(edited.map((item) => item.id)).size).toBe(4);
    expect(edited.map((item) => item.id).filter((id) => id === 'elsewhere' || id === 'one')).toEqual(['one']);
  });
});
