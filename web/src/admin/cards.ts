// Printable credential cards (代表证): every person's name, delegation, code and QR, eight to an A4 page.
// Codes are shown once: the server keeps only their keyed hashes, so the cards are printed from here.
import QRCode from 'qrcode';
import { api } from '../shared/api.js';
import { html, useEffect, useState } from '../shared/html.js';
import { svgImageSource } from '../shared/svg-image.js';
import { t } from '../i18n/i18n.js';
import { roleLabel } from './format.js';
import { TermHeader, useTerm } from './term-page.js';
import type { IssuedCode, Member, Term } from './types.js';
import { ConfirmDialog, ErrorNote, Loading, useAction, useResource } from './ui.js';

const CARDS_PER_PAGE = 8;

function pages<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

/** The join page under the same address as the card's link (PUBLIC_URL, or where the console was opened). */
function joinAddress(joinUrl: string): string {
  return `${new URL(joinUrl, location.href).origin}/join`;
}

/** The card's QR code, drawn here from its join link (as an image: an image runs no script). */
function QrImage({ text, label }: { text: string; label: string }) {
  const [source, setSource] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then((svg) => current && setSource(svgImageSource(svg)));
    return () => void (current = false);
  }, [text]);
  return source ? html`<img class="credential-qr" src=${source} alt=${label} width="104" height="104" />` : html`<span class="credential-qr" role="img" aria-label=${label}></span>`;
}

function Credential({ card, term, member }: { card: IssuedCode; term: Term | null; member: Member | undefined }) {
  return html`<article class="credential" aria-label=${t('adminCardOf', { name: card.name })}>
    <p class="credential-title">${t('adminCardHeading', { term: term?.title ?? '' })}</p>
    <div class="credential-body">
      <div class="credential-who">
        <p class="credential-name">${card.name}</p>
        <p class="credential-delegation">${card.delegationName ?? ''}</p>
        <p class="credential-role">${member ? roleLabel(member.role) : ''} · ${card.staffNumber}</p>
      </div>
      <${QrImage} text=${card.joinUrl} label=${t('adminCardQr', { name: card.name })} />
    </div>
    <p class="credential-code"><span class="credential-code-label">${t('adminCardCode')}</span><span class="mono">${card.code}</span></p>
    <p class="credential-hint">${t('adminCardHint', { address: joinAddress(card.joinUrl) })}</p>
  </article>`;
}

function CardSheet({ codes, term, members }: { codes: IssuedCode[]; term: Term | null; members: Member[] }) {
  const byId = new Map(members.map((member) => [member.id, member]));
  return html`<div class="card-sheet" aria-label=${t('adminCardSheet')}>
    ${pages(codes, CARDS_PER_PAGE).map(
      (page, index) => html`<section class="card-page" aria-label=${t('adminCardPage', { page: index + 1 })}>
      ${page.map((card) => html`<${Credential} key=${card.memberId} card=${card} term=${term} member=${byId.get(card.memberId)} />`)}
    </section>`,
    )}
  </div>`;
}

export function CardsScreen({ termId }: { termId: string }) {
  const term = useTerm(termId);
  const members = useResource(() => api.get<{ members: Member[] }>(`/api/terms/${termId}/members`).then((body) => body.members), [termId]);
  const [codes, setCodes] = useState<IssuedCode[] | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const action = useAction();

  useEffect(() => {
    if (!codes || codes.length === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [codes]);

  const issue = async (scope: 'missing' | 'all') => {
    setConfirmAll(false);
    await action.run(async () => {
      const body = await api.post<{ codes: IssuedCode[] }>(`/api/terms/${termId}/codes`, { scope });
      setCodes(body.codes);
      void members.reload();
    });
  };

  const header = html`<${TermHeader} term=${term.value} termId=${termId} section="cards" title=${t('adminCards')} />`;
  if (term.error || members.error) return html`${header}<${ErrorNote} error=${term.error ?? members.error} />`;
  if (!members.value) return html`${header}<${Loading} />`;
  const everyone = members.value;
  const missing = everyone.filter((member) => !member.hasCode).length;

  return html`${header}
    <section class="card no-print" aria-labelledby="codes-heading">
      <h2 id="codes-heading">${t('adminCardsIssue')}</h2>
      <ul class="explain">
        <li>${t('adminCardsOnce')}</li>
        <li>${t('adminCardsMissingHelp', { count: missing })}</li>
        <li>${t('adminCardsAllHelp')}</li>
      </ul>
      <div class="actions">
        <button type="button" class="primary" disabled=${action.busy || missing === 0} onClick=${() => issue('missing')}>${t('adminIssueMissing', { count: missing })}</button>
        <button type="button" class="danger" disabled=${action.busy || everyone.length === 0} onClick=${() => setConfirmAll(true)}>${t('adminIssueAll')}</button>
      </div>
      <${ErrorNote} error=${action.error} />
    </section>
    ${
      codes &&
      html`<div class="notice notice-ok no-print print-bar" role="status">
      <span>${codes.length === 0 ? t('adminNoCardsIssued') : t('adminCardsIssued', { count: codes.length, pages: Math.ceil(codes.length / CARDS_PER_PAGE) })}</span>
      ${codes.length > 0 && html`<button type="button" class="primary" onClick=${() => window.print()}>${t('adminPrint')}</button>`}
    </div>`
    }
    ${codes && codes.length > 0 && html`<${CardSheet} codes=${codes} term=${term.value ?? null} members=${everyone} />`}
    <${ConfirmDialog} open=${confirmAll} title=${t('adminIssueAllTitle')} confirmLabel=${t('adminIssueAllConfirmButton')} danger busy=${action.busy}
      onConfirm=${() => issue('all')} onCancel=${() => setConfirmAll(false)}>
      <p>${t('adminIssueAllConfirm', { count: everyone.length })}</p>
    <//>`;
}
