// The meeting's live connection for the console (the officer cookie plus { meetingId }), and the ballots
// as the latest of what the socket pushed and what our own actions answered.
import { html, useEffect, useMemo, useState } from '../shared/html.js';
import { type ConnectionStatus, LiveMeeting, type Snapshot } from '../shared/live.js';
import { t } from '../i18n/i18n.js';
import type { Ballot } from './types.js';

export interface LiveState {
  snapshot: Snapshot | null;
  status: ConnectionStatus;
  refused: string | null;
}

export function useLiveMeeting(meetingId: string): LiveState {
  const [state, setState] = useState<LiveState>({ snapshot: null, status: 'connecting', refused: null });
  useEffect(() => {
    const live = new LiveMeeting({
      auth: { meetingId },
      onChange: (snapshot, status) => setState((previous) => ({ ...previous, snapshot, status })),
      onRefused: (code) => setState((previous) => ({ ...previous, refused: code })),
    });
    return () => live.close();
  }, [meetingId]);
  return state;
}

export function ConnectionBadge({ live }: { live: LiveState }) {
  const label = live.refused ? t('offline') : live.status === 'connected' ? t('connected') : t('reconnecting');
  return html`<span class=${`status ${live.refused ? 'reconnecting' : live.status}`} role="status">${label}</span>`;
}

const RANK: Record<Ballot['state'], number> = { draft: 0, open: 1, closed: 2, published: 3 };
const ORDER: Record<Ballot['state'], number> = { open: 0, draft: 1, closed: 2, published: 3 };

/** a: pushed by the socket (with live turnout), b: our action's answer. */
function newest(a: Ballot, b: Ballot): Ballot {
  return RANK[b.state] > RANK[a.state] ? b : a;
}

export interface MeetingBallots {
  ballots: Ballot[] | null;
  remember: (ballot: Ballot) => void;
  forget: (ballotId: string) => void;
}

/** A ballot's state only moves forward, so of two versions the one further along is the newer. */
export function useMeetingBallots(snapshot: Snapshot | null): MeetingBallots {
  const [local, setLocal] = useState<Record<string, Ballot | null>>({});
  const ballots = useMemo(() => {
    if (!snapshot) return null;
    const merged = new Map<string, Ballot>(snapshot.ballots.map((ballot) => [ballot.id, ballot]));
    for (const [id, mine] of Object.entries(local)) {
      const pushed = merged.get(id);
      if (mine === null) merged.delete(id);
      else merged.set(id, pushed ? newest(pushed, mine) : mine);
    }
    const time = (ballot: Ballot) => ballot.publishedAt ?? ballot.closedAt ?? ballot.openedAt ?? '';
    return [...merged.values()].sort((a, b) => ORDER[a.state] - ORDER[b.state] || time(b).localeCompare(time(a)) || a.title.localeCompare(b.title));
  }, [snapshot, local]);
  return {
    ballots,
    remember: (ballot) => setLocal((previous) => ({ ...previous, [ballot.id]: ballot })),
    forget: (ballotId) => setLocal((previous) => ({ ...previous, [ballotId]: null })),
  };
}
