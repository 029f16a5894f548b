// A choice among options in the console: options (one per line, ids o1, o2 …) and how many may be
// chosen; votes per option by hand; the result's bars, no passing line.
import { t } from '../../i18n/i18n.js';
import { entriesWithIds, ListField, lines } from '../../admin/item-parts.js';
import { BarChart } from '../../admin/result-bars.js';
import { html } from '../../shared/html.js';
import type { ConsolePart, EditorProps } from '../kind-module.js';

interface ChoiceFields {
  options: string;
  maxChoices: string;
  /** The draft's options before this edit: their ids are kept (entriesWithIds). */
  before: { id: string; text: string }[];
}

function Editor({ fields, id, onChange }: EditorProps<ChoiceFields>) {
  return html`<${ListField} id=${`${id}-options`} label=${t('adminOptions')} help=${t('adminOnePerLine')} value=${fields.options} onInput=${(options: string) => onChange({ ...fields, options })} />
    <label for=${`${id}-max`}>${t('adminMaxChoices')}</label>
    <input id=${`${id}-max`} class="narrow" type="number" min="1" value=${fields.maxChoices} onInput=${(e: Event) => onChange({ ...fields, maxChoices: (e.target as HTMLInputElement).value })} />`;
}

export const choiceConsole: ConsolePart<'choice', ChoiceFields> = {
  label: () => t('adminItemChoice'),
  newFields: () => ({ options: '', maxChoices: '1', before: [] }),
  fromItem: (item) => ({
    options: item.options.map((option) => option.label).join('\n'),
    maxChoices: String(item.maxChoices),
    before: item.options.map((option) => ({ id: option.id, text: option.label })),
  }),
  toItem: (fields, title) => ({
    kind: 'choice',
    title,
    options: entriesWithIds(lines(fields.options), fields.before, 'o').map(({ id, text }) => ({ id, label: text })),
    maxChoices: Number(fields.maxChoices),
  }),
  problem: (fields) => {
    const options = lines(fields.options).length;
    if (options === 0) return t('adminProblemNoOptions');
    if (Number(fields.maxChoices) > options) return t('adminProblemMaxChoices');
    return null;
  },
  Editor,
  Summary: ({ item }) => html`<p>${item.options.map((option) => option.label).join('、')} · ${t('adminMaxChoicesShort', { count: item.maxChoices })}</p>`,
  manualFields: (item) => [...item.options.map((option) => ({ key: option.id, label: option.label })), { key: 'blank', label: t('adminBlankBallots') }],
  manualEntry: (item, count) => ({ kind: 'choice', votes: Object.fromEntries(item.options.map((option) => [option.id, count(option.id)])), blankBallots: count('blank') }),
  ResultHead: () => null,
  Result: ({ result, title }) => {
    const bars = [...result.options.map((option) => ({ label: option.label, votes: option.votes, tone: 'plain' })), { label: t('adminBlankBallots'), votes: result.blankBallots, tone: 'abstain' }];
    return html`<${BarChart} bars=${bars} scale=${0} label=${title} />`;
  },
  passed: () => undefined,
};
