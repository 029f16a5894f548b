// A rating (测评, 优秀/称职/…) on the phone: one row of grade radios per subject, abstaining included.
import { t } from '../../i18n/i18n.js';
import { html } from '../../shared/html.js';
import { Problem, Radio } from '../../voter/item-controls.js';
import type { ItemInputProps, VoterPart } from '../kind-module.js';

export type RatingDraft = { kind: 'rating'; grades: Record<string, string> };

/** A subject the voter explicitly abstains on is left out of the answer. */
const RATING_ABSTAIN = '';

function RatingInput({ item, draft, name, heading, quietHeading, problem, onChange }: ItemInputProps<'rating', RatingDraft>) {
  const grades = [...item.grades.map((grade) => ({ id: grade.id, label: grade.label })), { id: RATING_ABSTAIN, label: t('abstain') }];
  return html`<fieldset class="item" id=${name}>
    <legend class=${quietHeading ? 'visually-hidden' : undefined}>${heading}</legend>
    <${Problem} id=${`${name}-problem`} text=${problem} />
    ${item.subjects.map(
      (subject, index) => html`<fieldset class="subject">
        <legend>${subject.name}</legend>
        <div class="options grades">
          ${grades.map(
            (grade) => html`<${Radio}
              name=${`${name}-s${index}`}
              value=${grade.id}
              checked=${draft.grades[subject.id] === grade.id}
              label=${grade.label}
              onPick=${() => onChange({ ...draft, grades: { ...draft.grades, [subject.id]: grade.id } })}
            />`,
          )}
        </div>
      </fieldset>`,
    )}
  </fieldset>`;
}

export const ratingVoter: VoterPart<'rating', RatingDraft> = {
  emptyDraft: () => ({ kind: 'rating', grades: {} }),
  problem: (item, draft) => {
    const missing = item.subjects.filter((subject) => draft.grades[subject.id] === undefined);
    return missing.length > 0 ? t('missingRating', { names: missing.map((subject) => subject.name).join('、') }) : null;
  },
  toAnswer: (_item, draft) => Object.fromEntries(Object.entries(draft.grades).filter(([, grade]) => grade !== RATING_ABSTAIN)),
  describe: (item, draft) =>
    item.subjects.map((subject) => {
      const grade = item.grades.find((entry) => entry.id === draft.grades[subject.id]);
      return t('ratingLine', { subject: subject.name, grade: grade ? grade.label : t('abstain') });
    }),
  Input: RatingInput,
};
