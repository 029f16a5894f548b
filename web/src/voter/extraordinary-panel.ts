// A representatives' proposal to convene an extraordinary session (临时会议) on the phone: its subject
// and reasons, the live count against the threshold, and signing (附议) or taking one's signature back.
// Attendees see the count only: only representatives may propose.
import { localized, t } from '../i18n/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { html, useState } from '../shared/html.js';
import type { Proposal } from './extraordinary-types.js';

function ProposalCard({ proposal, representative, onChange }: { proposal: Proposal; representative: boolean; onChange: (next: Proposal) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (method: 'post' | 'delete') => {
    setBusy(true);
    setError(null);
    try {
      const url = `/api/extraordinary-proposals/${proposal.id}/signatures${method === 'delete' ? '/mine' : ''}`;
      const body = method === 'post' ? await api.post<{ proposal: Proposal }>(url, {}) : await api.delete<{ proposal: Proposal }>(url);
      onChange(body.proposal);
    } catch (caught) {
      setError(caught instanceof ApiError ? localized({ zh: caught.messageZh, en: caught.messageEn }) : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };
  const count = t('exCount', { signatures: proposal.signatures, threshold: proposal.threshold });
  const headingId = `extraordinary-${proposal.id}`;
  return html`<section class="card extraordinary" aria-labelledby=${headingId} data-testid="extraordinary-card">
    <p class="muted small">${t('exPhoneHeading')}</p>
    <h2 id=${headingId}>${proposal.subject}</h2>
    <p class="extraordinary-reasons">${proposal.reasons}</p>
    <progress max=${proposal.threshold} value=${Math.min(proposal.signatures, proposal.threshold)} aria-label=${count}></progress>
    <p aria-live="polite"><strong data-testid="extraordinary-count">${count}</strong>${proposal.reached ? html` · ${t('exReached')}` : ''}</p>
    ${
      representative &&
      (proposal.signedByMe
        ? html`<p class="small" data-testid="extraordinary-signed">${t('exSigned')}</p>
          <button type="button" disabled=${busy} onClick=${() => act('delete')}>${t('exUnsign')}</button>`
        : html`<button type="button" class="primary" disabled=${busy} onClick=${() => act('post')}>${t('exSign')}</button>`)
    }
    ${error && html`<p class="error" role="alert">${error}</p>`}
  </section>`;
}

export function ExtraordinaryCards({ proposals, representative, onChange }: { proposals: Proposal[]; representative: boolean; onChange: (next: Proposal) => void }) {
  return html`${proposals.map((proposal) => html`<${ProposalCard} key=${proposal.id} proposal=${proposal} representative=${representative} onChange=${onChange} />`)}`;
}
