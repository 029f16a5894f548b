// The agenda as a sitting's screens hold it: titles, presenters and the titles of materials, kept in
// memory between writes to the tables it is read from, so a reconnecting hall reads it once, not per phone.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { KeptReads, type TableWatch } from '../db/table-watch.js';
import * as repository from './repository.js';
import type { LiveAgenda } from './schemas.js';

type Kept = Readonly<LiveAgenda> | null;

const TITLE_LENGTH = 80;

/** Pure: a text material's title, its first non-empty line, cut short. */
export function materialTitle(material: string): string {
  const line =
    material
      .split('\n')
      .find((text) => text.trim() !== '')
      ?.trim() ?? '';
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
}

export async function readLiveAgenda(db: Kysely<Database>, sessionId: string): Promise<LiveAgenda | null> {
  const session = await repository.findSessionHeading(db, sessionId);
  if (!session) return null;
  const items = await repository.listAgendaItems(db, sessionId);
  const titles = await repository.linkedTitles(
    db,
    items.flatMap((item) => (item.document_id ? [item.document_id] : [])),
    items.flatMap((item) => (item.ballot_id ? [item.ballot_id] : [])),
  );
  return {
    sessionId,
    sessionTitle: session.title,
    adoptedAt: session.agenda_adopted_at,
    items: items.map((item) => {
      const materials: LiveAgenda['items'][number]['materials'] = [];
      if (item.material?.trim()) materials.push({ kind: 'text', title: materialTitle(item.material) });
      if (item.kind === 'motions_report') materials.push({ kind: 'report', title: '提案工作报告' });
      const documentTitle = item.document_id && titles.documents.get(item.document_id);
      if (documentTitle) materials.push({ kind: 'document', title: documentTitle });
      const ballotTitle = item.ballot_id && titles.ballots.get(item.ballot_id);
      if (ballotTitle) materials.push({ kind: 'ballot', title: ballotTitle });
      return {
        id: item.id,
        position: item.position,
        kind: item.kind,
        title: item.title,
        presenter: item.presenter,
        meetingId: item.meeting_id,
        ballotId: item.ballot_id,
        documentId: item.document_id,
        materials,
      };
    }),
  };
}

/** Each session's live agenda, kept until a write to an agenda item, a session, a document or a ballot. */
export class AgendaRows {
  readonly #bySession: KeptReads<Kept>;

  constructor(watch: TableWatch) {
    this.#bySession = new KeptReads(watch, ['agenda_item', 'congress_session', 'document', 'ballot']);
  }

  of(db: Kysely<Database>, sessionId: string | null): Promise<Kept> {
    if (!sessionId) return Promise.resolve(null);
    return this.#bySession.get(db, sessionId, async (reader) => {
      const agenda = await readLiveAgenda(reader, sessionId);
      return agenda && Object.freeze(agenda);
    });
  }
}
