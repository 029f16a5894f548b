// The projector's connection (authenticated by the token in its URL) and the screen's layout:
// the meeting's title, attendance and quorum beside the ballot of the moment.
import { t } from '../i18n/i18n.js';
import { ConnectionBadge } from '../shared/connection-status.js';
import { html, useEffect, useMemo, useRef, useState } from '../shared/html.js';
import { type Ballot, type ConnectionStatus, LiveMeeting, type Snapshot } from '../shared/live.js';
import { useLanguage } from '../shared/use-language.js';
import { AgendaPanel } from './agenda-panel.js';
import { AttendancePanel } from './attendance-panel.js';
import { BallotPanel } from './ballot-panel.js';
import type { PageOrder } from './paged-result.js';
import { pageSecondsFrom } from './paging.js';

/** An open ballot if there is one (the latest opened), else the one that changed last. */
export function currentBallot(ballots: Ballot[]): Ballot | null {
  const latest = (ballot: Ballot) => ballot.publishedAt ?? ballot.closedAt ?? ballot.openedAt ?? '';
  const visible = ballots.filter((ballot) => ballot.state !== 'draft');
  const open = visible.filter((ballot) => ballot.state === 'open').sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? ''));
  return open[0] ?? [...visible].sort((a, b) => latest(b).localeCompare(latest(a)))[0] ?? null;
}

/**
 * Whether the screen shows the agenda item rather than the last ballot: an open ballot always wins;
 * otherwise whichever moved last, the current item or a ballot (a new result stays up until the
 * secretary moves on). On connect, the current item if there is one.
 */
function useAgendaFocus(snapshot: Snapshot | null, ballot: Ballot | null): boolean {
  const itemId = snapshot?.meeting?.currentAgendaItemId ?? null;
  const ballotKey = ballot ? `${ballot.id}:${ballot.state}` : '';
  const seen = useRef<{ itemId: string | null; ballotKey: string } | null>(null);
  const [agenda, setAgenda] = useState(false);
  useEffect(() => {
    if (!snapshot) return;
    const before = seen.current;
    seen.current = { itemId, ballotKey };
    if (!before) setAgenda(itemId !== null);
    else if (before.ballotKey !== ballotKey && ballot) setAgenda(false);
    else if (before.itemId !== itemId) setAgenda(itemId !== null);
  }, [snapshot !== null, itemId, ballotKey]);
  return agenda && itemId !== null && ballot?.state !== 'open' && Boolean(snapshot?.agenda?.items.some((item) => item.id === itemId));
}

export function DisplayApp({ token }: { token: string }) {
  useLanguage();
  const [state, setState] = useState<{ snapshot: Snapshot | null; status: ConnectionStatus }>({ snapshot: null, status: 'connecting' });
  const [refused, setRefused] = useState(false);
  const [pageOrder, setPageOrder] = useState<PageOrder | null>(null);
  useEffect(() => {
    const live = new LiveMeeting({ auth: { displayToken: token }, onChange: (snapshot, status) => setState({ snapshot, status }), onRefused: () => setRefused(true) });
    // The secretary's steps through a long result's pages reach only the display's own room.
    live.socket.on('display:paged', ({ ballotId, step }: Omit<PageOrder, 'sequence'>) => setPageOrder((last) => ({ ballotId, step, sequence: (last?.sequence ?? 0) + 1 })));
    return () => live.close();
  }, [token]);
  const pageSeconds = useMemo(() => pageSecondsFrom(location.search), []);
  if (refused) return html`<main class="display message"><p class="display-refused" role="alert">${t('displayTokenInvalid')}</p></main>`;
  const { snapshot, status } = state;
  const meeting = snapshot?.meeting;
  const ballot = snapshot ? currentBallot(snapshot.ballots) : null;
  const showAgenda = useAgendaFocus(snapshot, ballot);
  return html`<main class="display">
    <header class="display-header">
      <h1>${meeting?.title ?? t('appName')}</h1>
      <${ConnectionBadge} status=${status} />
    </header>
    ${
      !snapshot
        ? html`<p class="display-waiting">${t('loading')}</p>`
        : html`<div class="display-body">
          <${AttendancePanel} attendance=${snapshot.attendance} />
          <section class="display-ballot">
            ${
              showAgenda && snapshot.agenda && meeting?.currentAgendaItemId
                ? html`<${AgendaPanel} agenda=${snapshot.agenda} itemId=${meeting.currentAgendaItemId} />`
                : ballot && meeting
                  ? html`<${BallotPanel} ballot=${ballot} meeting=${meeting} serverTime=${snapshot.serverTime} pageSeconds=${pageSeconds} pageOrder=${pageOrder} />`
                  : html`<p class="display-waiting">${meeting ? t('displayWaiting') : t('meetingNone')}</p>`
            }
          </section>
        </div>`
    }
  </main>`;
}
