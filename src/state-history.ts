// The one writer (and reader) of state-transition history: every move of a motion or a document,
// in one table (state_transition), in the order it happened. Ballots and meetings keep theirs in
// the audit log: a ballot's history must never hold anything that could tie a voter to a choice.
import type { Kysely } from 'kysely';
import type { Database } from './db/database.js';
import type { TransitionEntity } from './state-machine.js';

export interface TransitionEntry {
  entity: TransitionEntity;
  entityId: string;
  /** 'create' starts a history; any other is an event of the entity's state machine. */
  event: string;
  from: string;
  to: string;
  /** null: the server itself (系统). */
  actor: { kind: 'account' | 'member'; id: string; name: string } | null;
  /** The secretary entering a paper motion's step acts for this member (代录). */
  onBehalfOfMemberId?: string | null;
  /** A document's round when the move happened. */
  roundNumber?: number | null;
  note: string | null;
  detail: Record<string, unknown>;
  at: Date;
}

type Executor = Kysely<Database>;

export async function recordTransition(db: Executor, entry: TransitionEntry): Promise<void> {
  await db
    .insertInto('state_transition')
    .values({
      entity: entry.entity,
      entity_id: entry.entityId,
      at: entry.at.toISOString(),
      event: entry.event,
      from_state: entry.from,
      to_state: entry.to,
      actor_kind: entry.actor?.kind ?? 'system',
      actor_id: entry.actor?.id ?? null,
      actor_name: entry.actor?.name ?? '系统',
      on_behalf_of_member_id: entry.onBehalfOfMemberId ?? null,
      round_number: entry.roundNumber ?? null,
      note: entry.note,
      detail: JSON.stringify(entry.detail),
    })
    .execute();
}

/** One entity's history, oldest first, with the name of the member a step was entered for. */
export function listTransitions(db: Executor, entity: TransitionEntity, entityId: string) {
  return db
    .selectFrom('state_transition')
    .leftJoin('member as behalf', 'behalf.id', 'state_transition.on_behalf_of_member_id')
    .selectAll('state_transition')
    .select('behalf.name as on_behalf_of_name')
    .where('state_transition.entity', '=', entity)
    .where('state_transition.entity_id', '=', entityId)
    .orderBy('state_transition.id')
    .execute();
}
