// Everything recorded about one document, loaded at once and indexed, so views, reports and
// guards read plain data: versions, rounds, opinions, submissions, consolidated opinions and responses.
import type { AppContext } from '../context.js';
import type { DocumentRoundTable, DocumentTable, DocumentVersionTable } from '../db/database.js';
import { listDelegationRows } from '../roster/service.js';
import { listTransitions } from '../state-history.js';
import { type AdoptionReport, buildAdoptionReport, type ReportEntry, type ResponseOutcome } from './adoption.js';
import type { Block } from './blocks.js';
import type { ChangeLink } from './diff.js';
import * as repository from './repository.js';

type Executor = AppContext['db'];

export async function loadHistory(db: Executor, document: DocumentTable) {
  const [versions, rounds, opinions, submissions, consolidated, sources, responses, delegations, ballotItems, transitions] = await Promise.all([
    repository.listVersions(db, document.id),
    repository.listRounds(db, document.id),
    repository.listOpinions(db, document.id),
    repository.listSubmissions(db, document.id),
    repository.listConsolidated(db, document.id),
    repository.listSources(db, document.id),
    repository.listResponses(db, document.id),
    listDelegationRows({ db }, document.term_id),
    repository.listBallotItems(db, document.id),
    listTransitions(db, 'document', document.id),
  ]);
  const sourcesOf = new Map<string, string[]>();
  const consolidatedOf = new Map<string, string>();
  for (const source of sources) {
    sourcesOf.set(source.consolidated_id, [...(sourcesOf.get(source.consolidated_id) ?? []), source.opinion_id]);
    consolidatedOf.set(source.opinion_id, source.consolidated_id);
  }
  return {
    document,
    versions,
    rounds,
    opinions,
    submissions,
    consolidated,
    responses: new Map(responses.map((response) => [response.consolidated_id, response])),
    sourcesOf,
    consolidatedOf,
    delegationNames: new Map(delegations.map((delegation) => [delegation.id, delegation.name])),
    delegations,
    ballotItems,
    transitions,
  };
}

export type History = Awaited<ReturnType<typeof loadHistory>>;

export function blocksOf(version: Pick<DocumentVersionTable, 'blocks'>): Block[] {
  return JSON.parse(version.blocks) as Block[];
}

export function currentRound(history: History): DocumentRoundTable | undefined {
  return history.rounds.at(-1);
}

export function draftOf(history: History): DocumentVersionTable | undefined {
  return history.versions.find((version) => version.issued_at === null);
}

export function latestIssued(history: History): DocumentVersionTable | undefined {
  return history.versions.filter((version) => version.issued_at !== null).at(-1);
}

export function versionById(history: History, versionId: string): DocumentVersionTable | undefined {
  return history.versions.find((version) => version.id === versionId);
}

/** An opinion's fate: in a consolidated opinion, dropped by its delegation's submission, or not consolidated yet. */
export function fateOf(history: History, opinion: { id: string; round_id: string; delegation_id: string }): 'included' | 'dropped' | 'pending' {
  if (history.consolidatedOf.has(opinion.id)) return 'included';
  const submitted = history.submissions.some((entry) => entry.round_id === opinion.round_id && entry.delegation_id === opinion.delegation_id);
  return submitted ? 'dropped' : 'pending';
}

export function reportEntries(history: History, roundId: string): ReportEntry[] {
  const round = history.rounds.find((entry) => entry.id === roundId);
  const version = round && versionById(history, round.version_id);
  const labels = new Map((version ? blocksOf(version) : []).map((block) => [block.anchor, block.label]));
  return history.consolidated
    .filter((item) => item.round_id === roundId)
    .map((item) => {
      const response = history.responses.get(item.id);
      return {
        consolidatedId: item.id,
        delegationId: item.delegation_id,
        delegationName: history.delegationNames.get(item.delegation_id) ?? '',
        anchor: item.anchor,
        label: labels.get(item.anchor) ?? item.anchor,
        content: item.content,
        sourceCount: history.sourcesOf.get(item.id)?.length ?? 0,
        response: response ? { outcome: response.outcome as ResponseOutcome, reason: response.reason, changedAnchors: JSON.parse(response.changed_anchors) as string[] } : null,
      };
    });
}

export function roundReport(history: History, round: DocumentRoundTable): AdoptionReport {
  const opinions = history.opinions.filter((opinion) => opinion.round_id === round.id);
  const dropped = opinions.filter((opinion) => fateOf(history, opinion) === 'dropped').length;
  return buildAdoptionReport({ title: history.document.title, roundNumber: round.number, entries: reportEntries(history, round.id), opinions: opinions.length, dropped });
}

export function changeLinks(history: History, roundId: string): ChangeLink[] {
  return reportEntries(history, roundId).flatMap((entry) =>
    entry.response ? [{ consolidatedId: entry.consolidatedId, anchor: entry.anchor, outcome: entry.response.outcome, changedAnchors: entry.response.changedAnchors }] : [],
  );
}
