// The presiding chair's 主持词 tab on the phone or tablet: the tablet view of the chair's script,
// following the sitting's current item. A chunk of its own: only the chair ever loads it.
import { html } from '../shared/html.js';
import { ScriptTablet, scriptFingerprint, useChairScript } from '../shared/chair-script.js';
import type { LiveMeeting, Snapshot } from '../shared/live.js';
import { localized, t } from '../i18n/i18n.js';
import { ApiError } from '../shared/api.js';

export function ScriptPanel({ snapshot }: { live: LiveMeeting; snapshot: Snapshot; active: boolean }) {
  const meetingId = snapshot.meeting?.id ?? '';
  const { script, error } = useChairScript(meetingId, scriptFingerprint(snapshot));
  const refusal = error ? (error instanceof ApiError ? localized({ zh: error.messageZh, en: error.messageEn }) : t('errorGeneric')) : null;
  return html`<div class="card script-card">
    ${refusal ? html`<p class="error" role="alert">${refusal}</p>` : null}
    ${script ? html`<${ScriptTablet} script=${script} />` : refusal ? null : html`<p class="loading">${t('loading')}</p>`}
  </div>`;
}
