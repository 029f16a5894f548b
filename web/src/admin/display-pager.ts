// 前一页 / 后一页 for the projector (大屏), on a published ballot's page: the secretary steps through a
// result too long for one screen, or hands paging back to the screen (自动翻页). The steps go to the
// display through the live layer (POST /api/meetings/:id/display/page → display:paged).
import { api } from '../shared/api.js';
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import type { Ballot, MeetingView } from './types.js';
import { ErrorNote, useAction } from './ui.js';

export function DisplayPager({ ballot, meeting }: { ballot: Ballot; meeting: MeetingView }) {
  const action = useAction();
  const send = (step: 'previous' | 'next' | 'auto') => action.run(() => api.post(`/api/meetings/${meeting.id}/display/page`, { ballotId: ballot.id, step }));
  return html`<section class="display-pager" aria-labelledby="display-pager-heading">
    <h4 id="display-pager-heading">${t('adminDisplayPager')}</h4>
    <p class="muted">${t('adminDisplayPagerHelp')}</p>
    <div class="actions">
      <button type="button" disabled=${action.busy} onClick=${() => send('previous')}>${t('adminDisplayPrevious')}</button>
      <button type="button" disabled=${action.busy} onClick=${() => send('next')}>${t('adminDisplayNext')}</button>
      <button type="button" disabled=${action.busy} onClick=${() => send('auto')}>${t('adminDisplayAuto')}</button>
    </div>
    <${ErrorNote} error=${action.error} />
  </section>`;
}
