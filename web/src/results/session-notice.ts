// 会议公告: what a session published to all staff — each published ballot as its own result notice
// shows it, the resolutions and the motions handled — with the publication and posted-until dates.
// Taken down, it says so and shows nothing more.
import { language, localized, t } from '../i18n/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { chineseDay } from '../shared/dates.js';
import { html, useEffect, useState } from '../shared/html.js';
import { LanguageSwitch } from '../shared/language-switch.js';
import type { ResponseOf } from '../shared/api-types.js';
import { useLanguage } from '../shared/use-language.js';
import { BallotResult, ResolutionText } from './notice.js';

type PublicNotice = ResponseOf<'/api/public/sessions/{sessionId}', 'get'>['notice'];
/** A calendar day (2026-03-04) as written, whatever the reader's time zone. */
function formatDay(day: string): string {
  if (language() === 'zh') return chineseDay(day);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

type Loaded = { state: 'loading' } | { state: 'ready'; notice: PublicNotice } | { state: 'failed'; message: string };

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
  useLanguage();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    api.get<{ notice: PublicNotice }>(`/api/public/sessions/${encodeURIComponent(sessionId)}`).then(
      ({ notice }) => setLoaded({ state: 'ready', notice }),
      (error: unknown) => {
        const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setLoaded({ state: 'failed', message: notFound ? t('sessionNoticeNotFound') : error instanceof ApiError ? localized({ zh: error.messageZh, en: error.messageEn }) : t('errorGeneric') });
      },
    );
  }, [sessionId]);
  return html`<div class="notice-page">
    <div class="notice-tools">
      ${loaded.state === 'ready' ? html`<button type="button" class="primary" onClick=${() => window.print()}>${t('noticePrint')}</button>` : null}
      <${LanguageSwitch} />
    </div>
    ${loaded.state === 'loading' ? html`<p class="notice-message">${t('loading')}</p>` : null}
    ${loaded.state === 'failed' ? html`<p class="notice-message error" role="alert">${loaded.message}</p>` : null}
    ${loaded.state === 'ready' ? html`<${Body} notice=${loaded.notice} />` : null}
  </div>`;
}
