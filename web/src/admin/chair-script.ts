// The chair's script (主持词) in the console: the printable page (A4) and the tablet view that follows
// the sitting's current item. Both re-read the script when the live snapshot moves (src/script/).
import { html } from '../shared/html.js';
import { ScriptDocument, ScriptTablet, scriptFingerprint, useChairScript } from '../shared/chair-script.js';
import { t } from '../i18n/i18n.js';
import type { LiveState } from './live-meeting.js';
import type { MeetingView } from './types.js';
import { ErrorNote, Loading } from './ui.js';

export function ChairScriptScreen({ meeting, live, tablet }: { meeting: MeetingView; live: LiveState; tablet: boolean }) {
  const { script, error } = useChairScript(meeting.id, scriptFingerprint(live.snapshot));
  const base = `/admin/meetings/${meeting.id}/script`;
  const bar = html`<p class="link-row no-print">
    ${tablet ? html`<a href=${base}>${t('scriptPrintable')}</a>` : html`<a href=${`${base}/tablet`}>${t('scriptTablet')}</a>`}
    ${!tablet && html`<button type="button" class="primary" onClick=${() => window.print()}>${t('scriptPrint')}</button>`}
    ${!tablet && html`<a class="button-link" download href=${`/api/meetings/${meeting.id}/script/docx`} title=${t('paperDownloadDocxTitle')}>${t('paperDownloadDocx')}</a>`}
    <span class="muted">${t('scriptLiveHint')}</span>
  </p>`;
  if (!script) return error ? html`<${ErrorNote} error=${error} />` : html`<${Loading} />`;
  return html`${bar}${error ? html`<div class="no-print"><${ErrorNote} error=${error} /></div>` : null}
    ${tablet ? html`<${ScriptTablet} script=${script} />` : html`<${ScriptDocument} script=${script} />`}`;
}
