// A term's roster (名册): representatives and attendees by delegation, delegations with their leaders, import.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { DelegationsPanel } from './delegations.js';
import { roleLabel } from './format.js';
import { MemberForm, tagLabel } from './member-form.js';
import { ImportPanel } from './roster-import.js';
import { TermHeader, useTerm } from './term-page.js';
import type { Delegation, Member } from './types.js';
import { Badge, ConfirmDialog, ErrorNote, Loading, useAction, useResource } from './ui.js';

function byDelegation(members: Member[], delegations: Delegation[]): [string, Member[]][] {
  const order = [...delegations.map((delegation) => delegation.name), t('adminNoDelegation')];
  const groups = new Map<string, Member[]>(order.map((name) => [name, []]));
  for (const member of members) groups.get(member.delegationName ?? t('adminNoDelegation'))?.push(member);
  return [...groups.entries()].filter(([, people]) => people.length > 0);
}

function MemberTable({ members, delegations, onEdit, onRemove }: { members: Member[]; delegations: Delegation[]; onEdit: (member: Member) => void; onRemove: (member: Member) => void }) {
  const leaders = new Set(delegations.map((delegation) => delegation.leaderMemberId));
  return html`${byDelegation(members, delegations).map(
    ([name, people]) => html`<section class="group" aria-label=${name}>
    <h3>${name} <span class="muted">${t('adminGroupCount', { count: people.length })}</span></h3>
    <table class="data compact roster-table">
      <thead><tr>
        <th scope="col">${t('adminName')}</th><th scope="col">${t('adminStaffNumber')}</th><th scope="col">${t('adminMemberRole')}</th>
        <th scope="col">${t('adminTags')}</th><th scope="col">${t('adminCode')}</th><th scope="col"><span class="visually-hidden">${t('adminActions')}</span></th>
      </tr></thead>
      <tbody>${people.map(
        (member) => html`<tr>
        <th scope="row">${member.name} ${leaders.has(member.id) && html`<${Badge} tone="accent">${t('adminLeader')}<//>`}</th>
        <td class="mono">${member.staffNumber}</td>
        <td>${roleLabel(member.role)}</td>
        <td>${member.tags.map(tagLabel).join('、')}</td>
        <td>${member.hasCode ? html`<span class="ok">${t('adminHasCode')}</span>` : html`<span class="muted">${t('adminNoCode')}</span>`}</td>
        <td class="row-actions">
          <button type="button" class="small" onClick=${() => onEdit(member)} aria-label=${t('adminEditNamed', { name: member.name })}>${t('adminEdit')}</button>
          <button type="button" class="small danger" onClick=${() => onRemove(member)} aria-label=${t('adminRemoveNamed', { name: member.name })}>${t('adminRemove')}</button>
        </td>
      </tr>`,
      )}</tbody>
    </table>
  </section>`,
  )}`;
}

export function RosterScreen({ termId }: { termId: string }) {
  const term = useTerm(termId);
  const delegations = useResource(() => api.get<{ delegations: Delegation[] }>(`/api/terms/${termId}/delegations`).then((body) => body.delegations), [termId]);
  const members = useResource(() => api.get<{ members: Member[] }>(`/api/terms/${termId}/members`).then((body) => body.members), [termId]);
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const removal = useAction();
  const reload = () => Promise.all([delegations.reload(), members.reload()]);

  const remove = async () => {
    if (!removing) return;
    const ok = await removal.run(() => api.delete(`/api/members/${removing.id}`));
    setRemoving(null);
    if (ok) void reload();
  };

  const header = html`<${TermHeader} term=${term.value} termId=${termId} section="roster" title=${t('adminRoster')} />`;
  const failed = term.error ?? delegations.error ?? members.error;
  if (failed) return html`${header}<${ErrorNote} error=${failed} />`;
  if (!delegations.value || !members.value) return html`${header}<${Loading} />`;
  const everyone = members.value;
  const representatives = everyone.filter((member) => member.role === 'representative').length;

  return html`${header}
    <p class="summary">${t('adminRosterSummary', { representatives, attendees: everyone.length - representatives, delegations: delegations.value.length })}</p>
    <div class="columns even">
      <${DelegationsPanel} termId=${termId} delegations=${delegations.value} members=${everyone} onChanged=${reload} />
      <${ImportPanel} termId=${termId} onImported=${reload} />
    </div>
    <section aria-labelledby="members-heading">
      <div class="section-head">
        <h2 id="members-heading">${t('adminMembers')}</h2>
        <button type="button" class="primary" onClick=${() => setEditing('new')} aria-expanded=${editing === 'new'}>${t('adminAddMember')}</button>
      </div>
      ${
        editing &&
        html`<${MemberForm} key=${editing === 'new' ? 'new' : editing.id} termId=${termId} delegations=${delegations.value} member=${editing === 'new' ? null : editing}
        onCancel=${() => setEditing(null)} onSaved=${() => {
          setEditing(null);
          void reload();
        }} />`
      }
      <${ErrorNote} error=${removal.error} />
      ${everyone.length === 0 ? html`<p class="empty">${t('adminRosterEmpty')}</p>` : html`<${MemberTable} members=${everyone} delegations=${delegations.value} onEdit=${setEditing} onRemove=${setRemoving} />`}
    </section>
    <${ConfirmDialog} open=${removing !== null} title=${t('adminRemoveMemberTitle')} confirmLabel=${t('adminRemove')} danger busy=${removal.busy}
      onConfirm=${remove} onCancel=${() => setRemoving(null)}>
      <p>${removing && t('adminRemoveMemberConfirm', { name: removing.name, staffNumber: removing.staffNumber })}</p>
    <//>`;
}
