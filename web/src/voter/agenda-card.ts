// The session's agenda (议程) on the phone: every item, the current one marked and opened first, and an
// item's material read from the server when the representative opens it (the snapshot has titles only).
import { t } from '../i18n/i18n.js';
import { api } from '../shared/api.js';
import { html, useEffect, useState } from '../shared/html.js';
import type { Snapshot } from '../shared/live.js';

type Item = NonNullable<Snapshot['agenda']>['items'][number];

function Material({ item }: { item: Item }) {
  const [text, setText] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api.get<{ item: { material: string | null } }>(`/api/agenda-items/${encodeURIComponent(item.id)}`).then(
      (body) => setText(body.item.material ?? ''),
      () => setFailed(true),
    );
  }, [item.id]);
  if (failed) return html`<p class="error" role="alert">${t('errorGeneric')}</p>`;
  if (text === null) return html`<p class="muted">${t('loading')}</p>`;
  return html`<div class="agenda-material" data-testid="agenda-material" tabindex="0">${text}</div>`;
}

export function AgendaCard({ snapshot }: { snapshot: Snapshot }) {
  const agenda = snapshot.agenda;
  const currentId = snapshot.meeting?.currentAgendaItemId ?? null;
  const [open, setOpen] = useState<string | null>(null);
  if (!agenda || agenda.items.length === 0) return null;
  return html`<section class="card agenda" aria-labelledby="agenda-heading" data-testid="agenda">
    <h2 id="agenda-heading">${t('agPhoneAgenda')}</h2>
    <ol class="agenda-items">
      ${agenda.items.map((item) => {
        const current = item.id === currentId;
        const hasMaterial = item.materials.some((material) => material.kind === 'text' || material.kind === 'report');
        return html`<li key=${item.id} class=${current ? 'agenda-item current' : 'agenda-item'} aria-current=${current ? 'step' : undefined} data-testid=${current ? 'agenda-current' : undefined}>
          <p class="agenda-title">${current && html`<span class="badge">${t('agNow')}</span> `}${item.title}</p>
          ${item.presenter && html`<p class="muted small">${t('agPresenterLine', { name: item.presenter })}</p>`}
          ${item.materials.filter((material) => material.kind === 'document' || material.kind === 'ballot').map((material) => html`<p class="muted small">${material.title}</p>`)}
          ${hasMaterial && html`<button type="button" class="small" aria-expanded=${open === item.id ? 'true' : 'false'} onClick=${() => setOpen(open === item.id ? null : item.id)}>${open === item.id ? t('agPhoneClose') : t('agPhoneOpen')}</button>`}
          ${open === item.id && html`<${Material} item=${item} />`}
        </li>`;
      })}
    </ol>
  </section>`;
}
