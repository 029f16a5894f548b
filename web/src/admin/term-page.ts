// The frame of a term's (届) pages: its title, and tabs for the roster, the credential cards, the rules, the credentials reports and the extraordinary-session proposals.
import { api } from '../shared/api.js';
import { html } from '../shared/html.js';
import { t } from '../i18n/i18n.js';
import type { Term } from './types.js';
import { type Resource, Tabs, useResource, useTitle } from './ui.js';

export function useTerm(termId: string): Resource<Term | null> {
  return useResource(() => api.get<{ terms: Term[] }>('/api/terms').then((body) => body.terms.find((term) => term.id === termId) ?? null), [termId]);
}

export function TermHeader({
  term,
  termId,
  section,
  title,
}: {
  term: Term | null | undefined;
  termId: string;
  section: 'roster' | 'cards' | 'sessions' | 'rules' | 'credentials' | 'extraordinary';
  title: string;
}) {
  useTitle(term ? `${term.title} · ${title}` : title);
  const base = `/admin/terms/${termId}`;
  return html`<div class="meeting-head">
      <p class="breadcrumb"><a href="/admin">← ${t('adminBackToMeetings')}</a></p>
      <div class="page-head"><h1>${term ? `${term.title} · ${title}` : title}</h1></div>
    </div>
    <${Tabs} label=${t('adminTermSections')} current=${`${base}/${section}`} tabs=${[
      { href: `${base}/roster`, label: t('adminRoster') },
      { href: `${base}/cards`, label: t('adminCards') },
      { href: `${base}/sessions`, label: t('agSessions') },
      { href: `${base}/rules`, label: t('rulesTitle') },
      { href: `${base}/credentials`, label: t('credTitle') },
      { href: `${base}/extraordinary`, label: t('exNav') },
    ]} />`;
}
