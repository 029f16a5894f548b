// The voter page's sections, the meeting (check-in and ballots), motions (提案), documents for
// consultation (文件, 二上二下) and, for the sitting's presiding chair only, the chair's script (主持词),
// as tabs. Only this file is on the ballot path: the other UIs are chunks of their own, loaded on first use.
import { html, useEffect, useRef, useState } from '../shared/html.js';
import type { LiveMeeting, Snapshot } from '../shared/live.js';
import { t } from '../i18n/i18n.js';

export type VoterSection = 'meeting' | 'motions' | 'documents' | 'script';
type Panel = typeof import('./motions-panel.js')['MotionsPanel'];

/** A chunk loaded once; a failed load is tried again next time. */
function lazily(load: () => Promise<Panel>): () => Promise<Panel> {
  let loading: Promise<Panel> | null = null;
  return () => {
    loading ??= load();
    loading.catch(() => (loading = null));
    return loading;
  };
}

const loaders: Record<Exclude<VoterSection, 'meeting'>, () => Promise<Panel>> = {
  motions: lazily(() => import('./motions-panel.js').then((module) => module.MotionsPanel)),
  documents: lazily(() => import('./documents-panel.js').then((module) => module.DocumentsPanel)),
  script: lazily(() => import('./script-panel.js').then((module) => module.ScriptPanel)),
};

export const sectionIds = { meeting: 'section-meeting', motions: 'section-motions', documents: 'section-documents', script: 'section-script' } as const;

interface TabsProps {
  section: VoterSection;
  onSelect: (section: VoterSection) => void;
  ballotOpen: boolean;
  motionsUpdated: boolean;
  documentsUpdated: boolean;
  /** The sitting's presiding chair (执行主席) also has the 主持词 tab. */
  chair?: boolean;
}

/** A tablist of three (four for the presiding chair); the arrow keys move between them as the ARIA pattern expects. */
export function SectionTabs({ section, onSelect, ballotOpen, motionsUpdated, documentsUpdated, chair = false }: TabsProps) {
  const tabs: { id: VoterSection; label: string; flag: string | null }[] = [
    { id: 'meeting', label: t('vmTabBallots'), flag: ballotOpen && section !== 'meeting' ? t('vmTabBallotOpen') : null },
    { id: 'motions', label: t('vmTabMotions'), flag: motionsUpdated && section !== 'motions' ? t('vmTabUpdated') : null },
    { id: 'documents', label: t('docVoterTab'), flag: documentsUpdated && section !== 'documents' ? t('vmTabUpdated') : null },
    ...(chair ? [{ id: 'script' as const, label: t('scriptTab'), flag: null }] : []),
  ];
  const order = tabs.map((tab) => tab.id);
  const onKeyDown = (event: KeyboardEvent) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const at = order.indexOf(section);
    const next = event.key === 'Home' ? order[0]! : event.key === 'End' ? order[order.length - 1]! : order[(at + (event.key === 'ArrowRight' ? 1 : order.length - 1)) % order.length]!;
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

/** Calls back when a motion (or, with `document:updated`, a document) changes while its section is not on screen (the tab's "有更新"). */
export function useMotionUpdates(live: LiveMeeting | null, watching: boolean, onUpdate: () => void, event = 'motion:updated'): void {
  const latest = useRef(onUpdate);
  latest.current = onUpdate;
  useEffect(() => {
    if (!live || !watching) return;
    const listener = () => latest.current();
    live.socket.on(event, listener);
    return () => void live.socket.off(event, listener);
  }, [live, watching]);
}

interface SectionProps {
  live: LiveMeeting;
  snapshot: Snapshot;
  active: boolean;
  name?: Exclude<VoterSection, 'meeting'>;
}

/** A lazily loaded tab panel (motions, or documents): loads its UI the first time it is shown, then stays mounted so a draft survives a ballot. */
export function MotionsSection({ live, snapshot, active, name = 'motions' }: SectionProps) {
  const [panel, setPanel] = useState<{ Panel: Panel } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!active || panel) return;
    loaders[name]().then(
      (Panel) => setPanel({ Panel }),
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, [active, attempt]);
  return html`<section id=${sectionIds[name]} role="tabpanel" aria-labelledby=${`tab-${name}`} hidden=${!active} class=${`${name}-section`}>
    ${
      panel
        ? html`<${panel.Panel} live=${live} snapshot=${snapshot} active=${active} />`
        : failure
          ? html`<div class="card" role="alert"><p class="error">${t('vmLoadFailed', { reason: failure })}</p>
            <button type="button" onClick=${() => {
              setFailure(null);
              setAttempt(attempt + 1);
            }}>${t('vmRetry')}</button></div>`
          : html`<p class="card loading">${t('vmLoadingPanel')}</p>`
    }
  </section>`;
}
