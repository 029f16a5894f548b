// Adding or editing one person on the roster: name, staff number (工号), delegation, role and tags.
import { api } from '../shared/api.js';
import { html, useEffect, useRef, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import type { Delegation, Member, MemberRole } from './types.js';
import { ErrorNote, useAction } from './ui.js';
import { CATEGORY_TAGS, canonicalTag, categoryLabel, isCategoryTag } from './categories.js';
import { focusUnlessTyping } from '../shared/focus.js';

export function tagLabel(tag: string): string {
  return categoryLabel(tag);
}

/** Free tags typed as text: "劳模、退休返聘" → ['劳模', '退休返聘'] (a category typed here counts as ticked). */
function parseTags(text: string): string[] {
  return text
    .split(/[,;，；、\s]+/)
    .filter(Boolean)
    .map(canonicalTag);
}

interface Props {
  termId: string;
  delegations: Delegation[];
  member: Member | null;
  onSaved: () => void;
  onCancel: () => void;
}

export function MemberForm({ termId, delegations, member, onSaved, onCancel }: Props) {
  const [name, setName] = useState(member?.name ?? '');
  const [staffNumber, setStaffNumber] = useState(member?.staffNumber ?? '');
  const [delegationId, setDelegationId] = useState(member?.delegationId ?? delegations[0]?.id ?? '');
  const [role, setRole] = useState<MemberRole>(member?.role ?? 'representative');
  const known = (member?.tags ?? []).map(canonicalTag);
  const [categories, setCategories] = useState<string[]>(known.filter(isCategoryTag));
  const [tags, setTags] = useState(known.filter((tag) => !isCategoryTag(tag)).join('、'));
  const toggle = (tag: string, on: boolean) => setCategories((current) => (on ? [...current, tag] : current.filter((other) => other !== tag)));
  const action = useAction();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => focusUnlessTyping(first.current), [member?.id]);
  const value = (event: Event) => (event.target as HTMLInputElement).value;

  const submit = async (event: Event) => {
    event.preventDefault();
    const body = {
      name: name.trim(),
      staffNumber: staffNumber.trim(),
      delegationId: delegationId || null,
      role,
      tags: [...new Set([...CATEGORY_TAGS.filter((tag) => categories.includes(tag)), ...parseTags(tags)])],
    };
    const ok = await action.run(() => (member ? api.patch(`/api/members/${member.id}`, body) : api.post(`/api/terms/${termId}/members`, body)));
    if (ok) onSaved();
  };

  return html`<form class="card form" onSubmit=${submit} aria-labelledby="member-form-title">
    <h3 id="member-form-title">${member ? t('adminEditMember', { name: member.name }) : t('adminAddMember')}</h3>
    <div class="form-grid">
      <div><label for="member-name">${t('adminName')}</label>
        <input id="member-name" ref=${first} required maxlength="60" value=${name} onInput=${(e: Event) => setName(value(e))} /></div>
      <div><label for="member-staff">${t('adminStaffNumber')}</label>
        <input id="member-staff" required maxlength="40" value=${staffNumber} onInput=${(e: Event) => setStaffNumber(value(e))} /></div>
      <div><label for="member-delegation">${t('adminDelegation')}</label>
        <select id="member-delegation" value=${delegationId} onChange=${(e: Event) => setDelegationId(value(e))}>
          <option value="">${t('adminNoDelegation')}</option>
          ${delegations.map((delegation) => html`<option value=${delegation.id}>${delegation.name}</option>`)}
        </select></div>
      <div><label for="member-role">${t('adminMemberRole')}</label>
        <select id="member-role" value=${role} onChange=${(e: Event) => setRole(value(e) as MemberRole)}>
          <option value="representative">${t('adminRoleRepresentative')}</option>
          <option value="attendee">${t('adminRoleAttendee')}</option>
        </select></div>
      <fieldset class="inline-fieldset category-boxes"><legend>${t('catLegend')}</legend>
        ${CATEGORY_TAGS.map(
          (tag, index) => html`<span class="checkbox"><input id=${`member-category-${index}`} type="checkbox" checked=${categories.includes(tag)}
            onChange=${(e: Event) => toggle(tag, (e.target as HTMLInputElement).checked)} /><label for=${`member-category-${index}`}>${categoryLabel(tag)}</label></span>`,
        )}</fieldset>
      <div><label for="member-tags">${t('adminTags')}</label>
        <input id="member-tags" aria-describedby="member-tags-help" value=${tags} onInput=${(e: Event) => setTags(value(e))} />
        <p id="member-tags-help" class="hint">${t('adminTagsHelp')}</p></div>
    </div>
    <${ErrorNote} error=${action.error} />
    <div class="actions">
      <button type="button" onClick=${onCancel}>${t('adminCancel')}</button>
      <button type="submit" class="primary" disabled=${action.busy}>${member ? t('adminSave') : t('adminAdd')}</button>
    </div>
  </form>`;
}
