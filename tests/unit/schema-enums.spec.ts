// Each enum is declared once, as an `as const` list in the code; the SQL CHECKs stay in the
// migrations (history, which must not import code that changes). This test reads the CHECKs of a
// freshly migrated database and compares each with its list, so a value added in code without a
// migration (or the other way round) fails here, and so does a new CHECK that no list declares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_ROLES, MEMBER_ROLES } from '../../src/actors.js';
import { BALLOT_METHODS, BALLOT_SECRECIES, BALLOT_STATES } from '../../src/ballots/workflow.js';
import { type DatabaseConnection, openDatabase } from '../../src/db/connection.js';
import { RESPONSE_OUTCOMES } from '../../src/documents/adoption.js';
import { ROUND_STATES, SUBMITTED_BY_KINDS, VERSION_ISSUED_FOR, VERSION_SOURCES, VOTE_OUTCOMES } from '../../src/documents/schemas.js';
import { DOCUMENT_KINDS, DOCUMENT_STATES } from '../../src/documents/workflow.js';
import { ATTENDANCE_STATUSES, MEETING_KINDS, MEETING_SITTINGS, MEETING_STATES, TWO_PERSON_CONTROLS } from '../../src/meetings/workflow.js';
import { CONFIRMATION_STEPS, CONFIRMING_ROLES } from '../../src/ballots/two-person.js';
import { SESSION_KINDS } from '../../src/sessions/schemas.js';
import { AGENDA_ITEM_KINDS } from '../../src/agenda/schemas.js';
import { EXTRAORDINARY_PROPOSAL_STATES, EXTRAORDINARY_PROPOSERS } from '../../src/extraordinary/schemas.js';
import { BALLOT_USE_PURPOSES } from '../../src/ballots/use-purposes.js';
import { RESOLUTION_OUTCOMES } from '../../src/resolutions/rules.js';
import { PRESIDIUM_ELECTED_BY, TELLER_CHOSEN_BY, TELLER_ROLES } from '../../src/presidium/schemas.js';
import { JOINT_DECISION_STATES, ROLL_CAPACITIES } from '../../src/joint/schemas.js';
import { ATTACHMENT_MEDIA_TYPES } from '../../src/motions/attachments.js';
import { ASSIGNMENT_ROLES, MOTION_CATEGORIES, REPLY_GRADES, REVIEW_OUTCOMES } from '../../src/motions/schemas.js';
import { MOTION_STATES, RATINGS } from '../../src/motions/workflow.js';
import { TRANSITION_ACTOR_KINDS, TRANSITION_ENTITIES } from '../../src/state-machine.js';

/** table.column → the list that declares its values. */
const DECLARED: Record<string, readonly string[]> = {
  'account.role': ACCOUNT_ROLES,
  'member.role': MEMBER_ROLES,
  'meeting.kind': MEETING_KINDS,
  'meeting.state': MEETING_STATES,
  'meeting.sitting': MEETING_SITTINGS,
  'meeting.two_person_control': TWO_PERSON_CONTROLS,
  'ballot_confirmation.step': CONFIRMATION_STEPS,
  'ballot_confirmation.role': CONFIRMING_ROLES,
  'congress_session.kind': SESSION_KINDS,
  'agenda_item.kind': AGENDA_ITEM_KINDS,
  'extraordinary_proposal.proposer': EXTRAORDINARY_PROPOSERS,
  'extraordinary_proposal.state': EXTRAORDINARY_PROPOSAL_STATES,
  'presidium_election.elected_by': PRESIDIUM_ELECTED_BY,
  'ballot_teller.role': TELLER_ROLES,
  'ballot_use.purpose': BALLOT_USE_PURPOSES,
  'resolution_vote.outcome': RESOLUTION_OUTCOMES,
  'ballot_teller.chosen_by': TELLER_CHOSEN_BY,
  'attendance.status': ATTENDANCE_STATUSES,
  'ballot.secrecy': BALLOT_SECRECIES,
  'ballot.method': BALLOT_METHODS,
  'ballot.state': BALLOT_STATES,
  'motion.category': MOTION_CATEGORIES,
  'motion.state': MOTION_STATES,
  'motion.review_outcome': REVIEW_OUTCOMES,
  'motion_assignment.role': ASSIGNMENT_ROLES,
  'motion_reply.grade': REPLY_GRADES,
  'motion_reply.rating': RATINGS,
  'motion_attachment.media_type': ATTACHMENT_MEDIA_TYPES,
  'document.kind': DOCUMENT_KINDS,
  'document.state': DOCUMENT_STATES,
  'document_version.source': VERSION_SOURCES,
  'document_version.issued_for': VERSION_ISSUED_FOR,
  'document_round.state': ROUND_STATES,
  'document_opinion.member_role': MEMBER_ROLES,
  'document_submission.submitted_by_kind': SUBMITTED_BY_KINDS,
  'document_response.outcome': RESPONSE_OUTCOMES,
  'document_ballot_item.outcome': VOTE_OUTCOMES,
  'state_transition.entity': TRANSITION_ENTITIES,
  'state_transition.actor_kind': TRANSITION_ACTOR_KINDS,
  'joint_roll.capacity': ROLL_CAPACITIES,
  'joint_decision.state': JOINT_DECISION_STATES,
};

let connection: DatabaseConnection;
let checks: Map<string, string[]>;

beforeAll(async () => {
  connection = await openDatabase(':memory:');
  const tables = connection.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  checks = new Map();
  for (const table of tables) {
    for (const match of table.sql.matchAll(/CHECK\s*\(\s*(\w+)\s+IN\s*\(([^)]*)\)\s*\)/gi)) {
      const values = [...match[2]!.matchAll(/'([^']*)'/g)].map((value) => value[1]!);
      checks.set(`${table.name}.${match[1]}`, values);
    }
  }
});

afterAll(async () => {
  await connection.close();
});

describe('enums in the code and CHECKs in the schema', () => {
  it('finds the CHECKs (the reading of the schema works)', () => {
    expect(checks.get('motion.state')).toContain('rehandling');
    expect(checks.size).toBeGreaterThanOrEqual(Object.keys(DECLARED).length);
  });

  it.each(Object.entries(DECLARED))('%s allows exactly the values its list declares', (column, declared) => {
    expect(checks.has(column), `no CHECK on ${column}: is the column gone or renamed?`).toBe(true);
    expect([...checks.get(column)!].sort()).toEqual([...declared].sort());
  });

  it('has a declared list for every CHECK … IN in the schema', () => {
    expect([...checks.keys()].filter((column) => !(column in DECLARED))).toEqual([]);
  });
});
