// 表决结果公告: meeting, ballot, eligible / present / cast, each item's counts, rule and verdict,
// and the date of publication, laid out like the paper notice posted after a congress.
import { localized, type MessageKey, t } from '../i18n/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { CountHash } from '../shared/count-hash.js';
import { formatDate } from '../shared/dates.js';
import { html, useCallback, useEffect, useState } from '../shared/html.js';
import { LanguageSwitch } from '../shared/language-switch.js';
import type { ResponseOf } from '../shared/api-types.js';
import type { Ballot } from '../shared/live.js';
import { manualMethodLabel, paperFiguresText, voidText } from '../shared/results.js';
import { useLanguage } from '../shared/use-language.js';
import { ItemSection } from './item-section.js';

export type PublicResult = ResponseOf<'/api/public/ballots/{id}', 'get'>;

type Loaded<Notice> = { state: 'loading' } | { state: 'ready'; notice: Notice } | { state: 'failed'; message: string };

function Figures({ ballot }: { ballot: Ballot }) {
  const result = ballot.result!;
  const hands = result.manual && result.manualMethod !== 'paper';
  return html`<table class="figures-table">
    <thead><tr><th scope="col">${t('noticeEligible')}</th><th scope="col">${t('noticePresent')}</th><th scope="col">${t(hands ? 'noticeCastHands' : 'noticeCast')}</th></tr></thead>
    <tbody><tr>
      <td data-testid="notice-eligible">${t('noticePeople', { count: result.eligible })}</td>
      <td data-testid="notice-present">${t('noticePeople', { count: result.present })}</td>
      <td data-testid="notice-cast">${t(hands ? 'noticePeople' : 'noticeBallots', { count: result.cast })}</td>
    </tr></tbody>
  </table>
  ${paperFiguresText(result) && html`<p class="notice-papers" data-testid="notice-papers">${paperFiguresText(result)}</p>`}
  ${voidText(result) && html`<p class="notice-void" role="alert">${voidText(result)}</p>`}`;
}

/** A resolution the item decided, in full, as adopted or not: the text is Chinese, as the congress voted it. */
export function ResolutionText({ resolution }: { resolution: PublicResult['resolutions'][number] }) {
  return html`<section class="notice-resolution" data-testid="notice-resolution" lang="zh-CN">
    <h3>${t('noticeResolution')}：${resolution.title}</h3>
    ${resolution.text.split('\n').map((paragraph) => html`<p>${paragraph}</p>`)}
  </section>`;
}

/**
 * One published ballot's facts, figures and items: the body of its own notice and a section of a
 * session's notice. The resolutions its items decided follow their items, unless the page lists them apart.
 */
export function BallotResult({ notice, withResolutions = true }: { notice: PublicResult; withResolutions?: boolean }) {
  const { ballot, meeting } = notice;
  const result = ballot.result;
  if (!result) return null;
  const method = result.manual ? t('manualBadge', { method: manualMethodLabel(result) }) : t('noticeElectronic', { secrecy: t(ballot.secrecy) });
  const decided = (itemId: string) => (withResolutions ? notice.resolutions.filter((resolution) => resolution.itemId === itemId) : []);
  return html`<dl class="notice-facts">
      <div><dt>${t('noticeBallot')}</dt><dd data-testid="notice-ballot">${ballot.title}</dd></div>
      <div><dt>${t('noticeMethod')}</dt><dd>${method}</dd></div>
    </dl>
    <${Figures} ballot=${ballot} />
    <${CountHash} hash=${ballot.finalHash} />
    ${ballot.items.map(
      (item, index) => html`<${ItemSection} item=${item} index=${index} ballot=${ballot} kind=${meeting.kind} />
        ${decided(item.id).map((resolution) => html`<${ResolutionText} resolution=${resolution} />`)}`,
    )}`;
}

function NoticeBody({ notice }: { notice: PublicResult }) {
  const { ballot, meeting } = notice;
  if (!ballot.result) return null;
  return html`<article class="notice">
    <h1>${t('noticeHeading')}</h1>
    <p class="notice-meeting" data-testid="notice-meeting">${meeting.title}</p>
    <${BallotResult} notice=${notice} />
    <p class="notice-closing">${t('noticeClosing')}</p>
    <p class="notice-signature">${t('noticeIssuer', { meeting: meeting.title })}<br /><span data-testid="notice-date">${formatDate(ballot.publishedAt)}</span></p>
  </article>`;
}

/**
 * A public notice page (a ballot's or a session's): loads the notice once, then offers printing and
 * the language switch; a notice that does not exist (or is not published) says so in its own words.
 */
export function NoticePage<Notice>({ load, notFound, render }: { load: () => Promise<Notice>; notFound: MessageKey; render: (notice: Notice) => unknown }) {
  useLanguage();
  const [loaded, setLoaded] = useState<Loaded<Notice>>({ state: 'loading' });
  useEffect(() => {
    load().then(
      (notice) => setLoaded({ state: 'ready', notice }),
      (error: unknown) => {
        const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setLoaded({ state: 'failed', message: missing ? t(notFound) : error instanceof ApiError ? localized({ zh: error.messageZh, en: error.messageEn }) : t('errorGeneric') });
      },
    );
  }, [load]);
  return html`<div class="notice-page">
    <div class="notice-tools">
      ${loaded.state === 'ready' ? html`<button type="button" class="primary" onClick=${() => window.print()}>${t('noticePrint')}</button>` : null}
      <${LanguageSwitch} />
    </div>
    ${loaded.state === 'loading' ? html`<p class="notice-message">${t('loading')}</p>` : null}
    ${loaded.state === 'failed' ? html`<p class="notice-message error" role="alert">${loaded.message}</p>` : null}
    ${loaded.state === 'ready' ? render(loaded.notice) : null}
  </div>`;
}

export function Notice({ ballotId }: { ballotId: string }) {
  const load = useCallback(() => api.get<PublicResult>(`/api/public/ballots/${encodeURIComponent(ballotId)}`), [ballotId]);
  return html`<${NoticePage} load=${load} notFound="noticeNotFound" render=${(notice: PublicResult) => html`<${NoticeBody} notice=${notice} />`} />`;
}
