// The chair's script (主持词) of a sitting, shared by the console (printable page and tablet view) and
// the presiding chair's phone tab (a chunk of its own there). The script is written by the server from
// the figures of the moment; this page fetches it again whenever the live snapshot says the current
// item, the attendance or a ballot has moved, so what the chair reads is always the latest.
import { t } from '../i18n/i18n.js';
import { api } from './api.js';
import type { components } from '../generated/api.js';
import { html, useEffect, useRef, useState } from './html.js';
import type { Snapshot } from './live.js';
import './chair-script.css';

export type ChairScript = components['schemas']['ChairScript'];
export type ScriptSection = ChairScript['sections'][number];

/** The item the sitting is on now, as the meeting pushed with meeting:updated / meeting:snapshot. */
export function currentItemOf(snapshot: Snapshot | null): string | null {
  return (snapshot?.meeting as { currentAgendaItemId?: string | null } | null | undefined)?.currentAgendaItemId ?? null;
}

/** What the script is written from, in one string: when it changes, the script is fetched again. */
export function scriptFingerprint(snapshot: Snapshot | null): string {
  if (!snapshot) return '';
  const attendance = snapshot.attendance;
  const ballots = snapshot.ballots.map((ballot) => `${ballot.id}:${ballot.state}:${ballot.turnout?.voted ?? ''}`).join(',');
  return [currentItemOf(snapshot), attendance?.present, attendance?.onLeave, attendance?.eligible, snapshot.meeting?.title, ballots].join('|');
}

export interface ScriptState {
  script: ChairScript | null;
  error: unknown;
}

/** The script, fetched again on every change of the fingerprint; a slower older answer never replaces a newer one. */
export function useChairScript(meetingId: string, fingerprint: string): ScriptState {
  const [state, setState] = useState<ScriptState>({ script: null, error: null });
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    api.get<{ script: ChairScript }>(`/api/meetings/${meetingId}/script`).then(
      ({ script }) => mine === generation.current && setState({ script, error: null }),
      (error: unknown) => mine === generation.current && setState((previous) => ({ ...previous, error })),
    );
  }, [meetingId, fingerprint]);
  return state;
}

/** The section of the current item, or the opening when the sitting is on no item yet. */
export function currentSectionKey(script: ChairScript): string {
  const current = script.currentAgendaItemId && script.sections.find((section) => section.agendaItemId === script.currentAgendaItemId);
  return current ? current.key : 'opening';
}

export function sectionHeading(section: ScriptSection): string {
  if (section.kind === 'opening') return t('scriptOpening');
  if (section.kind === 'closing') return t('scriptClosing');
  return t('scriptItemHeading', { number: section.number ?? '', title: section.title });
}

export function SectionLines({ section }: { section: ScriptSection }) {
  return html`${section.lines.map((line) => (line.kind === 'direction' ? html`<p class="script-direction">${line.text}</p>` : html`<p class="script-speech">${line.text}</p>`))}`;
}

/** The whole script, section after section: the printable page. The current section is marked on screen. */
export function ScriptDocument({ script }: { script: ChairScript }) {
  const current = currentSectionKey(script);
  // When the sitting moves on, the page scrolls to the new item (the reader may have scrolled away).
  useEffect(() => {
    if (current !== 'opening') document.querySelector(`[data-section-key="${CSS.escape(current)}"]`)?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [current]);
  return html`<article class="chair-script" data-testid="chair-script" lang="zh-CN">
    <h1>${script.title}</h1>
    <p class="script-meta">${t('scriptTitle')}${script.presidingChair ? ` · ${t('scriptPresidingChair', { name: script.presidingChair.name })}` : ''}</p>
    ${script.sections.map(
      (
        section,
      ) => html`<section class="script-part" data-testid=${`script-section-${section.number ?? section.key}`} data-section-key=${section.key} aria-current=${section.key === current ? 'step' : undefined}>
        <h2>${sectionHeading(section)}</h2>
        <${SectionLines} section=${section} />
      </section>`,
    )}
  </article>`;
}

/**
 * One section at a time in large type, for a tablet on the chair's desk. It shows the current item;
 * the chair may page ahead or back by hand, 跟随当前议程 (or the sitting moving on) takes it back.
 */
export function ScriptTablet({ script }: { script: ChairScript }) {
  const live = currentSectionKey(script);
  const [chosen, setChosen] = useState<string | null>(null);
  const key = chosen && script.sections.some((section) => section.key === chosen) ? chosen : live;
  const index = Math.max(
    0,
    script.sections.findIndex((section) => section.key === key),
  );
  const section = script.sections[index]!;
  const top = useRef<HTMLElement>(null);
  // The sitting moved on: follow it, whatever section the chair had paged to.
  useEffect(() => setChosen(null), [live]);
  useEffect(() => {
    const element = top.current;
    if (!element) return;
    element.scrollTop = 0;
    if (document.fullscreenElement !== element) element.scrollIntoView?.({ block: 'start' });
  }, [key]);
  const go = (step: number) => setChosen(script.sections[Math.min(script.sections.length - 1, Math.max(0, index + step))]!.key);
  // The chair (or the secretary) takes the sitting to the item on screen: phones and the projector follow.
  const [moveError, setMoveError] = useState<string | null>(null);
  const takeUp = (itemId: string) => {
    setMoveError(null);
    api.put(`/api/meetings/${script.meetingId}/current-item`, { itemId }).then(
      () => setChosen(null),
      (error: unknown) => setMoveError(error instanceof Error ? error.message : String(error)),
    );
  };
  return html`<section class="script-tablet" data-testid="script-tablet" lang="zh-CN" ref=${top}>
    <nav class="script-tablet-bar" aria-label=${t('scriptTablet')}>
      <button type="button" onClick=${() => go(-1)} disabled=${index === 0}>${t('scriptPrevious')}</button>
      <span class="script-tablet-where" data-testid="script-tablet-where">${index + 1} / ${script.sections.length}${key === live ? ` · ${t('scriptNow')}` : ''}</span>
      <button type="button" onClick=${() => go(1)} disabled=${index === script.sections.length - 1}>${t('scriptNext')}</button>
      ${chosen !== null && key !== live ? html`<button type="button" class="primary" onClick=${() => setChosen(null)}>${t('scriptFollow')}</button>` : null}
      ${key !== live && section.agendaItemId ? html`<button type="button" onClick=${() => takeUp(section.agendaItemId!)}>${t('scriptTakeUp')}</button>` : null}
      ${document.fullscreenEnabled ? html`<button type="button" onClick=${() => void top.current?.requestFullscreen()}>${t('scriptFullScreen')}</button>` : null}
    </nav>
    ${moveError ? html`<p class="error" role="alert">${moveError}</p>` : null}
    <h2 data-testid="script-tablet-heading">${sectionHeading(section)}</h2>
    <div class="script-tablet-lines" data-testid="script-tablet-lines" aria-live="polite"><${SectionLines} section=${section} /></div>
  </section>`;
}
