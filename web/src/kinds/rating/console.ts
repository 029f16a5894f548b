// A rating (测评) in the console: subjects and grades (the default four keep the server's own ids),
// counts per subject and grade by hand, and the result as a table.
import { t } from '../../i18n/i18n.js';
import { entriesWithIds, ListField, lines } from '../../admin/item-parts.js';
import { html } from '../../shared/html.js';
import type { ConsolePart, EditorProps } from '../kind-module.js';

const DEFAULT_GRADES = ['优秀', '称职', '基本称职', '不称职'];
const DEFAULT_GRADE_IDS = ['excellent', 'competent', 'basically_competent', 'incompetent'];

interface RatingFields {
  subjects: string;
  grades: string;
  /** A draft's subjects and grades before this edit: their ids are kept (entriesWithIds); null for a new item. */
  before: { subjects: { id: string; text: string }[]; grades: { id: string; text: string }[] } | null;
}

function Editor({ fields, id, onChange }: EditorProps<RatingFields>) {
  return html`<div class="form-grid">
      <${ListField} id=${`${id}-subjects`} label=${t('adminSubjects')} help=${t('adminOnePerLine')} value=${fields.subjects} onInput=${(subjects: string) => onChange({ ...fields, subjects })} />
      <${ListField} id=${`${id}-grades`} label=${t('adminGrades')} help=${t('adminGradesHelp')} value=${fields.grades} onInput=${(grades: string) => onChange({ ...fields, grades })} />
    </div>`;
}

export const ratingConsole: ConsolePart<'rating', RatingFields> = {
  label: () => t('adminItemRating'),
  newFields: () => ({ subjects: '', grades: DEFAULT_GRADES.join('\n'), before: null }),
  fromItem: (item) => ({
    subjects: item.subjects.map((subject) => subject.name).join('\n'),
    grades: item.grades.map((grade) => grade.label).join('\n'),
    before: { subjects: item.subjects.map((subject) => ({ id: subject.id, text: subject.name })), grades: item.grades.map((grade) => ({ id: grade.id, text: grade.label })) },
  }),
  toItem: (fields, title) => {
    const grades = lines(fields.grades);
    const isDefault = grades.join('|') === DEFAULT_GRADES.join('|');
    const { before } = fields;
    return {
      kind: 'rating',
      title,
      subjects: entriesWithIds(lines(fields.subjects), before?.subjects ?? [], 's').map(({ id, text }) => ({ id, name: text })),
      grades: before
        ? entriesWithIds(grades, before.grades, 'g').map(({ id, text }) => ({ id, label: text }))
        : grades.map((label, index) => ({ id: isDefault ? DEFAULT_GRADE_IDS[index] : `g${index + 1}`, label })),
    };
  },
  problem: (fields) => (lines(fields.subjects).length === 0 || lines(fields.grades).length < 2 ? t('adminProblemRating') : null),
  Editor,
  Summary: ({ item }) => html`<p>${item.subjects.map((subject) => subject.name).join('、')} · ${item.grades.map((grade) => grade.label).join(' / ')}</p>`,
  manualFields: (item) => item.subjects.flatMap((subject) => item.grades.map((grade) => ({ key: `${subject.id}/${grade.id}`, label: `${subject.name} · ${grade.label}` }))),
  manualEntry: (item, count) => ({
    kind: 'rating',
    counts: Object.fromEntries(item.subjects.map((subject) => [subject.id, Object.fromEntries(item.grades.map((grade) => [grade.id, count(`${subject.id}/${grade.id}`)]))])),
  }),
  ResultHead: () => null,
  Result: ({ item, result }) => {
    // Without its definition the grades are named by their ids, so the counts still show.
    const grades = item ? item.grades : Object.keys(result.subjects[0]?.counts ?? {}).map((id) => ({ id, label: id }));
    return html`<table class="data compact">
    <thead><tr><th scope="col">${t('adminSubjects')}</th>${grades.map((grade) => html`<th scope="col" class="num">${grade.label}</th>`)}<th scope="col" class="num">${t('abstain')}</th></tr></thead>
    <tbody>${result.subjects.map((subject) => html`<tr><th scope="row">${subject.name}</th>${grades.map((grade) => html`<td class="num">${subject.counts[grade.id] ?? 0}</td>`)}<td class="num">${subject.abstain}</td></tr>`)}</tbody>
  </table>`;
  },
  passed: () => undefined,
};
