// Counting an election (民主选举): who reached the threshold, who fills the seats, and when a tie at
// the last seat sends the tied to a run-off (另行选举) instead of being settled silently.
// The item's definition lives in kinds/election.ts, which calls this; the shapes counted are spelled
// out here so the counting depends on no schema.
import type { Electorate, MajorityWording, PassingRule } from './kinds/parts.js';
import { describeBase, fractionWords, meetsThreshold, requiredVotes, type BaseLabel, type Explanation, type Threshold } from './thresholds.js';

/** What counting needs of an election item. */
export interface CountedElection {
  seats: number;
  candidates: readonly { id: string; name: string }[];
  passingRule: PassingRule;
  majorityWording: MajorityWording;
}

/** One paper's answer to the item, already checked. */
export interface CountedElectionAnswer {
  candidateIds: readonly string[];
  writeIns: readonly string[];
}

/** Write-ins are identified in `elected` and `runoff` by this prefix and their name. */
export const WRITE_IN_PREFIX = 'write-in:';

export interface CandidateTally {
  id: string;
  name: string;
  votes: number;
  reachedThreshold: boolean;
}

export interface WriteInTally {
  name: string;
  votes: number;
  reachedThreshold: boolean;
}

export interface Runoff {
  seats: number;
  candidateIds: string[];
}

export interface ElectionResult {
  kind: 'election';
  candidates: CandidateTally[];
  writeIns: WriteInTally[];
  blankBallots: number;
  base: number;
  baseLabel: BaseLabel;
  required: number;
  /** Candidate ids, write-ins as 'write-in:' + name, in order of votes. */
  elected: string[];
  runoff: Runoff | null;
  /** Seats nobody can fill from this count: elected + runoff seats + unfilled = seats. */
  unfilledSeats: number;
  explanation: Explanation;
}

interface Contender {
  key: string;
  name: string;
  votes: number;
}

interface SeatAllocation {
  elected: Contender[];
  tied: Contender[];
  runoffSeats: number;
  unfilledSeats: number;
}

export function tallyElection(item: CountedElection, answers: readonly CountedElectionAnswer[], electorate: Electorate): ElectionResult {
  const threshold = requiredVotes(item.passingRule, item.majorityWording, electorate);
  const { candidates, writeIns } = countVotes(item, answers, threshold);
  const contenders: Contender[] = [
    ...candidates.map((candidate) => ({ key: candidate.id, name: candidate.name, votes: candidate.votes })),
    ...writeIns.map((writeIn) => ({ key: WRITE_IN_PREFIX + writeIn.name, name: writeIn.name, votes: writeIn.votes })),
  ];
  const allocation = allocateSeats(item.seats, contenders, threshold);
  return {
    kind: 'election',
    candidates,
    writeIns,
    blankBallots: answers.filter((answer) => answer.candidateIds.length + answer.writeIns.length === 0).length,
    ...threshold,
    elected: allocation.elected.map((contender) => contender.key),
    runoff: allocation.tied.length > 0 ? { seats: allocation.runoffSeats, candidateIds: allocation.tied.map((contender) => contender.key) } : null,
    unfilledSeats: allocation.unfilledSeats,
    explanation: explainElection(item, threshold, electorate.body, allocation),
  };
}

function countVotes(item: CountedElection, answers: readonly CountedElectionAnswer[], threshold: Threshold) {
  const candidateVotes = new Map(item.candidates.map((candidate) => [candidate.id, 0]));
  const writeInVotes = new Map<string, number>();
  for (const answer of answers) {
    for (const id of new Set(answer.candidateIds)) {
      const votes = candidateVotes.get(id);
      if (votes !== undefined) candidateVotes.set(id, votes + 1);
    }
    for (const name of new Set(answer.writeIns)) writeInVotes.set(name, (writeInVotes.get(name) ?? 0) + 1);
  }
  const candidates = item.candidates.map((candidate) => {
    const votes = candidateVotes.get(candidate.id) ?? 0;
    return { id: candidate.id, name: candidate.name, votes, reachedThreshold: meetsThreshold(votes, threshold) };
  });
  // Write-ins tied on votes go by name, not by who wrote them first, so ballot order never shows.
  const writeIns = [...writeInVotes]
    .sort(([nameA], [nameB]) => (nameA < nameB ? -1 : nameA > nameB ? 1 : 0))
    .map(([name, votes]) => ({ name, votes, reachedThreshold: meetsThreshold(votes, threshold) }));
  return { candidates: byVotes(candidates), writeIns: byVotes(writeIns) };
}

/** Stable sort, most votes first: equal votes keep their given order. */
function byVotes<Entry extends { votes: number }>(entries: Entry[]): Entry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.votes - a.entry.votes || a.index - b.index)
    .map(({ entry }) => entry);
}

/** Top N among those over the threshold; a tie straddling the last seat goes to a run-off. */
function allocateSeats(seats: number, contenders: Contender[], threshold: Threshold): SeatAllocation {
  const qualified = byVotes(contenders.filter((contender) => meetsThreshold(contender.votes, threshold)));
  const lastSeat = qualified[seats - 1];
  const firstLoser = qualified[seats];
  if (!lastSeat || !firstLoser || firstLoser.votes < lastSeat.votes) {
    const elected = qualified.slice(0, seats);
    return { elected, tied: [], runoffSeats: 0, unfilledSeats: seats - elected.length };
  }
  const elected = qualified.filter((contender) => contender.votes > lastSeat.votes);
  const tied = qualified.filter((contender) => contender.votes === lastSeat.votes);
  return { elected, tied, runoffSeats: seats - elected.length, unfilledSeats: 0 };
}

function explainElection(item: CountedElection, threshold: Threshold, body: Electorate['body'], allocation: SeatAllocation): Explanation {
  const baseWords = describeBase(threshold, body);
  const fraction = fractionWords(item.passingRule, item.majorityWording);
  const { required } = threshold;
  const zh = [`应选 ${item.seats} 名，当选须获得${baseWords.zh}的${fraction.zhTerm}（${required} 票）`];
  const en = [`${item.seats} seat(s); a candidate needs ${required} votes, ${fraction.enPassed} ${baseWords.en}`];
  const competition = competitionWords(item.candidates.length, item.seats);
  zh.push(competition.zh);
  en.push(competition.en);
  const elected = allocation.elected;
  zh.push(elected.length > 0 ? `当选：${elected.map((c) => `${c.name}（${c.votes} 票）`).join('、')}` : '无人当选');
  en.push(elected.length > 0 ? `elected: ${elected.map((c) => `${c.name} (${c.votes})`).join(', ')}` : 'nobody elected');
  if (allocation.tied.length > 0) {
    const names = allocation.tied.map((c) => c.name);
    const votes = allocation.tied[0]?.votes ?? 0;
    zh.push(`${names.join('、')} 同得 ${votes} 票，需就剩余 ${allocation.runoffSeats} 个名额另行选举`);
    en.push(`${names.join(', ')} tied with ${votes} votes: run-off for ${allocation.runoffSeats} seat(s)`);
  }
  if (allocation.unfilledSeats > 0) {
    zh.push(`空缺 ${allocation.unfilledSeats} 名，无人达到当选票数，可就空缺名额另行选举`);
    en.push(`${allocation.unfilledSeats} seat(s) left empty: nobody else reached the threshold; a new election may fill them`);
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}

/**
 * 差额: how many more candidates than seats, as a whole percentage of the seats (rounded down, so
 * 20% is never claimed for 19.9%). Equal numbers are 等额选举. Write-ins are not counted: they are
 * not on the list the congress was asked to choose from.
 */
export function competitionOf(candidates: number, seats: number): { extra: number; percent: number } {
  const extra = candidates - seats;
  return { extra, percent: seats > 0 ? Math.floor((Math.max(0, extra) * 100) / seats) : 0 };
}

function competitionWords(candidates: number, seats: number): Explanation {
  const { extra, percent } = competitionOf(candidates, seats);
  if (extra > 0) {
    return {
      zh: `候选人 ${candidates} 名，差额 ${extra} 名（多于应选名额 ${percent}%）`,
      en: `${candidates} candidates: ${extra} more than the seats (${percent}% more)`,
    };
  }
  return extra === 0
    ? { zh: `候选人 ${candidates} 名，等额选举`, en: `${candidates} candidates, as many as the seats (no competition)` }
    : { zh: `候选人 ${candidates} 名，少于应选名额`, en: `${candidates} candidates, fewer than the seats` };
}
