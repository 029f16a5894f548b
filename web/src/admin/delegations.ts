// Delegations (代表团/代表组) of a term: add, rename, choose the leader (团长), delete an empty one.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import type { Delegation, Member } from './types.js';
import { ErrorNote, useAction } from './ui.js';

function DelegationRow({ delegation, members, onChanged }: { delegation: Delegation; members: Member[]; onChanged: () => void }) {
  const action = useAction();
  const own = members.filter((member) => member.delegationId === delegation.id);
  const setLeader = (leaderMemberId: string) =>
    action.run(async () => {
      await api.patch(`/api/delegations/${delegation.id}`, { leaderMemberId: leaderMemberId || null });
      onChanged();
    });
  const remove = () =>
    action.run(async () => {
      await api.delete(`/api/delegations/${delegation.id}`);
      onChanged();
    });
  const selectId = `leader-${delegation.id}`;
  return html`<tr>
    <th scope="row">${delegation.name}</th>
    <td>${own.length}</td>
    <td>
      <label class="visually-hidden" for=${selectId}>${t('adminLeaderOf', { name: delegation.name })}</label>
      <select id=${selectId} class="compact" value=${delegation.leaderMemberId ?? ''} disabled=${action.busy || own.length === 0} onChange=${(e: Event) => setLeader((e.target as HTMLSelectElement).value)}>
        <option value="">${t('adminNoLeader')}</option>
        ${own.map((member) => html`<option value=${member.id}>${member.name}</option>`)}
      </select>
      <${ErrorNote} error=${action.error} />
    </td>
    <td>${own.length === 0 && html`<button type="button" class="small danger" disabled=${action.busy} onClick=${remove} aria-label=${t('adminDeleteNamed', { name: delegation.name })}>${t('adminDelete')}</button>`}</td>
  </tr>`;
}

export function DelegationsPanel({ termId, delegations, members, onChanged }: { termId: string; delegations: Delegation[]; members: Member[]; onChanged: () => void }) {
  const [name, setName] = useState('');
  const action = useAction();
  const add = async (event: Event) => {
    event.preventDefault();
    const ok = await action.run(() => api.post(`/api/terms/${termId}/delegations`, { name: name.trim() }));
    if (ok) {
      setName('');
      onChanged();
    }
  };
  return html`<section class="card" aria-labelledby="delegations-heading">
    <h2 id="delegations-heading">${t('adminDelegations')}</h2>
    <p class="muted">${t('adminDelegationsHelp')}</p>
    ${
      delegations.length > 0 &&
      html`<table class="data compact">
      <thead><tr><th scope="col">${t('adminDelegation')}</th><th scope="col">${t('adminPeople')}</th><th scope="col">${t('adminLeader')}</th><th scope="col"><span class="visually-hidden">${t('adminActions')}</span></th></tr></thead>
      <tbody>${delegations.map((delegation) => html`<${DelegationRow} key=${delegation.id} delegation=${delegation} members=${members} onChanged=${onChanged} />`)}</tbody>
    </table>`
    }
    <form class="input-row" onSubmit=${add}>
      <label class="visually-hidden" for="delegation-name">${t('adminDelegationName')}</label>
      <input id="delegation-name" placeholder=${t('adminDelegationPlaceholder')} required maxlength="60" value=${name} onInput=${(e: Event) => setName((e.target as HTMLInputElement).value)} />
      <button type="submit" disabled=${action.busy}>${t('adminAddDelegation')}</button>
    </form>
    <${ErrorNote} error=${action.error} />
  </section>`;
}
