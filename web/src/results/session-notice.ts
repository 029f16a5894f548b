// 会议公告: what a session published to all staff — each published ballot as its own result notice
// shows it, the resolutions and the motions handled — with the publication and posted-until dates.
// Taken down, it says so and shows nothing more.
import { language, t } from '../i18n/i18n.js';
import { api } from '../shared/api.js';
import { chineseDay } from '../shared/dates.js';
import { html, useCallback } from '../shared/html.js';
import type { ResponseOf } from '../shared/api-types.js';
import { BallotResult, NoticePage, ResolutionText } from './notice.js';

type PublicNotice = ResponseOf<'/api/public/sessions/{sessionId}', 'get'>['notice'];
/** A calendar day (2026-03-04) as written, whatever the reader's time zone. */
function formatDay(day: string): string {
  if (language() === 'zh') return chineseDay(day);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function Motions({ motions }: { motions: PublicNotice['motions'] }) {
  if (motions.length === 0) return html`<p class="notice-line">${t('sessionNoticeNoMotions')}</p>`;
  return html`<table class="figures-table notice-motions" data-testid="session-notice-motions">
    <thead><tr>
      <th scope="col">${t('sessionNoticeMotionNumber')}</th><th scope="col">${t('sessionNoticeMotionSubject')}</th>
      <th scope="col">${t('sessionNoticeMotionState')}</th><th scope="col">${t('sessionNoticeMotionDepartment')}</th>
    </tr></thead>
    <tbody>${motions.map((motion) => html`<tr><td>${motion.number ?? '—'}</td><td>${motion.subject}</td><td>${motion.stateName}</td><td>${motion.leadDepartment ?? '—'}</td></tr>`)}</tbody>
  </table>`;
}

function Body({ notice }: { notice: PublicNotice }) {
  const dates = html`<p class="notice-meeting" data-testid="session-notice-dates">
    ${t('sessionNoticePublished', { date: formatDay(notice.publishedOn) })}　${t('sessionNoticePostedUntil', { date: formatDay(notice.postedUntil) })}
  </p>`;
  if (notice.takenDownOn) {
    return html`<article class="notice">
      <h1>${t('sessionNoticeHeading')}</h1>
      <p class="notice-meeting">${notice.title}</p>
      ${dates}
      <p class="notice-message" role="status" data-testid="session-notice-taken-down">${t('sessionNoticeTakenDown', { date: formatDay(notice.takenDownOn) })}</p>
    </article>`;
  }
  return html`<article class="notice">
    <h1>${t('sessionNoticeHeading')}</h1>
    <p class="notice-meeting" data-testid="session-notice-title">${notice.title}</p>
    ${dates}
    <h2 class="session-notice-part">${t('sessionNoticeResults')}</h2>
    ${notice.ballots.length === 0 ? html`<p class="notice-line">${t('sessionNoticeNoBallots')}</p>` : null}
    ${notice.ballots.map((entry) => html`<section class="session-notice-ballot" data-testid="session-notice-ballot"><${BallotResult} notice=${entry} withResolutions=${false} /></section>`)}
    <h2 class="session-notice-part">${t('sessionNoticeResolutions')}</h2>
    ${notice.resolutions.length === 0 ? html`<p class="notice-line">${t('sessionNoticeNoResolutions')}</p>` : null}
    ${notice.resolutions.map((resolution) => html`<${ResolutionText} resolution=${resolution} />`)}
    <h2 class="session-notice-part">${t('sessionNoticeMotions')}</h2>
    <${Motions} motions=${notice.motions} />
    <p class="notice-closing">${t('noticeClosing')}</p>
    <p class="notice-signature">${t('sessionNoticeIssuer', { title: notice.title })}<br /><span>${formatDay(notice.publishedOn)}</span></p>
  </article>`;
}

export function SessionNotice({ sessionId }: { sessionId: string }) {
  const load = useCallback(() => api.get<{ notice: PublicNotice }>(`/api/public/sessions/${encodeURIComponent(sessionId)}`).then(({ notice }) => notice), [sessionId]);
  return html`<${NoticePage} load=${load} notFound="sessionNoticeNotFound" render=${(notice: PublicNotice) => html`<${Body} notice=${notice} />`} />`;
}
