// A choice among options (多选一/多选) on the phone: radios when one may be chosen, else checkboxes up to the limit.
import { t } from '../../i18n/i18n.js';
import { html } from '../../shared/html.js';
import { LimitedChecklist, Problem, Radio } from '../../voter/item-controls.js';
import type { ItemInputProps, VoterPart } from '../kind-module.js';

export type ChoiceDraft = { kind: 'choice'; optionIds: string[] };

function ChoiceInput({ item, draft, name, heading, quietHeading, problem, onChange }: ItemInputProps<'choice', ChoiceDraft>) {
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

export const choiceVoter: VoterPart<'choice', ChoiceDraft> = {
  emptyDraft: () => ({ kind: 'choice', optionIds: [] }),
  problem: () => null,
  toAnswer: (_item, draft) => ({ optionIds: draft.optionIds }),
  describe: (item, draft) => {
    const chosen = item.options.filter((option) => draft.optionIds.includes(option.id)).map((option) => option.label);
    return [chosen.length > 0 ? chosen.join(t('listSeparator')) : t('noneChosen')];
  },
  Input: ChoiceInput,
};
