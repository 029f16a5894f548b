// The Database interface types every table as SQLite returns it (0/1, ISO strings, T | null).
// Enum columns take their type from the one const that declares each enum (tests/unit/schema-enums.spec.ts
// compares those consts with the migrations' CHECKs).
import type { Generated } from 'kysely';
import type { AccountRole, MemberRole } from '../actors.js';
import type { BallotMethod, BallotSecrecy, BallotState } from '../ballots/workflow.js';
import type { BallotUsePurpose } from '../ballots/use-purposes.js';
import type { DocumentKind, DocumentState } from '../documents/workflow.js';
import type { AttendanceStatus, MeetingKind, MeetingSitting, MeetingState, TwoPersonControl } from '../meetings/workflow.js';
import type { ConfirmationStep, ConfirmingRole } from '../ballots/two-person.js';
import type { SessionKind } from '../sessions/schemas.js';
import type { AgendaItemKind } from '../agenda/schemas.js';
import type { ExtraordinaryProposalState, ExtraordinaryProposer } from '../extraordinary/schemas.js';
import type { JointDecisionState, RollCapacity } from '../joint/schemas.js';
import type { ResolutionOutcome } from '../resolutions/rules.js';
import type { ATTACHMENT_MEDIA_TYPES } from '../motions/attachments.js';
import type { ASSIGNMENT_ROLES, MOTION_CATEGORIES, REPLY_GRADES, REVIEW_OUTCOMES } from '../motions/schemas.js';
import type { MotionState, Rating } from '../motions/workflow.js';
import type { RESPONSE_OUTCOMES } from '../documents/adoption.js';
import type { ROUND_STATES, SUBMITTED_BY_KINDS, VERSION_ISSUED_FOR, VERSION_SOURCES, VOTE_OUTCOMES } from '../documents/schemas.js';
import type { TransitionActorKind, TransitionEntity } from '../state-machine.js';

/** The values of an `as const` list. */
type OneOf<List extends readonly string[]> = List[number];

export interface AccountTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: AccountRole;
  disabled: number;
  created_at: string;
  /** The department a handler (承办人) works for; null for every other role. */
  department_id: string | null;
}

export interface AuthSessionTable {
  token_hash: string;
  account_id: string | null;
  member_id: string | null;
  code_hash: string | null;
  expires_at: string;
}

export interface TermTable {
  id: string;
  number: number;
  title: string;
  created_at: string;
  /** JSON: the term's rules (src/roster/term-rules.ts); '{}' means every default. */
  rules: string;
}

/** A session (第N次会议): its preparatory meeting and plenary sittings point to it. */
export interface CongressSessionTable {
  id: string;
  term_id: string;
  number: number;
  kind: SessionKind;
  title: string;
  created_at: string;
  agenda_adopted_at: string | null;
  /** The ballot (manual or not) of the preparatory meeting that adopted the agenda. */
  agenda_adopted_ballot_id: string | null;
  /** When the session closed (闭幕): all its sittings closed; its notice and report deadlines run from here. */
  closed_at: string | null;
}

/** What followed a session's close (issue 13): its public notice and its report to the higher union. */
export interface SessionAftermathTable {
  session_id: string;
  notice_published_at: string | null;
  /** ISO day: the last day the notice stays posted. */
  notice_posted_until: string | null;
  notice_taken_down_at: string | null;
  notice_take_down_reason: string | null;
  /** ISO day the report was sent. */
  report_sent_on: string | null;
  report_sent_to: string | null;
  report_recorded_at: string | null;
}

/** An item of a session's agenda (议程), taken up at one of its sittings. */
export interface AgendaItemTable {
  id: string;
  session_id: string;
  position: number;
  kind: AgendaItemKind;
  title: string;
  presenter: string | null;
  /** Text readable on the phone (the report's material). */
  material: string | null;
  document_id: string | null;
  ballot_id: string | null;
  /** The sitting that takes it up; null until scheduled. */
  meeting_id: string | null;
  created_at: string;
}

// Credentials report (issue 12).
/** The credentials report a session's preparatory meeting adopted: by which ballot, when, and its figures then. */
export interface CredentialsReportTable {
  session_id: string;
  ballot_id: string;
  adopted_at: string;
  /** JSON: the report (figures, checks, paragraphs) as adopted. */
  report: string;
}

export interface DelegationTable {
  id: string;
  term_id: string;
  name: string;
  leader_member_id: string | null;
}

export interface MemberTable {
  id: string;
  term_id: string;
  name: string;
  staff_number: string;
  delegation_id: string | null;
  role: MemberRole;
  tags: string;
}

export interface AccessCodeTable {
  code_hash: string;
  member_id: string;
  issued_at: string;
  revoked_at: string | null;
}

export interface MeetingTable {
  id: string;
  term_id: string;
  title: string;
  kind: MeetingKind;
  session_number: number | null;
  state: MeetingState;
  quorum_numerator: number;
  quorum_denominator: number;
  display_token_hash: string | null;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
  /** Null for a joint meeting and for meetings made before sessions existed without a session number. */
  session_id: string | null;
  sitting: MeetingSitting;
  /** The agenda item the sitting is on now: the phones and the projector follow it. */
  current_agenda_item_id: string | null;
  /** 执行主席 of this sitting. */
  presiding_chair_member_id: string | null;
  /** 双人确认: which steps of its secret ballots need the secretary and a scrutineer both. */
  two_person_control: TwoPersonControl;
}

export interface AttendanceTable {
  meeting_id: string;
  member_id: string;
  status: AttendanceStatus;
}

export interface BallotTable {
  id: string;
  meeting_id: string;
  title: string;
  secrecy: BallotSecrecy;
  method: BallotMethod;
  state: BallotState;
  items: string;
  deadline_at: string | null;
  revote_of: string | null;
  quorum_overridden: number;
  eligible: number | null;
  present: number | null;
  ballots_cast: number | null;
  result: string | null;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
  published_at: string | null;
  /** 1: a statutory matter (法定须经职代会审议通过的事项), which a joint meeting refuses. */
  statutory: number;
  /** Once counted: the hash of its `ballot.counted` audit row (src/ballots/seal.ts), shown on the notice. */
  final_hash: string | null;
}

/**
 * One row per item of a ballot sheet: its stable id, where it sits and its kind. The definition is the
 * item of the same id in ballot.items (db/migrations/2026-12-04-006 says why). Definitions only.
 */
export interface BallotItemTable {
  id: string;
  ballot_id: string;
  position: number;
  kind: string;
}

/** One officer's half of a step under two-person control, until the other half, a withdrawal or the ballot's move. */
export interface BallotConfirmationTable {
  ballot_id: string;
  step: ConfirmationStep;
  role: ConfirmingRole;
  account_id: string;
  at: string;
  /** The step's options as JSON: opening's quorum override and its reason; {} otherwise. */
  options: string;
}

export interface ParticipationTable {
  ballot_id: string;
  member_id: string;
}

export interface BallotBoxTable {
  ballot_id: string;
  ballot_key: string;
  answers: string;
  named_member_id: string | null;
}

/** The receipts of counted papers, in a table of their own: no key or row ties one to a paper. */
export interface BallotReceiptTable {
  ballot_id: string;
  receipt: string;
}

/** A secret ballot closed but the WAL that held its votes' page images has not yet been emptied. */
export interface ScrubPendingTable {
  ballot_id: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_account_id: string | null;
  actor_name: string;
  action: string;
  meeting_id: string | null;
  ballot_id: string | null;
  detail: string;
  /** The previous row's hash (null for the first row): the audit chain (src/audit/chain.ts). */
  prev_hash: string | null;
  /** SHA-256 of this row with prev_hash; null only for a row written outside the app. */
  hash: string | null;
}

export interface DepartmentTable {
  id: string;
  name: string;
  disabled: number;
  created_at: string;
}

export interface MotionSettingsTable {
  meeting_id: string;
  opens_at: string | null;
  closes_at: string | null;
  required_seconders: number;
  decline_window_days: number;
  reply_deadline_days: number;
  extension_max_days: number;
  number_year: number | null;
}

export interface MotionTable {
  id: string;
  meeting_id: string;
  term_id: string;
  sequence: number | null;
  number: string | null;
  proposer_member_id: string;
  entered_by_account_id: string | null;
  entered_by_name: string | null;
  subject: string;
  reasons: string;
  measures: string;
  category: OneOf<typeof MOTION_CATEGORIES>;
  state: MotionState;
  review_outcome: OneOf<typeof REVIEW_OUTCOMES> | null;
  merged_into_id: string | null;
  converted_to_suggestion: number;
  rejection_reason: string | null;
  resolution_ballot_id: string | null;
  due_at: string | null;
  extension_days: number | null;
  extension_reason: string | null;
  created_at: string;
  submitted_at: string | null;
  reviewed_at: string | null;
  assigned_at: string | null;
  resolved_at: string | null;
  resolution_note: string | null;
  updated_at: string;
}

export interface MotionSeconderTable {
  motion_id: string;
  member_id: string;
  seconded_at: string;
  entered_by_account_id: string | null;
}

export interface MotionAssignmentTable {
  id: string;
  motion_id: string;
  department_id: string;
  role: OneOf<typeof ASSIGNMENT_ROLES>;
  assigned_at: string;
  active: number;
  declined_at: string | null;
  decline_reason: string | null;
}

export interface MotionReplyTable {
  id: string;
  motion_id: string;
  round: number;
  department_id: string;
  author_account_id: string | null;
  author_name: string;
  content: string;
  grade: OneOf<typeof REPLY_GRADES>;
  replied_at: string;
  due_at: string;
  on_time: number;
  rating: Rating | null;
  rating_comment: string | null;
  rated_at: string | null;
}

export interface MotionAttachmentTable {
  id: string;
  motion_id: string;
  stored_name: string;
  filename: string;
  media_type: OneOf<typeof ATTACHMENT_MEDIA_TYPES>;
  size: number;
  uploaded_at: string;
}

/** FTS5 table of pre-tokenised text (src/motions/search.ts). */
export interface MotionSearchTable {
  motion_id: string;
  subject: string;
  content: string;
}

export interface DocumentTable {
  id: string;
  meeting_id: string;
  term_id: string;
  title: string;
  kind: DocumentKind;
  drafting_department_id: string | null;
  /** The department's name when it was chosen, or free text for a drafter outside the departments table. */
  drafting_department_name: string;
  rounds_planned: number;
  state: DocumentState;
  created_at: string;
  updated_at: string;
}

export interface DocumentVersionTable {
  id: string;
  document_id: string;
  number: number;
  source: OneOf<typeof VERSION_SOURCES>;
  text: string;
  /** JSON Block[] (src/documents/blocks.ts). */
  blocks: string;
  original_stored_name: string | null;
  original_filename: string | null;
  original_size: number | null;
  author_name: string;
  created_at: string;
  updated_at: string;
  /** Set once: issued down for a round, or put to the vote. Never changes after. */
  issued_at: string | null;
  issued_for: OneOf<typeof VERSION_ISSUED_FOR> | null;
  previous_version_id: string | null;
  /** JSON VersionDiff against the previous version, frozen at issue. */
  diff: string | null;
  /** JSON AdoptionReport of the round before, frozen at issue. */
  adoption_report: string | null;
}

export interface DocumentRoundTable {
  id: string;
  document_id: string;
  number: number;
  version_id: string;
  state: OneOf<typeof ROUND_STATES>;
  deadline_at: string;
  issued_at: string;
  collection_ended_at: string | null;
  consolidation_ended_at: string | null;
  closed_at: string | null;
}

export interface DocumentOpinionTable {
  id: string;
  document_id: string;
  round_id: string;
  version_id: string;
  anchor: string;
  member_id: string;
  member_name: string;
  member_role: MemberRole;
  delegation_id: string;
  content: string;
  created_at: string;
}

export interface DocumentSubmissionTable {
  id: string;
  document_id: string;
  round_id: string;
  delegation_id: string;
  note: string | null;
  submitted_by_kind: OneOf<typeof SUBMITTED_BY_KINDS>;
  submitted_by_id: string;
  submitted_by_name: string;
  submitted_at: string;
}

export interface DocumentConsolidatedTable {
  id: string;
  submission_id: string;
  document_id: string;
  round_id: string;
  delegation_id: string;
  sequence: number;
  anchor: string;
  content: string;
}

export interface DocumentConsolidatedSourceTable {
  consolidated_id: string;
  opinion_id: string;
}

export interface DocumentResponseTable {
  consolidated_id: string;
  document_id: string;
  round_id: string;
  outcome: OneOf<typeof RESPONSE_OUTCOMES>;
  reason: string | null;
  /** JSON string[]: anchors of the next version this response changed. */
  changed_anchors: string;
  responder_account_id: string | null;
  responder_name: string;
  responded_at: string;
}

export interface DocumentBallotItemTable {
  document_id: string;
  ballot_id: string;
  /** The item voted on; NULL once the item left its draft ballot (the document is then withdrawn from it). */
  item_id: string | null;
  version_id: string;
  created_at: string;
  outcome: OneOf<typeof VOTE_OUTCOMES> | null;
  settled_at: string | null;
}

/** The history of motions' and documents' moves (src/state-history.ts writes it). */
export interface StateTransitionTable {
  id: Generated<number>;
  entity: TransitionEntity;
  entity_id: string;
  at: string;
  event: string;
  from_state: string;
  to_state: string;
  actor_kind: TransitionActorKind;
  actor_id: string | null;
  actor_name: string;
  on_behalf_of_member_id: string | null;
  round_number: number | null;
  note: string | null;
  detail: string;
}

// Extraordinary sessions (临时会议, issue 12 item 7).
/** A proposal to convene an extraordinary session; convening it links the session it made. */
export interface ExtraordinaryProposalTable {
  id: string;
  term_id: string;
  proposer: ExtraordinaryProposer;
  subject: string;
  reasons: string;
  state: ExtraordinaryProposalState;
  session_id: string | null;
  created_at: string;
  /** The officer who recorded it (username). */
  created_by: string;
  convened_at: string | null;
  convened_by: string | null;
  /** The count and threshold when it was convened (representatives' proposals), kept for the record. */
  signatures_at_convening: number | null;
  threshold_at_convening: number | null;
  withdrawn_at: string | null;
}

/** A representative's signature under a proposal: public, one per person (primary key). */
export interface ExtraordinarySignatureTable {
  proposal_id: string;
  member_id: string;
  signed_at: string;
}
// Presidium, presiding chairs and tellers (issue 12, migration 010).
/** A member of a session's presidium (主席团), proposed then elected; position orders the list. */
export interface PresidiumMemberTable {
  session_id: string;
  member_id: string;
  position: number;
}

/** A ballot item that decided something for the session, once (src/ballots/uses.ts). */
export interface BallotUseTable {
  ballot_id: string;
  item_id: string;
  purpose: BallotUsePurpose;
  subject_id: string;
  used_at: string;
}
/** How a session's presidium was elected: which ballot and item, by an election or an approval of the list. */
export interface PresidiumElectionTable {
  session_id: string;
  ballot_id: string;
  item_id: string;
  elected_by: 'election' | 'approval';
  elected_at: string;
}
/** A teller of one ballot: 总监票人, 监票人 or 计票人, named or elected (by elected_by_ballot_id). */
export interface BallotTellerTable {
  ballot_id: string;
  member_id: string;
  role: 'chief_scrutineer' | 'scrutineer' | 'counter';
  chosen_by: 'named' | 'elected';
  elected_by_ballot_id: string | null;
}

// The joint meeting (联席会议, issue 12): its roll and its decisions awaiting confirmation.
export interface JointRollTable {
  meeting_id: string;
  member_id: string;
  capacity: RollCapacity;
}

export interface JointDecisionTable {
  id: string;
  meeting_id: string;
  ballot_id: string;
  item_id: string;
  title: string;
  decided_at: string;
  state: JointDecisionState;
  /** The next plenary's ballot that confirms it, and its item there. */
  confirmation_ballot_id: string | null;
  confirmation_item_id: string | null;
  settled_at: string | null;
}

/** A session's resolution (决议): drafted from the session's figures, edited while a draft, frozen once its ballot opens. */
export interface ResolutionTable {
  id: string;
  session_id: string;
  /** The 二上二下 document it is about, if any. */
  document_id: string | null;
  /** What it is about, as the title names it: 《集体合同(草案)》, 厂长工作报告. */
  subject: string;
  title: string;
  body: string;
  /** When its ballot opened: from then on the text is fixed, and text_sha256 is the SHA-256 of title and body. */
  frozen_at: string | null;
  text_sha256: string | null;
  created_at: string;
  updated_at: string;
}

/** A ballot item a resolution was put to (one item decides one resolution); a re-vote adds a row. */
export interface ResolutionVoteTable {
  ballot_id: string;
  item_id: string;
  resolution_id: string;
  bound_at: string;
  /** Set once the ballot is settled, with the clause generated from its tally. */
  outcome: ResolutionOutcome | null;
  result_clause: string | null;
  settled_at: string | null;
}

// Paper and phones in one ballot (issue 14, migration 019).
/** A numbered paper ballot issued to a representative: it takes their participation. */
export interface PaperIssueTable {
  ballot_id: string;
  member_id: string;
  serial: number;
  issued_at: string;
  issued_by: string | null;
}

/** A ballot's paper count: how many papers came back from the box, and when the count finished. */
export interface PaperCountTable {
  ballot_id: string;
  collected: number | null;
  collected_by: string | null;
  collected_at: string | null;
  counted_at: string | null;
}

/** A batch of returned papers entered by one teller; its totals may be confirmed by a second. */
export interface PaperBatchTable {
  id: string;
  ballot_id: string;
  number: number;
  opened_by: string | null;
  opened_at: string;
  totals_confirmed_by: string | null;
  totals_confirmed_at: string | null;
}

/** What one returned paper says (answers JSON), or why it is invalid; no serial, time or order. */
export interface PaperEntryTable {
  ballot_id: string;
  entry_key: string;
  batch_id: string;
  answers: string | null;
  invalid_reason: string | null;
  entered_by: string;
  confirmed_by: string | null;
}

export interface Database {
  account: AccountTable;
  auth_session: AuthSessionTable;
  term: TermTable;
  congress_session: CongressSessionTable;
  session_aftermath: SessionAftermathTable;
  agenda_item: AgendaItemTable;
  credentials_report: CredentialsReportTable;
  delegation: DelegationTable;
  member: MemberTable;
  access_code: AccessCodeTable;
  meeting: MeetingTable;
  attendance: AttendanceTable;
  ballot: BallotTable;
  ballot_item: BallotItemTable;
  ballot_confirmation: BallotConfirmationTable;
  participation: ParticipationTable;
  ballot_box: BallotBoxTable;
  ballot_receipt: BallotReceiptTable;
  scrub_pending: ScrubPendingTable;
  audit_log: AuditLogTable;
  department: DepartmentTable;
  motion_settings: MotionSettingsTable;
  motion: MotionTable;
  motion_seconder: MotionSeconderTable;
  motion_assignment: MotionAssignmentTable;
  motion_reply: MotionReplyTable;
  motion_attachment: MotionAttachmentTable;
  motion_search: MotionSearchTable;
  document: DocumentTable;
  document_version: DocumentVersionTable;
  document_round: DocumentRoundTable;
  document_opinion: DocumentOpinionTable;
  document_submission: DocumentSubmissionTable;
  document_consolidated: DocumentConsolidatedTable;
  document_consolidated_source: DocumentConsolidatedSourceTable;
  document_response: DocumentResponseTable;
  document_ballot_item: DocumentBallotItemTable;
  state_transition: StateTransitionTable;
  extraordinary_proposal: ExtraordinaryProposalTable;
  extraordinary_signature: ExtraordinarySignatureTable;
  presidium_member: PresidiumMemberTable;
  presidium_election: PresidiumElectionTable;
  ballot_teller: BallotTellerTable;
  ballot_use: BallotUseTable;
  joint_roll: JointRollTable;
  joint_decision: JointDecisionTable;
  resolution: ResolutionTable;
  resolution_vote: ResolutionVoteTable;
  paper_issue: PaperIssueTable;
  paper_count: PaperCountTable;
  paper_batch: PaperBatchTable;
  paper_entry: PaperEntryTable;
}
