// The representative's meeting, live: who they are, check-in, and every ballot as it opens, closes
// and is published, pushed over the socket. New ballots are announced and receive focus. Motions
// (提案) and documents for consultation (文件) sit on tabs of their own, loaded on first use; an
// opening ballot brings the meeting tab back.
import { type MessageKey, t } from '../i18n/i18n.js';
import { html, useEffect, useRef, useState } from '../shared/html.js';
import { type Ballot, type ConnectionStatus, LiveMeeting, type Snapshot } from '../shared/live.js';
import { useLanguage } from '../shared/use-language.js';
import { AgendaCard } from './agenda-card.js';
import { BallotCard } from './ballot-card.js';
import { CheckIn } from './check-in.js';
import { ExtraordinaryProposals } from './extraordinary-entry.js';
import { MotionsSection, SectionTabs, sectionIds, useMotionUpdates, type VoterSection } from './motions-entry.js';
import { TopBar } from './top-bar.js';

const order = { open: 0, closed: 1, published: 2, draft: 3 } as const;

/** Open ballots first, then those awaiting publication, then results, newest first in each group. */
function sortBallots(ballots: Ballot[]): Ballot[] {
  const latest = (ballot: Ballot) => ballot.publishedAt ?? ballot.closedAt ?? ballot.openedAt ?? '';
  return [...ballots].sort((a, b) => order[a.state] - order[b.state] || latest(b).localeCompare(latest(a)));
}

/** Says "表决开始" out loud and moves focus to a ballot that has just opened (showing the meeting tab first); results too. */
function useBallotAnnouncements(snapshot: Snapshot | null, showMeeting: () => boolean): string {
  const [announcement, setAnnouncement] = useState('');
  const known = useRef<Map<string, Ballot['state']> | null>(null);
  useEffect(() => {
    if (!snapshot) return;
    const previous = known.current;
    known.current = new Map(snapshot.ballots.map((ballot) => [ballot.id, ballot.state]));
    if (!previous) return;
    const opened = snapshot.ballots.find((ballot) => ballot.state === 'open' && previous.get(ballot.id) !== 'open');
    const published = snapshot.ballots.find((ballot) => ballot.state === 'published' && previous.get(ballot.id) !== 'published');
    if (opened) {
      setAnnouncement(t('ballotOpenedAnnounce', { title: opened.title }));
      const focus = () => document.getElementById(`ballot-${opened.id}-title`)?.focus();
      if (showMeeting()) setTimeout(focus, 0);
      else focus();
    } else if (published) {
      setAnnouncement(t('ballotPublishedAnnounce', { title: published.title }));
    }
  }, [snapshot]);
  return announcement;
}

function Me({ snapshot }: { snapshot: Snapshot }) {
  const you = snapshot.you!;
  return html`<div class="me">
    <p class="me-name"><span data-testid="member-name">${you.name}</span> <span class="badge role">${t(you.role === 'attendee' ? 'roleAttendee' : 'roleRepresentative')}</span></p>
    <p class="muted" data-testid="delegation">${you.delegationName ?? t('noDelegation')}</p>
  </div>`;
}

const meetingStateKeys: Record<string, MessageKey> = { draft: 'stateDraft', in_session: 'stateInSession', closed: 'stateClosed' };

function MeetingCard({ snapshot, live, connected }: { snapshot: Snapshot; live: LiveMeeting; connected: boolean }) {
  const { meeting, attendance } = snapshot;
  if (!meeting) {
    return html`<section class="card"><${Me} snapshot=${snapshot} /><p>${t('meetingNone')}</p>
      <button type="button" onClick=${() => live.socket.disconnect().connect()}>${t('lookAgain')}</button></section>`;
  }
  return html`<section class="card meeting" aria-labelledby="meeting-title">
    <p class="muted small">${t(meeting.kind === 'general_assembly' ? 'kindGeneralAssembly' : 'kindCongress')} · ${t(meetingStateKeys[meeting.state] ?? 'stateDraft')}</p>
    <h1 id="meeting-title">${meeting.title}</h1>
    <${Me} snapshot=${snapshot} />
    ${
      attendance
        ? html`<p class="muted small" data-testid="quorum">${`${t('presentOfEligible', { present: attendance.present, eligible: attendance.eligible })} · ${attendance.quorum.reached ? t('quorumReached') : t('quorumNotReached')}`}</p>`
        : null
    }
    <${CheckIn} live=${live} snapshot=${snapshot} connected=${connected} />
  </section>`;
}

export function MeetingView({ onSignedOut }: { onSignedOut: (code: string) => void }) {
  useLanguage();
  const [state, setState] = useState<{ snapshot: Snapshot | null; status: ConnectionStatus }>({ snapshot: null, status: 'connecting' });
  const [live, setLive] = useState<LiveMeeting | null>(null);
  useEffect(() => {
    const meeting = new LiveMeeting({ auth: {}, onChange: (snapshot, status) => setState({ snapshot, status }), onRefused: onSignedOut });
    setLive(meeting);
    return () => meeting.close();
  }, []);
  const [section, setSection] = useState<VoterSection>('meeting');
  const [motionsUpdated, setMotionsUpdated] = useState(false);
  const [documentsUpdated, setDocumentsUpdated] = useState(false);
  const sectionNow = useRef(section);
  sectionNow.current = section;
  const select = (next: VoterSection) => {
    setSection(next);
    if (next === 'motions') setMotionsUpdated(false);
    if (next === 'documents') setDocumentsUpdated(false);
  };
  // A ballot that opens takes the screen from motions: voting comes first. True when the tab changed.
  const showMeeting = () => {
    if (sectionNow.current === 'meeting') return false;
    setSection('meeting');
    return true;
  };
  const announcement = useBallotAnnouncements(state.snapshot, showMeeting);
  useMotionUpdates(live, section !== 'motions', () => setMotionsUpdated(true));
  useMotionUpdates(live, section !== 'documents', () => setDocumentsUpdated(true), 'document:updated');
  const { snapshot, status } = state;
  const connected = status === 'connected';
  const ballots = snapshot ? sortBallots(snapshot.ballots.filter((ballot) => ballot.state !== 'draft')) : [];
  // The sitting's presiding chair (执行主席) has the chair's script on a tab of its own.
  const chair = Boolean(snapshot?.you && (snapshot.meeting as { presidingChairMemberId?: string | null } | null)?.presidingChairMemberId === snapshot.you.memberId);
  // While a ballot is open it comes first; otherwise the agenda, with what is happening now, does.
  const ballotOpen = ballots.some((ballot) => ballot.state === 'open');
  // "No ballot open" comes below the results already out, so on a phone the results come first.
  return html`
    <${TopBar} status=${status} />
    <main class="voter" id="main">
      <p class="visually-hidden" aria-live="assertive" data-testid="announcement">${announcement}</p>
      ${
        !snapshot || !live || !snapshot.you
          ? html`<p class="card loading">${t('loading')}</p>`
          : html`
            <${SectionTabs} section=${section} onSelect=${select} ballotOpen=${ballots.some((ballot) => ballot.state === 'open')} motionsUpdated=${motionsUpdated} documentsUpdated=${documentsUpdated} chair=${chair} />
            <div id=${sectionIds.meeting} role="tabpanel" aria-labelledby="tab-meeting" hidden=${section !== 'meeting'}>
              <${MeetingCard} snapshot=${snapshot} live=${live} connected=${connected} />
              ${snapshot.meeting && html`<${ExtraordinaryProposals} live=${live} termId=${snapshot.meeting.termId} representative=${snapshot.you.role === 'representative'} />`}
              ${!ballotOpen && html`<${AgendaCard} snapshot=${snapshot} />`}
              ${ballots.map((ballot) => html`<${BallotCard} key=${ballot.id} ballot=${ballot} snapshot=${snapshot} live=${live} connected=${connected} />`)}
              ${snapshot.meeting && !ballots.some((ballot) => ballot.state === 'open') ? html`<section class="card quiet" data-testid="no-ballot"><p>${t('noOpenBallot')}</p></section>` : null}
              ${ballotOpen && html`<${AgendaCard} snapshot=${snapshot} />`}
            </div>
            <${MotionsSection} live=${live} snapshot=${snapshot} active=${section === 'motions'} />
            <${MotionsSection} name="documents" live=${live} snapshot=${snapshot} active=${section === 'documents'} />
            ${chair ? html`<${MotionsSection} name="script" live=${live} snapshot=${snapshot} active=${section === 'script'} />` : null}
          `
      }
    </main>
  `;
}
