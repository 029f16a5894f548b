// The live meeting: one Socket.IO connection, the latest snapshot, and every broadcast applied to it.
// On (re)connect the server sends a full snapshot, so a phone back on the Wi-Fi is right at once.
import { io, type Socket } from 'socket.io-client';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

// Ballots and attendance as the API declares them (generated from the OpenAPI document); snapshots and broadcasts
// carry the same views as GET /api/ballots/:id.
export type { AttendanceCounts, Ballot, BallotItem, BallotResult, ItemResult } from './api-types.js';
import type { AttendanceCounts, Ballot } from './api-types.js';
import type { components } from '../generated/api.js';

/** The meeting's kind and state as the API declares them (from the server's MEETING_KINDS and MEETING_STATES). */
type ApiMeeting = components['schemas']['Meeting'];

export interface Meeting {
  id: string;
  termId: string;
  title: string;
  kind: ApiMeeting['kind'];
  sessionNumber: number | null;
  state: ApiMeeting['state'];
  quorum: { numerator: number; denominator: number };
  /** The agenda item this sitting is on now (议程): phones and the projector highlight it. */
  currentAgendaItemId?: string | null;
}

/** The session's agenda as screens hold it: titles and the titles of materials (src/agenda/live.ts). */
export type LiveAgenda = components['schemas']['LiveAgenda'];

export interface Snapshot {
  meeting: Meeting | null;
  attendance: AttendanceCounts | null;
  ballots: Ballot[];
  agenda?: LiveAgenda | null;
  you: {
    memberId: string;
    name: string;
    role: 'representative' | 'attendee';
    delegationName: string | null;
    attendance: string;
    voted: string[] /** Open ballots they hold a paper for (纸电同步): they vote on paper. */;
    paper?: string[];
  } | null;
  serverTime: string;
}

/**
 * A snapshot as it arrives: in full, with the version of its meeting's part (the meeting, the ballots
 * but their turnout, the agenda); or, when the page reconnected holding that version and it is still
 * current, only the figures and the viewer (`same`), each ballot's turnout in the full snapshot's order.
 */
type WireSnapshot =
  | (Snapshot & { version?: string; same?: undefined })
  | { version: string; same: true; attendance: AttendanceCounts | null; turnouts: Ballot['turnout'][]; you: Snapshot['you']; serverTime: string };

/** The meeting's part of the last full snapshot as it came, and its version. */
interface KeptPart {
  version: string;
  meeting: Meeting | null;
  ballots: Ballot[];
  agenda?: LiveAgenda | null;
}

export type Envelope<T> = { data: T; error?: undefined } | { data?: undefined; error: { code: string; message: string; messageZh: string; messageEn: string } };

export interface LiveOptions {
  auth: Record<string, string>;
  onChange: (snapshot: Snapshot | null, status: ConnectionStatus) => void;
  onRefused?: (code: string) => void;
}

function replaceBallot(snapshot: Snapshot, ballot: Ballot | null, ballotId: string): Snapshot {
  const others = snapshot.ballots.filter((existing) => existing.id !== ballotId);
  const ballots = ballot ? [...others, ballot].sort((a, b) => (a.openedAt ?? a.id).localeCompare(b.openedAt ?? b.id)) : others;
  return { ...snapshot, ballots };
}

export class LiveMeeting {
  readonly socket: Socket;
  snapshot: Snapshot | null = null;
  status: ConnectionStatus = 'connecting';
  #stopped = false;
  /**
   * Sent back on reconnecting (snapshotVersion), so an unchanged meeting, ballot list and agenda are not
   * sent again: a phone of a hall that reconnects at once gets a few hundred bytes, not every ballot.
   * Forgotten as soon as a broadcast changes any of them: the page then holds a part the server never sent.
   */
  #kept: KeptPart | null = null;

  constructor(private readonly options: LiveOptions) {
    const auth = (send: (data: object) => void) => send({ ...options.auth, ...(this.#kept ? { snapshotVersion: this.#kept.version } : {}) });
    this.socket = io({ transports: ['websocket'], auth, reconnectionDelay: 500, reconnectionDelayMax: 5000, randomizationFactor: 0.5 });
    this.socket.on('connect', () => this.#set(this.snapshot, 'connected'));
    this.socket.on('disconnect', (reason) => {
      this.#set(this.snapshot, 'reconnecting');
      // Socket.IO never retries after the server ends a socket (rights changed, signed out, a restart):
      // try again after a spread-out pause, so the page either comes back or is told why it was refused.
      if (reason === 'io server disconnect' && !this.#stopped) setTimeout(() => !this.#stopped && this.socket.connect(), 500 + Math.random() * 1500);
    });
    this.socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      const code = error.data?.code;
      if (code && ['INVALID_CODE', 'UNAUTHENTICATED', 'FORBIDDEN', 'DISPLAY_TOKEN_INVALID'].includes(code)) {
        this.#stopped = true;
        this.socket.disconnect();
        options.onRefused?.(code);
      } else if (!this.socket.active) {
        // Refused for now (too many of this person's pages connected, a flood's cooldown, a failure):
        // Socket.IO does not retry a handshake the server refused, so try again after a spread-out pause.
        setTimeout(() => !this.#stopped && !this.socket.connected && this.socket.connect(), 5_000 + Math.random() * 5_000);
      }
      this.#set(this.snapshot, 'reconnecting');
    });
    // The browser knows first when the Wi-Fi drops: stop at once instead of waiting for the ping
    // timeout, hold off retrying while there is no network, and reconnect the moment it returns.
    window.addEventListener('offline', this.#wentOffline);
    window.addEventListener('online', this.#cameOnline);
    this.socket.on('meeting:snapshot', (wire: WireSnapshot) => {
      const snapshot = this.#fromWire(wire);
      if (snapshot) return this.#set(snapshot, 'connected');
      // Only the figures, for a part this page no longer holds (it changed on the way): ask again, in full.
      this.#kept = null;
      this.socket.disconnect().connect();
    });
    this.socket.on('meeting:updated', ({ meeting }: { meeting: Meeting }) => this.#updatePart((s) => ({ ...s, meeting })));
    this.socket.on('agenda:updated', ({ agenda, currentAgendaItemId }: { agenda: LiveAgenda | null; currentAgendaItemId: string | null }) =>
      this.#updatePart((s) => ({ ...s, agenda, meeting: s.meeting && { ...s.meeting, currentAgendaItemId } })),
    );
    this.socket.on('attendance:updated', ({ counts }: { counts: AttendanceCounts }) => this.#update((s) => ({ ...s, attendance: counts })));
    for (const name of ['ballot:opened', 'ballot:closed', 'ballot:published']) {
      this.socket.on(name, ({ ballot }: { ballot: Ballot }) => this.#updatePart((s) => replaceBallot(s, ballot, ballot.id)));
    }
    this.socket.on('ballot:updated', ({ ballotId, ballot }: { ballotId: string; ballot: Ballot | null }) => this.#updatePart((s) => replaceBallot(s, ballot, ballotId)));
    this.socket.on('ballot:turnout', ({ ballotId, voted, eligible }: { ballotId: string; voted: number; eligible: number }) => this.countTurnout(ballotId, voted, eligible));
    this.socket.on('ballot:voted', ({ ballotId }: { ballotId: string }) =>
      this.#update((s) => (s.you && !s.you.voted.includes(ballotId) ? { ...s, you: { ...s.you, voted: [...s.you.voted, ballotId] } } : s)),
    );
  }

  #update(change: (snapshot: Snapshot) => Snapshot): void {
    if (this.snapshot) this.#set(change(this.snapshot), this.status);
  }

  /** A change to the meeting, a ballot or the agenda: the kept part is no longer what the page shows. */
  #updatePart(change: (snapshot: Snapshot) => Snapshot): void {
    this.#kept = null;
    this.#update(change);
  }

  /** The snapshot a wire snapshot stands for, or null for figures of a part no longer kept. */
  #fromWire(wire: WireSnapshot): Snapshot | null {
    if (wire.same) {
      const kept = this.#kept;
      if (kept?.version !== wire.version) return null;
      const ballots = kept.ballots.map((ballot, index) => ({ ...ballot, turnout: wire.turnouts[index] ?? null }));
      return { meeting: kept.meeting, attendance: wire.attendance, ballots, agenda: kept.agenda ?? null, you: wire.you, serverTime: wire.serverTime };
    }
    const { version, ...snapshot } = wire;
    this.#kept = version ? { version, meeting: snapshot.meeting, ballots: snapshot.ballots, agenda: snapshot.agenda ?? null } : null;
    return snapshot;
  }

  #set(snapshot: Snapshot | null, status: ConnectionStatus): void {
    this.snapshot = snapshot;
    this.status = status;
    this.options.onChange(snapshot, status);
  }

  readonly #wentOffline = (): void => {
    if (this.#stopped) return;
    this.socket.disconnect();
    this.#set(this.snapshot, 'reconnecting');
  };

  readonly #cameOnline = (): void => {
    if (!this.#stopped && !this.socket.connected) this.socket.connect();
  };

  /**
   * A ballot's turnout from a broadcast, or from the acknowledgement of this phone's own vote (which
   * carries the count with that vote in it, before the next coalesced broadcast). While a ballot is
   * open its turnout only grows, so the larger count wins: a broadcast read before the vote and
   * arriving after its acknowledgement never takes the vote back, and nothing is counted twice.
   */
  countTurnout(ballotId: string, voted: number, eligible?: number): void {
    this.#update((s) => ({
      ...s,
      ballots: s.ballots.map((b) => (b.id === ballotId ? { ...b, turnout: { voted: Math.max(voted, b.turnout?.voted ?? 0), eligible: eligible ?? b.turnout?.eligible ?? 0 } } : b)),
    }));
  }

  /** Asks for a fresh snapshot (e.g. after a check-in, which only the asker's own view shows). */
  async refresh(): Promise<void> {
    const envelope = await this.command<Snapshot>('meeting:sync', {});
    if (envelope.data) this.#set(envelope.data, this.status);
  }

  /** Sends a command and waits for its envelope; a timeout is reported as code TIMEOUT. */
  command<T>(name: string, payload: unknown, timeoutMs = 10_000): Promise<Envelope<T>> {
    return new Promise((resolve) => {
      this.socket.timeout(timeoutMs).emit(name, payload, (error: Error | null, envelope: Envelope<T>) => {
        if (error) resolve({ error: { code: 'TIMEOUT', message: 'timeout', messageZh: '服务器没有及时回应', messageEn: 'The server did not answer in time' } });
        else resolve(envelope);
      });
    });
  }

  close(): void {
    this.#stopped = true;
    window.removeEventListener('offline', this.#wentOffline);
    window.removeEventListener('online', this.#cameOnline);
    this.socket.disconnect();
  }
}
