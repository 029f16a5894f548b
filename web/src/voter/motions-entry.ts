// The voter page's two sections, the meeting (check-in and ballots) and motions (提案), as tabs.
// Only this file is on the ballot path: the motions UI is its own chunk, loaded on first use.
import { html, useEffect, useRef, useState } from '../shared/html.js';
import type { LiveMeeting, Snapshot } from '../shared/live.js';
import { type MessageKey, t } from '../i18n/i18n.js';

export type VoterSection = 'meeting' | 'motions';
type Panel = (typeof import('./motions-panel.js'))['MotionsPanel'];

let loading: Promise<Panel> | null = null;
function loadPanel(): Promise<Panel> {
  loading ??= import('./motions-panel.js').then((module) => module.MotionsPanel);
  loading.catch(() => (loading = null));
  return loading;
}

export const sectionIds = { meeting: 'section-meeting', motions: 'section-motions' } as const;

interface TabsProps {
  section: VoterSection;
  onSelect: (section: VoterSection) => void;
  ballotOpen: boolean;
  motionsUpdated: boolean;
}

/** A tablist of two; the arrow keys move between them as the ARIA pattern expects. */
export function SectionTabs({ section, onSelect, ballotOpen, motionsUpdated }: TabsProps) {
  const tabs: { id: VoterSection; label: string; flag: string | null }[] = [
    { id: 'meeting', label: t('vmTabBallots'), flag: ballotOpen && section !== 'meeting' ? t('vmTabBallotOpen') : null },
    { id: 'motions', label: t('vmTabMotions'), flag: motionsUpdated && section !== 'motions' ? t('vmTabUpdated') : null },
  ];
  const onKeyDown = (event: KeyboardEvent) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const next: VoterSection = section === 'meeting' ? 'motions' : 'meeting';
    onSelect(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return html`<div class="section-tabs" role="tablist" aria-label=${t('vmTabsLabel')} onKeyDown=${onKeyDown}>
    ${tabs.map(
      (tab) => html`<button
        type="button"
        role="tab"
        id=${`tab-${tab.id}`}
        data-testid=${`tab-${tab.id}`}
        aria-selected=${section === tab.id ? 'true' : 'false'}
        aria-controls=${sectionIds[tab.id]}
        tabindex=${section === tab.id ? 0 : -1}
        onClick=${() => onSelect(tab.id)}
      >
        ${tab.label}${tab.flag ? html` <span class="tab-flag">${tab.flag}</span>` : null}
      </button>`,
    )}
  </div>`;
}

/** Calls back when a motion changes while the motions section is not on screen (the tab's "有更新"). */
export function useMotionUpdates(live: LiveMeeting | null, watching: boolean, onUpdate: () => void): void {
  const latest = useRef(onUpdate);
  latest.current = onUpdate;
  useEffect(() => {
    if (!live || !watching) return;
    const listener = () => latest.current();
    live.socket.on('motion:updated', listener);
    return () => void live.socket.off('motion:updated', listener);
  }, [live, watching]);
}

interface SectionProps {
  live: LiveMeeting;
  snapshot: Snapshot;
  active: boolean;
}

/** The motions tab panel: loads its UI the first time it is shown, then stays mounted so a draft survives a ballot. */
export function MotionsSection({ live, snapshot, active }: SectionProps) {
  const [panel, setPanel] = useState<{ Panel: Panel } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!active || panel) return;
    loadPanel().then(
      (Panel) => setPanel({ Panel }),
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, [active, attempt]);
  return html`<section id=${sectionIds.motions} role="tabpanel" aria-labelledby="tab-motions" hidden=${!active} class="motions-section">
    ${panel
      ? html`<${panel.Panel} live=${live} snapshot=${snapshot} active=${active} />`
      : failure
        ? html`<div class="card" role="alert"><p class="error">${t('vmLoadFailed', { reason: failure })}</p>
            <button type="button" onClick=${() => (setFailure(null), setAttempt(attempt + 1))}>${t('vmRetry')}</button></div>`
        : html`<p class="card loading">${t('vmLoadingPanel')}</p>`}
  </section>`;
}
