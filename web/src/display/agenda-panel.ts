// Between ballots the projector shows the agenda item of the moment (当前议程): its title, presenter
// and the titles of its materials, sized to fit the wall without a scroll, with where it stands in the agenda.
import { t } from '../i18n/i18n.js';
import { html } from '../shared/html.js';
import type { LiveAgenda } from '../shared/live.js';

/** Beyond this many, the rest of the materials are counted, not listed: the screen never scrolls. */
const MATERIALS_SHOWN = 5;

export function AgendaPanel({ agenda, itemId }: { agenda: LiveAgenda; itemId: string }) {
  const index = agenda.items.findIndex((item) => item.id === itemId);
  const item = agenda.items[index];
  if (!item) return null;
  const shown = item.materials.slice(0, MATERIALS_SHOWN);
  const rest = item.materials.length - shown.length;
  const next = agenda.items[index + 1];
  return html`<section class="display-agenda" data-testid="display-agenda" aria-labelledby="agenda-item-title">
    <p class="agenda-position">${t('agAgenda')} ${index + 1} / ${agenda.items.length}</p>
    <h2 id="agenda-item-title" class="agenda-item-title">${item.title}</h2>
    ${item.presenter && html`<p class="agenda-presenter" data-testid="agenda-presenter">${t('agPresenterLine', { name: item.presenter })}</p>`}
    ${
      shown.length > 0 &&
      html`<div class="agenda-materials"><h3>${t('agMaterials')}</h3><ul>${shown.map((material) => html`<li>${material.title}</li>`)}${rest > 0 && html`<li class="muted">…… +${rest}</li>`}</ul></div>`
    }
    ${next && html`<p class="agenda-next">▸ ${next.title}</p>`}
  </section>`;
}
