// 表决结果公告: meeting, ballot, eligible / present / cast, each item's counts, rule and verdict,
// and the date of publication, laid out like the paper notice posted after a congress.
import { localized, t } from '../i18n/i18n.js';
import { api, ApiError } from '../shared/api.js';
import { CountHash } from '../shared/count-hash.js';
import { formatDate } from '../shared/dates.js';
import { html, useEffect, useState } from '../shared/html.js';
import { LanguageSwitch } from '../shared/language-switch.js';
import type { ResponseOf } from '../shared/api-types.js';
import type { Ballot } from '../shared/live.js';
import { manualMethodLabel, paperFiguresText, voidText } from '../shared/results.js';
import { useLanguage } from '../shared/use-language.js';
import { ItemSection } from './item-section.js';

export type PublicResult = ResponseOf<'/api/public/ballots/{id}', 'get'>;

type Loaded = { state: 'loading' } | { state: 'ready'; notice: PublicResult } | { state: 'failed'; message: string };

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

export function Notice({ ballotId }: { ballotId: string }) {
  useLanguage();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    api.get<PublicResult>(`/api/public/ballots/${encodeURIComponent(ballotId)}`).then(
      (notice) => setLoaded({ state: 'ready', notice }),
      (error: unknown) => {
        const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
        setLoaded({ state: 'failed', message: notFound ? t('noticeNotFound') : error instanceof ApiError ? localized({ zh: error.messageZh, en: error.messageEn }) : t('errorGeneric') });
      },
    );
  }, [ballotId]);
  return html`<div class="notice-page">
    <div class="notice-tools">
      ${loaded.state === 'ready' ? html`<button type="button" class="primary" onClick=${() => window.print()}>${t('noticePrint')}</button>` : null}
      <${LanguageSwitch} />
    </div>
    ${loaded.state === 'loading' ? html`<p class="notice-message">${t('loading')}</p>` : null}
    ${loaded.state === 'failed' ? html`<p class="notice-message error" role="alert">${loaded.message}</p>` : null}
    ${loaded.state === 'ready' ? html`<${NoticeBody} notice=${loaded.notice} />` : null}
  </div>`;
}
