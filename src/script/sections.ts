// The whole script of one sitting as sections: the opening, one per agenda item taken up (第一项…),
// the closing. Each item section names its agenda item, so a tablet can follow the current one.
// Pure: given the sitting, the attendance, the items and their ballots as they are now.
import type { AgendaItem } from '../agenda/service.js';
import type { BallotView } from '../ballots/api-schemas.js';
import type { AttendanceCounts } from '../meetings/schemas.js';
import { ballotProgressLines, ballotRuleLines } from './ballot-lines.js';
import { bookTitle, chineseNumber } from './numbers.js';
import { closingLines, direct, gatheringWord, openingLines, type ScriptLine, type Settled, type SittingFacts, say } from './wording.js';

export interface ScriptSection {
  /** 'opening', 'closing', the agenda item's id, or 'ballot:<id>' for a sitting without an agenda. */
  key: string;
  kind: 'opening' | 'closing' | AgendaItem['kind'];
  /** 1, 2, … in the order this sitting takes the items up; null for the opening and the closing. */
  number: number | null;
  title: string;
  agendaItemId: string | null;
  ballotId: string | null;
  lines: ScriptLine[];
}

/** What a section is written from: an agenda item, or (no agenda) a ballot of the sitting on its own. */
export interface ScriptItem {
  agendaItemId: string | null;
  kind: AgendaItem['kind'];
  title: string;
  presenter: string | null;
  ballotId: string | null;
}

export function itemsFromAgenda(items: readonly AgendaItem[]): ScriptItem[] {
  return items.map((item) => ({ agendaItemId: item.id, kind: item.kind, title: item.title, presenter: item.presenter, ballotId: item.ballotId }));
}

/** A sitting with no agenda (a joint meeting belongs to no session): its ballots, in order, are its items. */
export function itemsFromBallots(ballots: readonly BallotView[]): ScriptItem[] {
  return ballots.map((ballot) => ({
    agendaItemId: null,
    kind: ballot.items.every((item) => item.kind === 'election') ? ('election' as const) : ('ballot' as const),
    title: ballot.title,
    presenter: null,
    ballotId: ballot.id,
  }));
}

/**
 * The items this sitting takes up: those scheduled to it; when the session schedules none to any
 * sitting, all of the session's items (a session of one sitting need not say so).
 */
export function itemsOfSitting(items: readonly AgendaItem[], meetingId: string): AgendaItem[] {
  const scheduled = items.filter((item) => item.meetingId !== null);
  return scheduled.length === 0 ? [...items] : scheduled.filter((item) => item.meetingId === meetingId);
}

function introLines(item: ScriptItem, facts: SittingFacts, number: number): ScriptLine[] {
  const next = `下面进行${gatheringWord(facts)}第${chineseNumber(number)}项议程`;
  const title = bookTitle(item.title);
  const presenter = item.presenter;
  switch (item.kind) {
    case 'report':
    case 'motions_report':
      return presenter ? [say(`${next}，请${presenter}作${title}，大家欢迎。`), direct('鼓掌；报告')] : [say(`${next}：${title}。`), direct('报告')];
    case 'document': {
      const document = bookTitle(item.title.replace(/^审议/u, ''));
      return [say(`${next}，审议${document}。`), ...(presenter ? [say(`请${presenter}就${document}作说明。`), direct('说明')] : [])];
    }
    case 'ballot':
      return [say(`${next}，表决${bookTitle(item.title.replace(/^表决/u, ''))}。`)];
    case 'election':
      return [say(`${next}：${item.title}。`)];
    case 'joint_confirmation':
      return [say(`${next}，确认联席会议作出的决定。`), ...(presenter ? [say(`请${presenter}作说明。`), direct('说明')] : [])];
    case 'other':
      return [say(`${next}：${item.title}。`), ...(presenter ? [say(`请${presenter}发言。`)] : [])];
  }
}

function itemLines(item: ScriptItem, ballot: BallotView | undefined, facts: SittingFacts, counts: AttendanceCounts, number: number): ScriptLine[] {
  const lines = introLines(item, facts, number);
  if (item.ballotId && ballot) lines.push(...ballotRuleLines(ballot, facts, counts), ...ballotProgressLines(ballot, facts));
  else if (item.ballotId) lines.push(direct('表决票尚未准备'));
  else if (item.kind === 'document') lines.push(say(`请各位${facts.sitting === 'joint' ? '成员' : '代表'}审议。`));
  return lines;
}

/** Approvals passed and elections held, from the ballots that have a result. */
export function settledOf(items: readonly ScriptItem[], ballots: ReadonlyMap<string, BallotView>): Settled {
  const settled: Settled = { passed: [], elected: [] };
  for (const item of items) {
    const ballot = item.ballotId ? ballots.get(item.ballotId) : undefined;
    ballot?.items.forEach((ballotItem, index) => {
      const result = ballot.result?.items[index];
      if (result?.kind === 'approval' && result.passed) settled.passed.push(bookTitle(ballotItem.title));
      if (result?.kind === 'election' && result.elected.length > 0) settled.elected.push(ballotItem.title.replace(/^选举/u, ''));
    });
  }
  return settled;
}

export function writeScript(facts: SittingFacts, counts: AttendanceCounts, items: readonly ScriptItem[], ballots: ReadonlyMap<string, BallotView>): ScriptSection[] {
  const opening: ScriptSection = {
    key: 'opening',
    kind: 'opening',
    number: null,
    title: '开幕',
    agendaItemId: null,
    ballotId: null,
    lines: openingLines(
      facts,
      counts,
      items.map((item) => item.title),
    ),
  };
  const sections = items.map(
    (item, index): ScriptSection => ({
      key: item.agendaItemId ?? `ballot:${item.ballotId}`,
      kind: item.kind,
      number: index + 1,
      title: item.title,
      agendaItemId: item.agendaItemId,
      ballotId: item.ballotId,
      lines: itemLines(item, item.ballotId ? ballots.get(item.ballotId) : undefined, facts, counts, index + 1),
    }),
  );
  const closing: ScriptSection = { key: 'closing', kind: 'closing', number: null, title: '闭幕', agendaItemId: null, ballotId: null, lines: closingLines(facts, settledOf(items, ballots)) };
  return [opening, ...sections, closing];
}
