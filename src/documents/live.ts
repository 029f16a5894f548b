// Live updates of documents: a changed document reaches the secretariat and motions committee room,
// its drafting department and (once issued) the meeting's room; opinion counts per delegation reach
// the secretariat and the drafters, coalesced so a hall submitting at once sends one update.
import type { Server } from 'socket.io';
import type { DomainEvent } from '../events.js';
import { motionRooms } from '../motions/live.js';
import { listDelegationRows } from '../roster/service.js';
import * as repository from './repository.js';
import { presentSummary } from './views.js';
import type { DocumentDeps } from './deps.js';

export const COALESCE_OPINIONS_MS = 200;

type DocumentEvent = Extract<DomainEvent, { type: 'document.changed' | 'document.opinion' }>;

/** The figures the secretary's screen shows while a round collects: opinions per delegation. */
export async function opinionCounts(context: DocumentDeps, documentId: string) {
  const document = await repository.findDocument(context.db, documentId);
  const round = document && (await repository.listRounds(context.db, documentId)).at(-1);
  if (!document || !round) return null;
  const [counts, delegations] = await Promise.all([repository.countOpinionsByDelegation(context.db, round.id), listDelegationRows(context, document.term_id)]);
  const byDelegation = delegations.map((delegation) => ({
    delegationId: delegation.id,
    name: delegation.name,
    opinions: Number(counts.find((row) => row.delegation_id === delegation.id)?.count ?? 0),
  }));
  return { documentId, roundId: round.id, roundNumber: round.number, total: byDelegation.reduce((sum, entry) => sum + entry.opinions, 0), byDelegation };
}

export class DocumentBroadcaster {
  readonly #pending = new Set<string>();
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly io: Server,
    private readonly context: DocumentDeps,
    private readonly meetingRoom: (meetingId: string) => string,
  ) {}

  async handle(event: DocumentEvent): Promise<void> {
    if (event.type === 'document.opinion') {
      this.#pending.add(event.documentId);
      this.#timer ??= setTimeout(() => {
        this.#timer = null;
        this.#flush().catch((error: unknown) => this.context.logger.error({ err: error }, 'opinion counts broadcast failed'));
      }, COALESCE_OPINIONS_MS);
      return;
    }
    const document = await repository.findDocument(this.context.db, event.documentId);
    if (!document) return;
    const summary = presentSummary(document, await repository.listRounds(this.context.db, document.id), await repository.listBallotItems(this.context.db, document.id));
    const rooms = this.#officerRooms(document.drafting_department_id);
    if (document.state !== 'drafting') rooms.push(this.meetingRoom(document.meeting_id));
    this.io.to(rooms).emit('document:updated', { event: event.event, document: summary });
  }

  #officerRooms(departmentId: string | null): string[] {
    return departmentId ? [motionRooms.officers, motionRooms.department(departmentId)] : [motionRooms.officers];
  }

  async #flush(): Promise<void> {
    const documentIds = [...this.#pending];
    this.#pending.clear();
    for (const documentId of documentIds) {
      const document = await repository.findDocument(this.context.db, documentId);
      const counts = document && (await opinionCounts(this.context, documentId));
      if (document && counts) this.io.to(this.#officerRooms(document.drafting_department_id)).emit('document:opinions', counts);
    }
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
