// The settled ballots a vote-backed step (adopting the agenda, the credentials report) may cite, as one
// choice per approval item: a sheet of several approval items offers each, and the server is told which
// one decides (an item serves one purpose only), rather than refusing the sheet as ambiguous.
import type { Ballot } from './types.js';

export interface ApprovalChoice {
  value: string;
  label: string;
  body: { ballotId: string; itemId?: string };
}

export function approvalChoices(ballots: readonly Ballot[]): ApprovalChoice[] {
  return ballots.flatMap((ballot) => {
    const approvals = ballot.items.filter((item) => item.kind === 'approval');
    if (approvals.length <= 1) return [{ value: ballot.id, label: ballot.title, body: { ballotId: ballot.id } }];
    return approvals.map((item) => ({ value: `${ballot.id}/${item.id}`, label: `${ballot.title} — ${item.title}`, body: { ballotId: ballot.id, itemId: item.id } }));
  });
}
