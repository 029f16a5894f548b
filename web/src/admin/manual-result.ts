// Counts of a show of hands (举手表决) or a paper count, entered by hand and marked as such in the
// result; each item's fields are its kind's (web/src/kinds/<kind>/console.ts).
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { consolePart } from '../kinds/console.js';
import type { AttendanceCounts, Ballot, BallotItem } from './types.js';
import { ErrorNote, useAction } from './ui.js';

type Counts = Record<string, string>;

export function NumberField({ id, label, value, onInput }: { id: string; label: string; value: string; onInput: (value: string) => void }) {
  return html`<div class="number-field"><label for=${id}>${label}</label>
    <input id=${id} type="number" min="0" required inputmode="numeric" value=${value} onInput=${(e: Event) => onInput((e.target as HTMLInputElement).value)} /></div>`;
}

/** One number field per count the item's kind needs. */
export function fieldsOf(item: BallotItem): { key: string; label: string }[] {
  return consolePart(item.kind).manualFields(item);
}

export function toEntry(item: BallotItem, counts: Counts): Record<string, unknown> {
  return consolePart(item.kind).manualEntry(item, (key) => Number(counts[key] || 0));
}

export function ManualResultForm({ ballot, attendance, onSaved }: { ballot: Ballot; attendance: AttendanceCounts; onSaved: (ballot: Ballot) => void }) {
  const [method, setMethod] = useState<'show_of_hands' | 'paper'>('show_of_hands');
  const [present, setPresent] = useState(String(attendance.present));
  const [cast, setCast] = useState(String(attendance.present));
  const [counts, setCounts] = useState<Counts[]>(ballot.items.map(() => ({})));
  const action = useAction();

  const submit = async (event: Event) => {
    event.preventDefault();
    await action.run(async () => {
      const body = { method, present: Number(present), cast: Number(cast), items: ballot.items.map((item, index) => toEntry(item, counts[index] ?? {})) };
      const { ballot: saved } = await api.put<{ ballot: Ballot }>(`/api/ballots/${ballot.id}/manual-result`, body);
      onSaved(saved);
    });
  };

  return html`<form class="manual-form" onSubmit=${submit} aria-labelledby="manual-heading">
    <h3 id="manual-heading">${t('adminEnterManual')}</h3>
    <p class="muted">${t('adminEnterManualHelp')}</p>
    <div class="form-grid">
      <div><label for="manual-method">${t('adminManualMethod')}</label>
        <select id="manual-method" value=${method} onChange=${(e: Event) => setMethod((e.target as HTMLSelectElement).value as 'show_of_hands' | 'paper')}>
          <option value="show_of_hands">${t('adminShowOfHands')}</option>
          <option value="paper">${t('adminPaper')}</option>
        </select></div>
      <${NumberField} id="manual-present" label=${t('present')} value=${present} onInput=${setPresent} />
      <${NumberField} id="manual-cast" label=${t('adminCast')} value=${cast} onInput=${setCast} />
    </div>
    ${ballot.items.map(
      (item, index) => html`<fieldset class="item-editor">
      <legend>${t('adminItemNumber', { number: index + 1 })} · ${item.title}</legend>
      <div class="form-grid">
        ${fieldsOf(item).map(
          ({ key, label }) => html`<${NumberField} id=${`manual-${index}-${key}`} label=${label} value=${counts[index]?.[key] ?? ''}
          onInput=${(value: string) => setCounts(counts.map((entry, position) => (position === index ? { ...entry, [key]: value } : entry)))} />`,
        )}
      </div>
    </fieldset>`,
    )}
    <${ErrorNote} error=${action.error} />
    <div class="actions"><button type="submit" class="primary" disabled=${action.busy}>${t('adminSaveManual')}</button></div>
  </form>`;
}
