// Adding or editing one person on the roster: name, staff number (工号), delegation, role and tags.
import { api } from '../shared/api.js';
import { html, useEffect, useRef, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import type { Delegation, Member, MemberRole } from './types.js';
import { ErrorNote, useAction } from './ui.js';

const TAG_KEYS = { frontline: 'adminTagFrontline', female: 'adminTagFemale', management: 'adminTagManagement', technician: 'adminTagTechnician' } as const;

export function tagLabel(tag: string): string {
  return tag in TAG_KEYS ? t(TAG_KEYS[tag as keyof typeof TAG_KEYS]) : tag;
}

const TAG_WORDS: Record<string, string> = {
  一线: 'frontline',
  女: 'female',
  管理: 'management',
  管理人员: 'management',
  技术: 'technician',
  技术人员: 'technician',
  frontline: 'frontline',
  female: 'female',
  management: 'management',
  technician: 'technician',
};

/** "一线、女" or "frontline, female" → ['frontline', 'female']: known tags are stored in English, as the import does. */
function parseTags(text: string): string[] {
  const tags = text
    .split(/[,;，；、\s]+/)
    .filter(Boolean)
    .map((tag) => TAG_WORDS[tag] ?? TAG_WORDS[tag.toLowerCase()] ?? tag);
  return [...new Set(tags)];
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
  const [tags, setTags] = useState((member?.tags ?? []).map(tagLabel).join('、'));
  const action = useAction();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), [member?.id]);
  const value = (event: Event) => (event.target as HTMLInputElement).value;

  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { name: name.trim(), staffNumber: staffNumber.trim(), delegationId: delegationId || null, role, tags: parseTags(tags) };
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
