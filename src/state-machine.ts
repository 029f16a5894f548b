// The one state-machine engine. Each domain (meetings, ballots, motions, documents) declares its
// states, events, parties and a table of rows from → event → to with who may make the move; this
// file answers "what comes next, or which error" for all of them. Pure: no database, no clock.
import { type ErrorCode, fail } from './errors.js';

/** Whose moves the history (src/state-history.ts) records: ballots' and meetings' are in the audit log. */
export const TRANSITION_ENTITIES = ['motion', 'document'] as const;
export type TransitionEntity = (typeof TRANSITION_ENTITIES)[number];

/** Who made a move: an officer's or handler's account, a member of the roster, or the server itself. */
export const TRANSITION_ACTOR_KINDS = ['account', 'member', 'system'] as const;
export type TransitionActorKind = (typeof TRANSITION_ACTOR_KINDS)[number];

export interface Transition<State extends string, Event extends string, Party extends string> {
  from: State;
  event: Event;
  to: State;
  /** Who may make the move: the asker must fill at least one of these parties. */
  parties: readonly Party[];
  /** 'required': the move needs a written reason. */
  note?: 'required' | 'optional';
}

export interface MachineSpec<State extends string, Event extends string, Party extends string> {
  states: readonly State[];
  events: readonly Event[];
  parties: readonly Party[];
  transitions: readonly Transition<State, Event, Party>[];
  /** No row for (state, event): this code, with these details (each machine names its state its own way). */
  wrongState: { code: ErrorCode; details: (state: State, event: Event) => unknown };
  /** A row, but none of the asker's parties on it: FORBIDDEN with these details (none if absent). */
  forbiddenDetails?: (state: State, event: Event) => unknown;
  /** A row needing a reason and none given: this code, with the event as details. */
  noteRequired?: ErrorCode;
}

export interface StateMachine<State extends string, Event extends string, Party extends string> extends MachineSpec<State, Event, Party> {
  find(state: State, event: Event): Transition<State, Event, Party> | undefined;
  /** The one place a move is checked: the next state, or the machine's own error. */
  next(state: State, event: Event, parties: readonly Party[], note?: string | null): State;
  /** The events these parties may start from this state (what a page offers as buttons). */
  allowed(state: State, parties: readonly Party[]): Event[];
  /** The states from which some row with this event leaves: "the states in which X can happen". */
  statesWith(event: Event): State[];
}

export function defineMachine<State extends string, Event extends string, Party extends string>(spec: MachineSpec<State, Event, Party>): StateMachine<State, Event, Party> {
  const rows = new Map(spec.transitions.map((row) => [`${row.from}\u0000${row.event}`, row]));
  if (rows.size !== spec.transitions.length) throw new Error('a state machine has two rows for the same state and event');
  const find = (state: State, event: Event) => rows.get(`${state}\u0000${event}`);
  const fills = (row: Transition<State, Event, Party>, parties: readonly Party[]) => row.parties.some((party) => parties.includes(party));
  return {
    ...spec,
    find,
    next(state, event, parties, note) {
      const row = find(state, event);
      if (!row) fail(spec.wrongState.code, spec.wrongState.details(state, event));
      if (!fills(row, parties)) fail('FORBIDDEN', spec.forbiddenDetails?.(state, event));
      if (row.note === 'required' && !note?.trim()) fail(spec.noteRequired ?? 'VALIDATION_FAILED', { event });
      return row.to;
    },
    allowed(state, parties) {
      return spec.transitions.filter((row) => row.from === state && fills(row, parties)).map((row) => row.event);
    },
    statesWith(event) {
      return spec.states.filter((state) => find(state, event) !== undefined);
    },
  };
}
