// A ballot sheet (表决票), new or a draft being edited: title, secret or named, electronic or by hand,
// items, optional deadline. An edit is the same form filled in, saved with PATCH; the items keep their ids.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { consolePart, ITEM_KINDS } from '../kinds/console.js';
import { ItemEditor, type ItemDraft, itemOf, itemProblem, newItem, toItem } from './ballot-items.js';
import { localInput } from './document-format.js';
import type { MeetingBallots } from './live-meeting.js';
import { navigate } from './router.js';
import type { Ballot, MeetingView } from './types.js';
import { ErrorNote, Loading, useAction, useResource } from './ui.js';

function Choice({ name, value, current, label, help, onPick }: { name: string; value: string; current: string; label: string; help: string; onPick: (value: string) => void }) {
  const id = `${name}-${value}`;
  return html`<div class="radio-card">
    <input type="radio" id=${id} name=${name} value=${value} checked=${current === value} aria-describedby=${`${id}-help`} onChange=${() => onPick(value)} />
    <label for=${id}>${label}</label>
    <p id=${`${id}-help`} class="hint">${help}</p>
  </div>`;
}

/** A draft's items in the form. A lone item titled as its sheet is left blank, so it follows the sheet's title as when it was made. */
function itemsOf(ballot: Ballot): ItemDraft[] {
  return ballot.items.map((item) => ({ ...itemOf(item), title: ballot.items.length === 1 && item.title === ballot.title ? '' : item.title }));
}

interface FormProps {
  meeting: MeetingView;
  ballots: MeetingBallots;
  /** The draft being edited; a new sheet without it. */
  ballot?: Ballot;
}

export function BallotForm({ meeting, ballots, ballot }: FormProps) {
  const [title, setTitle] = useState(ballot?.title ?? '');
  const [secrecy, setSecrecy] = useState<string>(ballot?.secrecy ?? 'secret');
  const [method, setMethod] = useState<string>(ballot?.method ?? 'electronic');
  const [deadline, setDeadline] = useState(localInput(ballot?.deadlineAt ?? null));
  const [statutory, setStatutory] = useState(ballot?.statutory ?? false);
  const [items, setItems] = useState<ItemDraft[]>(() => (ballot ? itemsOf(ballot) : [newItem('approval')]));
  const action = useAction();
  // The term's 差额 rule, for the elections' warning; without it (not loaded, or refused) none is shown.
  const termRules = useResource(() => api.get<{ rules: { elections: { minimumCompetition: { numerator: number; denominator: number } } } }>(`/api/terms/${meeting.termId}/rules`), [meeting.termId]);
  const blocked = items.some((item) => itemProblem(item) !== null);
  const listPath = `/admin/meetings/${meeting.id}/ballots`;
  const back = ballot ? `${listPath}/${ballot.id}` : listPath;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (blocked) return;
    await action.run(async () => {
      const body = {
        title: title.trim(),
        secrecy,
        method,
        items: items.map((item) => toItem(item, title)),
        deadlineAt: deadline && method === 'electronic' ? new Date(deadline).toISOString() : null,
        statutory,
      };
      const saved = ballot ? (await api.patch<{ ballot: Ballot }>(`/api/ballots/${ballot.id}`, body)).ballot : (await api.post<{ ballot: Ballot }>(`/api/meetings/${meeting.id}/ballots`, body)).ballot;
      ballots.remember(saved);
      navigate(`${listPath}/${saved.id}`);
    });
  };

  const update = (index: number, draft: ItemDraft) => setItems(items.map((item, position) => (position === index ? draft : item)));
  const remove = (index: number) => setItems(items.filter((_, position) => position !== index));

  return html`<form class="ballot-form" onSubmit=${submit} aria-labelledby="ballot-form-heading">
    <p class="breadcrumb"><a href=${listPath}>← ${t('adminAllBallots')}</a></p>
    <h2 id="ballot-form-heading">${ballot ? t('adminEditBallot') : t('adminNewBallot')}</h2>
    ${ballot && html`<p class="muted">${t('adminEditBallotHelp')}</p>`}
    ${ballot && ballot.state !== 'draft' && html`<p class="notice notice-warn" data-testid="edit-not-draft">${t('adminEditBallotNotDraft')}</p>`}
    <div class="card">
      <label for="ballot-title">${t('adminBallotTitle')}</label>
      <input id="ballot-title" class="wide" required maxlength="200" placeholder=${t('adminBallotTitlePlaceholder')} value=${title} onInput=${(e: Event) => setTitle((e.target as HTMLInputElement).value)} />
      <div class="form-grid two">
        <fieldset><legend>${t('adminSecrecy')}</legend>
          <${Choice} name="secrecy" value="secret" current=${secrecy} label=${t('secret')} help=${t('adminSecretHelp')} onPick=${setSecrecy} />
          <${Choice} name="secrecy" value="named" current=${secrecy} label=${t('named')} help=${t('adminNamedHelp')} onPick=${setSecrecy} />
        </fieldset>
        <fieldset><legend>${t('adminMethod')}</legend>
          <${Choice} name="method" value="electronic" current=${method} label=${t('adminElectronic')} help=${t('adminElectronicHelp')} onPick=${setMethod} />
          <${Choice} name="method" value="manual" current=${method} label=${t('adminManual')} help=${t('adminManualHelp')} onPick=${setMethod} />
        </fieldset>
      </div>
      ${
        method === 'electronic' &&
        html`<label for="ballot-deadline">${t('adminDeadline')}</label>
        <input id="ballot-deadline" type="datetime-local" aria-describedby="ballot-deadline-help" value=${deadline} onInput=${(e: Event) => setDeadline((e.target as HTMLInputElement).value)} />
        <p id="ballot-deadline-help" class="hint">${t('adminDeadlineHelp')}</p>`
      }
      <div class="checkbox">
        <input id="ballot-statutory" type="checkbox" checked=${statutory} aria-describedby=${meeting.sitting === 'joint' ? 'ballot-statutory-help' : undefined} onChange=${(e: Event) => setStatutory((e.target as HTMLInputElement).checked)} />
        <label for="ballot-statutory">${t('ballotStatutory')}</label>
      </div>
      ${meeting.sitting === 'joint' && html`<p id="ballot-statutory-help" class="hint">${t('ballotStatutoryJointHelp')}</p>`}
    </div>
    <h3>${t('adminItems')}</h3>
    <p class="muted">${t('adminItemsHelp')}</p>
    ${meeting.sitting === 'joint' && html`<p class="hint" data-testid="joint-rule-hint">${t('jointItemsRuleHint')}</p>`}
    ${items.map(
      (item, index) => html`<${ItemEditor} draft=${item} index=${index} count=${items.length} meetingKind=${meeting.kind} minimumCompetition=${termRules.value?.rules.elections.minimumCompetition}
      onChange=${(draft: ItemDraft) => update(index, draft)} onRemove=${() => remove(index)} />`,
    )}
    <div class="actions add-items" role="group" aria-label=${t('adminAddItem')}>
      <span class="muted">${t('adminAddItem')}</span>
      ${ITEM_KINDS.map((kind) => html`<button type="button" class="small" onClick=${() => setItems([...items, newItem(kind)])}>+ ${consolePart(kind).label()}</button>`)}
    </div>
    <${ErrorNote} error=${action.error} />
    <div class="actions form-submit">
      <a class="button-link" href=${back}>${t('adminCancel')}</a>
      <button type="submit" class="primary" disabled=${action.busy || blocked}>${ballot ? t('adminSaveBallot') : t('adminCreateBallot')}</button>
    </div>
  </form>`;
}

/** /admin/meetings/:id/ballots/:ballotId/edit: the draft's form once the meeting's ballots are known. */
export function BallotEditScreen({ meeting, ballots, ballotId }: { meeting: MeetingView; ballots: MeetingBallots; ballotId: string }) {
  const ballot = ballots.ballots?.find((entry) => entry.id === ballotId);
  if (!ballots.ballots) return html`<${Loading} />`;
  if (!ballot) return html`<p class="notice notice-error" role="alert">${t('adminBallotNotFound')}</p>`;
  // Keyed by the ballot: the form is filled in once, not refilled by every live update of the sheet.
  return html`<${BallotForm} key=${ballot.id} meeting=${meeting} ballots=${ballots} ballot=${ballot} />`;
}
