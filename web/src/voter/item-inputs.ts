// One input per kind of ballot item, built from native radios and checkboxes inside big labels, so
// touch, keyboard and screen readers all work; a choice past the limit is refused and explained.
import { t } from '../i18n/i18n.js';
import { html, useState } from '../shared/html.js';
import type { BallotItem } from '../shared/live.js';
import { type ApprovalChoice, type Draft, type DraftOf, RATING_ABSTAIN, seatsTaken } from './answers.js';

type ItemOf<Kind extends BallotItem['kind']> = Extract<BallotItem, { kind: Kind }>;

interface InputProps<Kind extends Draft['kind']> {
  item: ItemOf<Kind>;
  draft: DraftOf<Kind>;
  name: string;
  heading: string;
  /** Heard by screen readers only: the ballot's own heading already shows the same words. */
  quietHeading: boolean;
  problem: string | null;
  onChange: (draft: DraftOf<Kind>) => void;
}

function Problem({ id, text }: { id: string; text: string | null }) {
  return text ? html`<p class="error item-problem" id=${id}>${text}</p>` : null;
}

function Radio({ name, value, checked, label, onPick }: { name: string; value: string; checked: boolean; label: string; onPick: () => void }) {
  return html`<label class=${`option ${checked ? 'checked' : ''}`} data-value=${value}>
    <input type="radio" name=${name} value=${value} checked=${checked} onChange=${onPick} />
    <span>${label}</span>
  </label>`;
}

const APPROVAL: ApprovalChoice[] = ['yes', 'no', 'abstain'];

function ApprovalInput({ draft, name, heading, quietHeading, problem, onChange }: InputProps<'approval'>) {
  return html`<fieldset class="item" id=${name} aria-describedby=${problem ? `${name}-problem` : undefined}>
    <legend class=${quietHeading ? 'visually-hidden' : undefined}>${heading}</legend>
    <${Problem} id=${`${name}-problem`} text=${problem} />
    <div class="options approval">
      ${APPROVAL.map((value) => html`<${Radio} name=${name} value=${value} checked=${draft.choice === value} label=${t(value)} onPick=${() => onChange({ ...draft, choice: value })} />`)}
    </div>
  </fieldset>`;
}

interface ChecklistProps {
  name: string;
  entries: { id: string; label: string }[];
  selected: string[];
  taken: number;
  max: number;
  fullMessage: string;
  onToggle: (id: string, on: boolean) => void;
  /** Lets a sibling (the write-in button) report a refusal in the same place. */
  refusal: string | null;
}

/** Checkboxes that refuse the (max+1)-th tick: the click is cancelled and the reason announced. */
function LimitedChecklist({ name, entries, selected, taken, max, fullMessage, onToggle, refusal }: ChecklistProps) {
  const [refused, setRefused] = useState<string | null>(null);
  // Once a choice is taken back there is room again, and the refusal no longer applies.
  const message = taken >= max ? (refusal ?? refused) : null;
  return html`
    <div class="options checklist">
      ${entries.map((entry) => {
        const checked = selected.includes(entry.id);
        const click = (event: Event) => {
          if (!checked && taken >= max) {
            event.preventDefault();
            setRefused(fullMessage);
            return;
          }
          setRefused(null);
          onToggle(entry.id, !checked);
        };
        return html`<label class=${`option check ${checked ? 'checked' : ''}`}>
          <input type="checkbox" name=${name} value=${entry.id} checked=${checked} onClick=${click} />
          <span>${entry.label}</span>
        </label>`;
      })}
    </div>
    <p class="limit-message" aria-live="assertive">${message}</p>
  `;
}

function ElectionInput({ item, draft, name, heading, quietHeading, problem, onChange }: InputProps<'election'>) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const taken = seatsTaken(draft);
  const full = t('electionFull', { seats: item.seats });
  const toggle = (id: string, on: boolean) => {
    setRefusal(null);
    onChange({ ...draft, candidateIds: on ? [...draft.candidateIds, id] : draft.candidateIds.filter((other) => other !== id) });
  };
  const addWriteIn = () => {
    if (taken >= item.seats) return setRefusal(full);
    setRefusal(null);
    onChange({ ...draft, writeIns: [...draft.writeIns, ''] });
    requestAnimationFrame(() => document.getElementById(`${name}-write-in-${draft.writeIns.length}`)?.focus());
  };
  const setWriteIn = (index: number, value: string) => onChange({ ...draft, writeIns: draft.writeIns.map((old, at) => (at === index ? value : old)) });
  const removeWriteIn = (index: number) => {
    setRefusal(null);
    onChange({ ...draft, writeIns: draft.writeIns.filter((_, at) => at !== index) });
  };
  return html`<fieldset class="item" id=${name} aria-describedby=${`${name}-hint`}>
    <legend class=${quietHeading ? 'visually-hidden' : undefined}>${heading}</legend>
    <p class="hint" id=${`${name}-hint`}>${t('electionHint', { seats: item.seats, taken })}</p>
    <${Problem} id=${`${name}-problem`} text=${problem} />
    <${LimitedChecklist}
      name=${name}
      entries=${item.candidates.map((candidate) => ({ id: candidate.id, label: candidate.name }))}
      selected=${draft.candidateIds}
      taken=${taken}
      max=${item.seats}
      fullMessage=${full}
      onToggle=${toggle}
      refusal=${refusal}
    />
    ${
      item.allowWriteIn
        ? html`<div class="write-ins">
          ${draft.writeIns.map(
            (value, index) => html`<div class="write-in">
              <label for=${`${name}-write-in-${index}`}>${t('writeInLabel', { number: index + 1 })}</label>
              <div class="write-in-row">
                <input id=${`${name}-write-in-${index}`} type="text" maxlength="40" autocomplete="off" value=${value} onInput=${(event: Event) => setWriteIn(index, (event.target as HTMLInputElement).value)} />
                <button type="button" onClick=${() => removeWriteIn(index)} aria-label=${t('writeInRemoveLabel', { number: index + 1 })}>${t('remove')}</button>
              </div>
            </div>`,
          )}
          <button type="button" class="add-write-in" onClick=${addWriteIn}>${t('writeInAdd')}</button>
        </div>`
        : null
    }
  </fieldset>`;
}

function ChoiceInput({ item, draft, name, heading, quietHeading, problem, onChange }: InputProps<'choice'>) {
  const single = item.maxChoices === 1;
  const options = item.options.map((option) => ({ id: option.id, label: option.label }));
  return html`<fieldset class="item" id=${name} aria-describedby=${`${name}-hint`}>
    <legend class=${quietHeading ? 'visually-hidden' : undefined}>${heading}</legend>
    <p class="hint" id=${`${name}-hint`}>${single ? t('choiceHintSingle') : t('choiceHintMultiple', { max: item.maxChoices, taken: draft.optionIds.length })}</p>
    <${Problem} id=${`${name}-problem`} text=${problem} />
    ${
      single
        ? html`<div class="options">
          ${options.map((option) => html`<${Radio} name=${name} value=${option.id} checked=${draft.optionIds[0] === option.id} label=${option.label} onPick=${() => onChange({ ...draft, optionIds: [option.id] })} />`)}
        </div>`
        : html`<${LimitedChecklist}
          name=${name}
          entries=${options}
          selected=${draft.optionIds}
          taken=${draft.optionIds.length}
          max=${item.maxChoices}
          fullMessage=${t('choiceFull', { max: item.maxChoices })}
          onToggle=${(id: string, on: boolean) => onChange({ ...draft, optionIds: on ? [...draft.optionIds, id] : draft.optionIds.filter((other) => other !== id) })}
          refusal=${null}
        />`
    }
  </fieldset>`;
}

function RatingInput({ item, draft, name, heading, quietHeading, problem, onChange }: InputProps<'rating'>) {
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

export interface ItemInputProps {
  item: BallotItem;
  draft: Draft;
  name: string;
  heading: string;
  quietHeading: boolean;
  problem: string | null;
  onChange: (draft: Draft) => void;
}

export function ItemInput(props: ItemInputProps) {
  const { item, draft } = props;
  const common = { name: props.name, heading: props.heading, quietHeading: props.quietHeading, problem: props.problem, onChange: props.onChange };
  if (item.kind === 'approval' && draft.kind === 'approval') return html`<${ApprovalInput} item=${item} draft=${draft} ...${common} />`;
  if (item.kind === 'election' && draft.kind === 'election') return html`<${ElectionInput} item=${item} draft=${draft} ...${common} />`;
  if (item.kind === 'choice' && draft.kind === 'choice') return html`<${ChoiceInput} item=${item} draft=${draft} ...${common} />`;
  if (item.kind === 'rating' && draft.kind === 'rating') return html`<${RatingInput} item=${item} draft=${draft} ...${common} />`;
  return null;
}
