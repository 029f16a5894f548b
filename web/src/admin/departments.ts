// Departments that handle motions (承办部门) and the accounts that work for them: handlers (承办人)
// scoped to one department, and members of the motions committee (提案委员会). Secretary only.
import { api } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import type { Department } from '../shared/motion-types.js';
import type { Account } from './types.js';
import { Badge, ErrorNote, Loading, useAction, useResource, useTitle } from './ui.js';

type Staff = Account & { departmentId?: string | null; disabled?: boolean };
const value = (event: Event) => (event.target as HTMLInputElement).value;

function NewDepartment({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await action.run(() => api.post('/api/departments', { name: name.trim() }))) {
      setName('');
      onCreated();
    }
  };
  return html`<form class="card form" onSubmit=${submit} aria-labelledby="new-department">
    <h3 id="new-department">${t('moAddDepartment')}</h3>
    <div class="input-row">
      <label class="visually-hidden" for="department-name">${t('moDepartmentName')}</label>
      <input id="department-name" required maxlength="60" placeholder=${t('moDepartmentName')} value=${name} onInput=${(event: Event) => setName(value(event))} />
      <button type="submit" class="primary" disabled=${action.busy}>${t('moAddDepartment')}</button>
    </div>
    <${ErrorNote} error=${action.error} />
  </form>`;
}

function NewAccount({ departments, onCreated }: { departments: Department[]; onCreated: () => void }) {
  const [role, setRole] = useState<'handler' | 'committee'>('handler');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const action = useAction();
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { username: username.trim(), displayName: displayName.trim() || undefined, password, role, ...(role === 'handler' ? { departmentId } : {}) };
    if (await action.run(() => api.post('/api/accounts', body))) {
      setUsername('');
      setDisplayName('');
      setPassword('');
      onCreated();
    }
  };
  return html`<form class="card form" onSubmit=${submit} aria-labelledby="new-staff">
    <h3 id="new-staff">${t(role === 'handler' ? 'moAddHandler' : 'moAddCommittee')}</h3>
    <div class="form-grid two">
      <div><label for="staff-role">${t('moAccountRole')}</label>
        <select id="staff-role" value=${role} onChange=${(event: Event) => setRole(value(event) as 'handler' | 'committee')}>
          <option value="handler">${t('adminRoleHandler')}</option><option value="committee">${t('adminRoleCommittee')}</option></select></div>
      ${
        role === 'handler' &&
        html`<div><label for="staff-department">${t('moDepartment')}</label>
        <select id="staff-department" required value=${departmentId} onChange=${(event: Event) => setDepartmentId(value(event))}>
          <option value="">${t('moChoose')}</option>${departments.filter((department) => !department.disabled).map((department) => html`<option value=${department.id}>${department.name}</option>`)}</select></div>`
      }
      <div><label for="staff-username">${t('moUsername')}</label><input id="staff-username" required maxlength="64" autocomplete="off" value=${username} onInput=${(event: Event) => setUsername(value(event))} /></div>
      <div><label for="staff-name">${t('moDisplayName')}</label><input id="staff-name" maxlength="60" value=${displayName} onInput=${(event: Event) => setDisplayName(value(event))} /></div>
      <div><label for="staff-password">${t('moPassword')}</label><input id="staff-password" type="password" required minlength="12" maxlength="200" autocomplete="new-password" value=${password} onInput=${(event: Event) => setPassword(value(event))} /></div>
    </div>
    <${ErrorNote} error=${action.error} />
    <div class="actions"><button type="submit" class="primary" disabled=${action.busy}>${t(role === 'handler' ? 'moAddHandler' : 'moAddCommittee')}</button></div>
  </form>`;
}

function DepartmentRow({ department, staff, onChanged }: { department: Department; staff: Staff[]; onChanged: () => void }) {
  const action = useAction();
  const toggle = () =>
    action.run(async () => {
      await api.patch(`/api/departments/${department.id}`, { disabled: !department.disabled });
      onChanged();
    });
  const handlers = staff.filter((account) => account.role === 'handler' && account.departmentId === department.id);
  return html`<tr>
    <th scope="row">${department.name} ${department.disabled ? html`<${Badge} tone="neutral">${t('moDisabled')}<//>` : ''}</th>
    <td>${handlers.length === 0 ? '—' : handlers.map((account) => account.displayName || account.username).join('、')}</td>
    <td><button type="button" class="small" disabled=${action.busy} onClick=${toggle}>${t(department.disabled ? 'moEnable' : 'moDisable')}</button><${ErrorNote} error=${action.error} /></td>
  </tr>`;
}

export function DepartmentsScreen() {
  useTitle(t('adminNavDepartments'));
  const departments = useResource(() => api.get<{ departments: Department[] }>('/api/departments').then((body) => body.departments), []);
  const staff = useResource(() => api.get<{ accounts: Staff[] }>('/api/accounts').then((body) => body.accounts), []);
  const reload = () => {
    void departments.reload();
    void staff.reload();
  };
  if (departments.error || staff.error) return html`<h1>${t('adminNavDepartments')}</h1><${ErrorNote} error=${departments.error ?? staff.error} />`;
  if (!departments.value || !staff.value) return html`<h1>${t('adminNavDepartments')}</h1><${Loading} />`;
  const committee = staff.value.filter((account) => account.role === 'committee');
  return html`<h1>${t('adminNavDepartments')}</h1>
    <div class="columns narrow-side">
      <section class="card">
        <h2>${t('moDepartmentsHeading')}</h2>
        ${
          departments.value.length === 0
            ? html`<p class="empty">${t('moNoDepartments')}</p>`
            : html`<table class="data">
          <thead><tr><th scope="col">${t('moDepartmentName')}</th><th scope="col">${t('moHandlers')}</th><th scope="col"></th></tr></thead>
          <tbody>${departments.value.map((department) => html`<${DepartmentRow} department=${department} staff=${staff.value ?? []} onChanged=${reload} />`)}</tbody></table>`
        }
        <h2>${t('adminRoleCommittee')}</h2>
        <p>${committee.length === 0 ? '—' : committee.map((account) => account.displayName || account.username).join('、')}</p>
      </section>
      <div>
        <${NewDepartment} onCreated=${reload} />
        <${NewAccount} departments=${departments.value} onCreated=${reload} />
      </div>
    </div>`;
}
