// Storage (存储): free space against the reserve kept for votes and the scrub, scrubs still owed,
// and who stores how much (figures only: drafts stay their authors'). Officers only.
import { api } from '../shared/api.js';
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import { ErrorNote, Loading, useResource, useTitle } from './ui.js';

export interface StorageHealth {
  refusingWrites: boolean;
  pendingScrubs: number;
  freeBytes?: number | null;
  reserveBytes?: number;
  pendingScrubBallots?: { ballotId: string; title: string | null }[];
}

interface MemberUsage {
  memberId: string;
  name: string;
  delegationName: string | null;
  drafts: number;
  motions: number;
  attachments: number;
  opinions: number;
  bytes: number;
}

interface GroupUsage {
  kind: 'delegation' | 'department';
  id: string | null;
  name: string | null;
  bytes: number;
}

interface Usage {
  limits: { memberDrafts: number; memberBytes: number; groupBytes: number; totalBytes: number };
  totals: { bytes: number; drafts: number; attachments: number };
  members: MemberUsage[];
  groups: GroupUsage[];
  space: StorageHealth;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

const limit = (bytes: number) => (bytes > 0 ? formatBytes(bytes) : t('storageNoLimit'));

/** The warnings every officer screen shows while writes are held back or a scrub is owed. */
export function StorageNotices({ health }: { health: StorageHealth | undefined }) {
  if (!health) return null;
  return html`${health.refusingWrites && html`<p class="notice notice-error" role="alert">${t('storageRefusing')} <a href="/admin/storage">${t('storageNav')}</a></p>`}
    ${health.pendingScrubs > 0 && html`<p class="notice notice-warn" role="status">${t('storageScrubsWaiting', { count: String(health.pendingScrubs) })}</p>`}`;
}

/** The small panel: 可用空间, 保留空间, 待清理的投票. */
export function SpacePanel({ space }: { space: StorageHealth }) {
  const pending = space.pendingScrubBallots ?? [];
  return html`<dl class="facts storage-space">
    <div><dt>${t('storageFree')}</dt><dd>${space.freeBytes == null ? t('storageUnknown') : formatBytes(space.freeBytes)}</dd></div>
    <div><dt>${t('storageReserve')}</dt><dd>${space.reserveBytes === undefined ? '—' : formatBytes(space.reserveBytes)}</dd></div>
    <div><dt>${t('storagePendingScrubs')}</dt><dd>${pending.length === 0 ? t('storageNone') : pending.map((ballot) => ballot.title ?? ballot.ballotId).join('、')}</dd></div>
  </dl>`;
}

export function StorageScreen() {
  useTitle(t('storageTitle'));
  const usage = useResource(() => api.get<Usage>('/api/storage/usage'), []);
  const value = usage.value;
  return html`<section aria-labelledby="storage-heading">
    <div class="section-head">
      <h1 id="storage-heading">${t('storageTitle')}</h1>
      <button type="button" class="small" onClick=${() => usage.reload()}>${t('adminRefresh')}</button>
    </div>
    <${ErrorNote} error=${usage.error} />
    ${!value && !usage.error && html`<${Loading} />`}
    ${
      value &&
      html`
      <${StorageNotices} health=${value.space} />
      <${SpacePanel} space=${value.space} />
      <p class="muted">${t('storageLimits', { drafts: String(value.limits.memberDrafts || t('storageNoLimit')), member: limit(value.limits.memberBytes), group: limit(value.limits.groupBytes), total: limit(value.limits.totalBytes) })}</p>
      <p>${t('storageTotals', { bytes: formatBytes(value.totals.bytes), drafts: String(value.totals.drafts), attachments: String(value.totals.attachments) })}</p>
      <p class="muted">${t('storageHelp')}</p>
      <h2>${t('storageByGroup')}</h2>
      ${
        value.groups.length === 0
          ? html`<p class="empty">${t('storageNone')}</p>`
          : html`<table class="data">
        <thead><tr><th scope="col">${t('storageName')}</th><th scope="col">${t('storageKind')}</th><th scope="col" class="number">${t('storageBytes')}</th></tr></thead>
        <tbody>${value.groups.map(
          (group) => html`<tr>
          <td>${group.name ?? t('storageNoGroup')}</td>
          <td>${t(group.kind === 'delegation' ? 'storageKindDelegation' : 'storageKindDepartment')}</td>
          <td class="number">${formatBytes(group.bytes)}</td>
        </tr>`,
        )}</tbody>
      </table>`
      }
      <h2>${t('storageByMember')}</h2>
      ${
        value.members.length === 0
          ? html`<p class="empty">${t('storageNone')}</p>`
          : html`<table class="data">
        <thead><tr>
          <th scope="col">${t('storageName')}</th><th scope="col">${t('storageKindDelegation')}</th>
          <th scope="col" class="number">${t('storageDrafts')}</th><th scope="col" class="number">${t('storageMotions')}</th>
          <th scope="col" class="number">${t('storageAttachments')}</th><th scope="col" class="number">${t('storageOpinions')}</th>
          <th scope="col" class="number">${t('storageBytes')}</th>
        </tr></thead>
        <tbody>${value.members.map(
          (member) => html`<tr>
          <td>${member.name}</td><td>${member.delegationName ?? t('storageNoGroup')}</td>
          <td class="number">${member.drafts}</td><td class="number">${member.motions}</td>
          <td class="number">${member.attachments}</td><td class="number">${member.opinions}</td>
          <td class="number">${formatBytes(member.bytes)}</td>
        </tr>`,
        )}</tbody>
      </table>`
      }`
    }
  </section>`;
}
