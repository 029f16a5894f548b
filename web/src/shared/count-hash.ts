// The count hash (计票校验码) of a counted ballot: 64 hex digits in groups of four, monospace and small,
// so a scrutineer can read it off the projector or a notice and compare it with the signed printout.
import { t } from '../i18n/i18n.js';
import { html } from './html.js';
import './count-hash.css';

/** "ab12 cd34 …": groups of four, spaces between (what the printed notice shows too). */
export function groupedHash(hash: string): string {
  return hash.match(/.{1,4}/g)?.join(' ') ?? '';
}

export function CountHash({ hash }: { hash: string | null }) {
  if (!hash) return null;
  return html`<p class="count-hash" data-testid="count-hash">
    <span class="count-hash-label">${t('countHash')}</span> <code class="count-hash-value" translate="no">${groupedHash(hash)}</code>
  </p>`;
}
