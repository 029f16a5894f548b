// An election (选举) on the phone: one checkbox per candidate, up to the seats, and write-in boxes
// (另选他人) that take a seat each; names are compared as printed, so the same person twice is refused.
import { t } from '../../i18n/i18n.js';
import { html, useState } from '../../shared/html.js';
import { LimitedChecklist, Problem } from '../../voter/item-controls.js';
import type { ItemInputProps, VoterPart } from '../kind-module.js';

export type ElectionDraft = { kind: 'election'; candidateIds: string[]; writeIns: string[] };

/** Seats an election answer takes: ticked candidates plus write-in boxes. */
function seatsTaken(draft: ElectionDraft): number {
  return draft.candidateIds.length + draft.writeIns.length;
}

const clean = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ');
const list = (names: string[]) => names.join(t('listSeparator'));

function ElectionInput({ item, draft, name, heading, quietHeading, problem, onChange }: ItemInputProps<'election', ElectionDraft>) {
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

export const electionVoter: VoterPart<'election', ElectionDraft> = {
  emptyDraft: () => ({ kind: 'election', candidateIds: [], writeIns: [] }),
  problem: (item, draft) => {
    const names = draft.writeIns.map(clean).filter(Boolean);
    if (draft.writeIns.some((name) => [...clean(name)].length > 40)) return t('writeInTooLong');
    const chosen = item.candidates.filter((candidate) => draft.candidateIds.includes(candidate.id)).map((candidate) => clean(candidate.name));
    const all = [...chosen, ...names];
    if (new Set(all).size !== all.length) return t('writeInDuplicate');
    return null;
  },
  toAnswer: (_item, draft) => ({ candidateIds: draft.candidateIds, writeIns: draft.writeIns.map(clean).filter(Boolean) }),
  describe: (item, draft) => {
    const chosen = item.candidates.filter((candidate) => draft.candidateIds.includes(candidate.id)).map((candidate) => candidate.name);
    const writeIns = draft.writeIns.map(clean).filter(Boolean);
    if (chosen.length + writeIns.length === 0) return [t('noneChosen')];
    return [...(chosen.length > 0 ? [list(chosen)] : []), ...(writeIns.length > 0 ? [t('writeInSummary', { names: list(writeIns) })] : [])];
  },
  Input: ElectionInput,
};
