// Turning a document's rows into what the API answers: its summary, its whole history for one
// asker (opinions filtered to what they may see) and the printable consultation record.
import type { BallotView } from '../ballots/api-schemas.js';
import type { DocumentTable, DocumentVersionTable } from '../db/database.js';
import { type Asker, seesOpinion } from './access.js';
import { type AdoptionReport, countResponses } from './adoption.js';
import type { VersionDiff } from './diff.js';
import { blocksOf, draftOf, fateOf, type History, latestIssued, reportEntries, roundReport } from './history.js';
import { type DocumentDetail, documentKindNames, type DocumentSummary, type OpinionView, type RecordResponse } from './schemas.js';
import { type DocumentEvent, documentStateNames, roundNames } from './workflow.js';

type Summary = DocumentSummary;

export function presentSummary(document: DocumentTable, rounds: History['rounds'], ballotItems: History['ballotItems']): Summary {
  const round = rounds.at(-1);
  const settled = ballotItems.filter((item) => item.outcome !== null).at(-1);
  return {
    id: document.id,
    meetingId: document.meeting_id,
    termId: document.term_id,
    title: document.title,
    kind: document.kind,
    kindName: documentKindNames[document.kind],
    draftingDepartment: { id: document.drafting_department_id, name: document.drafting_department_name },
    roundsPlanned: document.rounds_planned,
    state: document.state,
    stateName: documentStateNames[document.state],
    currentRound: round?.number ?? null,
    deadlineAt: round && round.state === 'collecting' ? round.deadline_at : null,
    outcome: settled?.outcome ?? null,
    createdAt: document.created_at,
    updatedAt: document.updated_at,
  };
}

export function presentVersionSummary(version: DocumentVersionTable) {
  return {
    id: version.id,
    number: version.number,
    source: version.source,
    issuedAt: version.issued_at,
    issuedFor: version.issued_for,
    authorName: version.author_name,
    updatedAt: version.updated_at,
    original: version.original_filename ? { filename: version.original_filename, size: version.original_size ?? 0 } : null,
  };
}

export function presentVersion(version: DocumentVersionTable, carried?: { diff: VersionDiff | null; report: AdoptionReport | null }) {
  return {
    ...presentVersionSummary(version),
    text: version.text,
    blocks: blocksOf(version),
    previousVersionId: version.previous_version_id,
    diff: carried ? carried.diff : version.diff ? (JSON.parse(version.diff) as VersionDiff) : null,
    adoptionReport: carried ? carried.report : version.adoption_report ? (JSON.parse(version.adoption_report) as AdoptionReport) : null,
  };
}

function presentOpinion(history: History, opinion: History['opinions'][number], named: boolean): OpinionView {
  const round = history.rounds.find((entry) => entry.id === opinion.round_id);
  return {
    id: opinion.id,
    roundNumber: round?.number ?? 0,
    versionId: opinion.version_id,
    anchor: opinion.anchor,
    content: opinion.content,
    memberId: named ? opinion.member_id : null,
    memberName: named ? opinion.member_name : null,
    memberRole: opinion.member_role,
    delegationId: opinion.delegation_id,
    createdAt: opinion.created_at,
    fate: fateOf(history, opinion),
    consolidatedId: history.consolidatedOf.get(opinion.id) ?? null,
  };
}

function opinionCounts(history: History, roundId: string) {
  const opinions = history.opinions.filter((opinion) => opinion.round_id === roundId);
  return history.delegations.map((delegation) => ({
    delegationId: delegation.id,
    name: delegation.name,
    opinions: opinions.filter((opinion) => opinion.delegation_id === delegation.id).length,
    submitted: history.submissions.some((entry) => entry.round_id === roundId && entry.delegation_id === delegation.id),
  }));
}

function presentRound(history: History, round: History['rounds'][number], asker: Asker) {
  const entries = reportEntries(history, round.id);
  const consolidated = history.consolidated
    .filter((item) => item.round_id === round.id)
    .map((item, index) => {
      const response = history.responses.get(item.id);
      return {
        id: item.id,
        delegationId: item.delegation_id,
        delegationName: entries[index]!.delegationName,
        sequence: item.sequence,
        anchor: item.anchor,
        label: entries[index]!.label,
        content: item.content,
        sourceOpinionIds: history.sourcesOf.get(item.id) ?? [],
        response: response
          ? {
              outcome: response.outcome,
              reason: response.reason,
              changedAnchors: JSON.parse(response.changed_anchors) as string[],
              responderName: response.responder_name,
              respondedAt: response.responded_at,
            }
          : null,
      };
    });
  return {
    id: round.id,
    number: round.number,
    names: roundNames(round.number),
    versionId: round.version_id,
    state: round.state,
    deadlineAt: round.deadline_at,
    issuedAt: round.issued_at,
    collectionEndedAt: round.collection_ended_at,
    consolidationEndedAt: round.consolidation_ended_at,
    closedAt: round.closed_at,
    opinionCounts: opinionCounts(history, round.id),
    opinions: history.opinions.filter((opinion) => opinion.round_id === round.id && seesOpinion(asker, opinion) === 'named').map((opinion) => presentOpinion(history, opinion, true)),
    submissions: history.submissions
      .filter((entry) => entry.round_id === round.id)
      .map((entry) => ({
        id: entry.id,
        delegationId: entry.delegation_id,
        delegationName: history.delegationNames.get(entry.delegation_id) ?? '',
        note: entry.note,
        submittedByName: entry.submitted_by_name,
        submittedAt: entry.submitted_at,
      })),
    consolidated,
    adoption: countResponses(consolidated),
  };
}

export interface VoteLink {
  row: History['ballotItems'][number];
  ballot: BallotView | null;
  /** Where the item sits on its sheet now; null once it has left it (the link is about to be withdrawn). */
  item: { id: string; index: number; title: string } | null;
}

/** A link whose item has left its sheet is not shown: its withdrawal (settleDocument) follows at once. */
function presentVotes(votes: readonly VoteLink[]) {
  return votes.flatMap(({ row, ballot, item }) =>
    item ? [{ ballotId: row.ballot_id, itemId: item.id, itemIndex: item.index, itemTitle: item.title, versionId: row.version_id, outcome: row.outcome, settledAt: row.settled_at, ballot }] : [],
  );
}

export function presentDetail(history: History, asker: Asker, allowedEvents: DocumentEvent[], votes: readonly VoteLink[], draft: ReturnType<typeof presentVersion> | null): DocumentDetail {
  const issued = latestIssued(history);
  const rounds = history.rounds.map((round) => presentRound(history, round, asker));
  return {
    ...presentSummary(history.document, history.rounds, history.ballotItems),
    versions: history.versions.filter((version) => asker.kind !== 'member' || version.issued_at !== null).map(presentVersionSummary),
    draft,
    currentVersion: issued ? presentVersion(issued) : null,
    rounds,
    adoption: countResponses(rounds.flatMap((round) => round.consolidated)),
    votes: presentVotes(votes),
    history: history.transitions.map((row) => ({
      at: row.at,
      event: row.event,
      from: row.from_state,
      to: row.to_state,
      roundNumber: row.round_number,
      actorName: row.actor_name,
      note: row.note,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    })),
    allowedEvents,
    you: asker.kind === 'member' ? { delegationIds: asker.leads } : null,
  };
}

export function hasDraft(history: History): boolean {
  return draftOf(history) !== undefined;
}

/** 征求意见记录: everything on paper for the file, for officers and drafters. */
export function presentRecord(history: History, votes: readonly VoteLink[], now: Date): RecordResponse {
  const rounds = history.rounds.map((round) => ({
    number: round.number,
    names: roundNames(round.number),
    versionNumber: history.versions.find((version) => version.id === round.version_id)?.number ?? 0,
    issuedAt: round.issued_at,
    deadlineAt: round.deadline_at,
    closedAt: round.closed_at,
    opinions: history.opinions.filter((opinion) => opinion.round_id === round.id).length,
    report: roundReport(history, round),
    originals: history.opinions.filter((opinion) => opinion.round_id === round.id).map((opinion) => presentOpinion(history, opinion, true)),
  }));
  return {
    document: presentSummary(history.document, history.rounds, history.ballotItems),
    versions: history.versions.filter((version) => version.issued_at !== null).map((version) => ({ ...presentVersionSummary(version), blockCount: blocksOf(version).length })),
    rounds,
    adoption: countResponses(rounds.flatMap((round) => round.report.entries)),
    votes: presentVotes(votes),
    generatedAt: now.toISOString(),
  };
}
