// The representative's motions (提案): the collection window, their own motions, those awaiting
// seconders and those they seconded, one motion in detail, and the draft form. Kept fresh by
// `motion:updated` on the socket; a reconnect re-reads everything it may have missed.
import { formatDate } from '../shared/dates.js';
import { html, useEffect, useRef, useState } from '../shared/html.js';
import type { LiveMeeting, Snapshot } from '../shared/live.js';
import { useLanguage } from '../shared/use-language.js';
import { type MotionDetail, type MotionSettings, type MotionUpdated, motionsApi, type Scope } from './motions-api.js';
import { MotionDetailView } from './motions-detail.js';
import { MotionForm } from './motions-form.js';
import { type Lists, MotionLists } from './motions-list.js';
import { refusalOf, stateLabel } from './motions-labels.js';
import { t } from '../i18n/i18n.js';

export type View = { name: 'list' } | { name: 'new' } | { name: 'edit'; motion: MotionDetail } | { name: 'detail'; id: string };

function CollectionWindow({ settings }: { settings: MotionSettings | null }) {
  if (!settings) return null;
  const now = Date.now();
  let text: string;
  if (settings.collecting) text = settings.closesAt ? t('vmCollectingUntil', { date: formatDate(settings.closesAt) }) : t('vmCollectingOpen');
  else if (settings.opensAt && Date.parse(settings.opensAt) > now) text = t('vmCollectionNotOpen', { date: formatDate(settings.opensAt) });
  else if (settings.closesAt && Date.parse(settings.closesAt) <= now) text = t('vmCollectionClosed', { date: formatDate(settings.closesAt) });
  else text = t('vmCollectionUnset');
  return html`<div class=${`collection ${settings.collecting ? 'open' : 'closed'}`} data-testid="motion-collection">
    <p class="collection-state">${text}</p>
    <p class="muted small">${t('vmSecondersRule', { count: settings.requiredSeconders })}</p>
  </div>`;
}

/** Lists for the three scopes, re-read together (a motion moves between them). */
function useLists(live: LiveMeeting) {
  const [lists, setLists] = useState<Lists>({ mine: null, seconding: null, seconded: null });
  const [failure, setFailure] = useState<string | null>(null);
  const reload = async () => {
    try {
      const [mine, open, seconded] = await Promise.all([motionsApi.list('mine'), motionsApi.list('seconding'), motionsApi.list('seconded')]);
      // 待附议 means "yours to second": not your own, not already seconded by you.
      const taken = new Set([...mine, ...seconded].map((motion) => motion.id));
      setLists({ mine, seconding: open.filter((motion) => !taken.has(motion.id)), seconded });
      setFailure(null);
    } catch (error) {
      setFailure(refusalOf(error));
    }
  };
  useEffect(() => {
    void reload();
    const onConnect = () => void reload();
    live.socket.on('connect', onConnect);
    return () => void live.socket.off('connect', onConnect);
  }, [live]);
  return { lists, failure, reload };
}

interface PanelProps {
  live: LiveMeeting;
  snapshot: Snapshot;
  active: boolean;
}

export function MotionsPanel({ live, snapshot, active }: PanelProps) {
  useLanguage();
  const you = snapshot.you!;
  const meetingId = snapshot.meeting?.id ?? null;
  const representative = you.role === 'representative';
  const [view, setView] = useState<View>({ name: 'list' });
  const [scope, setScope] = useState<Scope>('mine');
  const [settings, setSettings] = useState<MotionSettings | null>(null);
  const [revision, setRevision] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const { lists, failure, reload } = useLists(live);
  const viewNow = useRef(view);
  viewNow.current = view;

  useEffect(() => {
    if (!meetingId) return setSettings(null);
    motionsApi.settings(meetingId).then(setSettings, () => setSettings(null));
  }, [meetingId, active]);

  // A change anywhere re-reads the lists; the motion on screen is re-read too.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdated = ({ motion }: MotionUpdated) => {
      const current = viewNow.current;
      if (current.name === 'detail' && current.id === motion.id) setRevision((value) => value + 1);
      if (motion.state !== 'draft') setAnnouncement(t('vmUpdatedAnnounce', { subject: motion.subject, state: stateLabel(motion.state) }));
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 250);
    };
    live.socket.on('motion:updated', onUpdated);
    return () => {
      clearTimeout(timer);
      live.socket.off('motion:updated', onUpdated);
    };
  }, [live]);

  // Seconding lists change without an event for us (someone else's motion): re-read on showing the tab.
  useEffect(() => {
    if (active) void reload();
  }, [active]);

  const go = (next: View) => {
    setView(next);
    if (next.name === 'list') void reload();
    setTimeout(() => document.getElementById(next.name === 'list' ? 'motions-heading' : 'motion-view-heading')?.focus(), 0);
  };
  const saved = (motion: MotionDetail) => {
    void reload();
    go({ name: 'detail', id: motion.id });
  };

  return html`<div class="motions" data-testid="motions">
    <p class="visually-hidden" aria-live="polite" data-testid="motions-announcement">${announcement}</p>
    ${
      view.name === 'list'
        ? html`<section class="card motions-home" aria-labelledby="motions-heading">
            <h2 id="motions-heading" tabindex="-1">${t('vmHeading')}</h2>
            <${CollectionWindow} settings=${settings} />
            ${
              !representative
                ? html`<p class="note" data-testid="motions-attendee-note">${t('vmAttendeeNote')}</p>`
                : meetingId
                  ? html`<button type="button" class="primary wide" data-testid="motion-new" onClick=${() => go({ name: 'new' })}>＋ ${t('vmNew')}</button>`
                  : html`<p class="note">${t('vmNoMeeting')}</p>`
            }
          </section>
          <${MotionLists} lists=${lists} scope=${scope} onScope=${setScope} failure=${failure} representative=${representative}
            onOpen=${(id: string) => go({ name: 'detail', id })} onRetry=${reload} />`
        : view.name === 'new' && meetingId
          ? html`<${MotionForm} meetingId=${meetingId} motion=${null} onSaved=${saved} onCancel=${() => go({ name: 'list' })} />`
          : view.name === 'edit'
            ? html`<${MotionForm} meetingId=${view.motion.meetingId} motion=${view.motion} onSaved=${saved} onCancel=${() => go({ name: 'detail', id: view.motion.id })} />`
            : view.name === 'detail'
              ? html`<${MotionDetailView} key=${view.id} id=${view.id} you=${you} revision=${revision} settings=${settings}
                onBack=${() => go({ name: 'list' })} onEdit=${(motion: MotionDetail) => go({ name: 'edit', motion })} onChanged=${reload} />`
              : null
    }
  </div>`;
}
