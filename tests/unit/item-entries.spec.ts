// Editing a draft ballot in the console: the form is filled in from the sheet's items and saved back.
// Saved without a change, every item comes back as it was, entry ids included (a member's id used as a
// candidate's id too); a corrected typo keeps its entry's id; new lines are numbered past the ids in use.
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

type Entry = { id: string; text: string };
type ConsolePart = { fromItem(item: object): unknown; toItem(fields: unknown, title: string): Record<string, unknown>; newFields(): unknown };

let entriesWithIds: (texts: string[], before: Entry[], prefix: string) => Entry[];
let consolePart: (kind: string) => ConsolePart;

/** The web modules are loaded by URL: they are DOM code, type-checked by web/tsconfig.json (as in item-kinds.spec.ts). */
beforeAll(async () => {
  const web = (path: string) => import(pathToFileURL(`${import.meta.dirname}/../../web/src/${path}`).href);
  ({ entriesWithIds } = await web('admin/item-parts.ts'));
  ({ consolePart } = await web('kinds/console.ts'));
});

describe('entries typed one per line, with their ids', () => {
  it('numbers a new item’s entries by position, as before', () => {
    expect(entriesWithIds(['王建国', '李秀英'], [], 'c')).toEqual([
      { id: 'c1', text: '王建国' },
      { id: 'c2', text: '李秀英' },
    ]);
  });

  it('keeps an entry’s id when its line still names it, wherever it moved', () => {
    const before = [
      { id: 'member-a', text: '王建国' },
      { id: 'member-b', text: '李秀英' },
    ];
    expect(entriesWithIds(['李秀英', '王建国'], before, 'c')).toEqual([
      { id: 'member-b', text: '李秀英' },
      { id: 'member-a', text: '王建国' },
    ]);
  });

  it('keeps the id of the entry on a corrected line, and numbers a new line past the ids in use', () => {
    const before = [
      { id: 'c1', text: '王建国' },
      { id: 'c2', text: '李秀鹰' },
    ];
    expect(entriesWithIds(['王建国', '李秀英', '张伟'], before, 'c')).toEqual([
      { id: 'c1', text: '王建国' },
      { id: 'c2', text: '李秀英' },
      { id: 'c3', text: '张伟' },
    ]);
  });

  it('never gives a new line an id another line keeps', () => {
    const before = [
      { id: 'c2', text: '甲' },
      { id: 'c1', text: '乙' },
    ];
    expect(entriesWithIds(['新人', '甲', '乙'], before, 'c').map((entry) => entry.id)).toEqual(['c3', 'c2', 'c1']);
  });
});

describe('a draft’s items, filled in and saved unchanged', () => {
  const items = [
    { kind: 'approval', title: '关于《集体合同（草案）》的决议', passingRule: 'all_two_thirds', majorityWording: 'majorityInclusive' },
    {
      kind: 'election',
      title: '职工董事选举',
      seats: 1,
      candidates: [
        { id: 'member-7', name: '王建国' },
        { id: 'member-9', name: '李秀英' },
      ],
      allowWriteIn: true,
      passingRule: 'all_majority',
      majorityWording: 'majorityStrict',
    },
    {
      kind: 'choice',
      title: '食堂改造方案',
      options: [
        { id: 'o1', label: '方案一' },
        { id: 'o2', label: '方案二' },
      ],
      maxChoices: 1,
    },
    {
      kind: 'rating',
      title: '民主评议',
      subjects: [{ id: 's1', name: '张厂长' }],
      grades: [
        { id: 'excellent', label: '优秀' },
        { id: 'competent', label: '称职' },
        { id: 'basically_competent', label: '基本称职' },
        { id: 'incompetent', label: '不称职' },
      ],
    },
    {
      kind: 'rating',
      title: '测评（自定等级）',
      subjects: [{ id: 's1', name: '李科长' }],
      grades: [
        { id: 'g1', label: '好' },
        { id: 'g2', label: '较好' },
      ],
    },
  ];

  it.each(items.map((item) => [item.title, item] as const))('%s comes back as it was', (_title, item) => {
    const part = consolePart(item.kind);
    expect(part.toItem(part.fromItem(item), item.title)).toEqual(item);
  });
});
