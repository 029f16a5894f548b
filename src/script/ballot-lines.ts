// A ballot in the chair's words: before the vote, how it is voted and what passes or elects (the
// thresholds of src/ballots/thresholds.ts, counted on the live attendance); after it closes, the
// result as the ballot itself explains it. Pure functions over the ballot's view and the counts.
import { voidSentence } from '../ballots/paper-rules.js';
import type { BallotView } from '../ballots/api-schemas.js';
import type { ElectionItem } from '../ballots/kinds/election.js';
import type { MajorityWording, PassingRule } from '../ballots/kinds/parts.js';
import type { BallotItem, ItemResult } from '../ballots/rules.js';
import { fractionWords, requiredVotes } from '../ballots/thresholds.js';
import type { AttendanceCounts } from '../meetings/schemas.js';
import { bookTitle, chineseNumber, tighten } from './numbers.js';
import { direct, type ScriptLine, say, type SittingFacts, gatheringWord, personWord } from './wording.js';

/** 无记名投票, 记名投票 or 举手表决, and where the vote is cast. */
function methodWords(ballot: Pick<BallotView, 'secrecy' | 'method'>, person: string): string {
  if (ballot.method === 'electronic') {
    return `${ballot.secrecy === 'secret' ? '无记名投票' : '记名投票'}方式，由各位${person}在手机上投票`;
  }
  return ballot.secrecy === 'secret' ? '无记名投票方式，使用纸质表决票，当场计票' : '举手表决方式，当场计票';
}

/**
 * 须经全体代表过半数即37票赞成方为通过: the threshold in words, its number counted on the attendance
 * now (a rule on ballots cast has no number before the vote).
 */
export function thresholdWords(rule: PassingRule, wording: MajorityWording, facts: Pick<SittingFacts, 'kind' | 'sitting'>, counts: AttendanceCounts): string {
  const person = personWord(facts);
  const term = fractionWords(rule, wording).zhTerm;
  const amount = term === '三分之二' ? '三分之二以上' : term;
  if (rule === 'cast_majority') return `须经投票总数${amount}赞成`;
  const scope = rule === 'present_majority' ? '出席' : '全体';
  const electorate = { eligible: counts.eligible, present: counts.present, cast: 0, body: facts.kind === 'general_assembly' ? ('staff' as const) : ('representatives' as const) };
  const { required } = requiredVotes(rule, wording, electorate);
  return `须经${scope}${person}${amount}即${required}票赞成`;
}

function electionRuleLines(item: ElectionItem, facts: Pick<SittingFacts, 'kind' | 'sitting'>, counts: AttendanceCounts): ScriptLine[] {
  const extra = item.candidates.length - item.seats;
  const contest = extra > 0 ? `实行差额选举，差额${extra}名` : '实行等额选举';
  const threshold = thresholdWords(item.passingRule, item.majorityWording, facts, counts);
  return [
    say(`${item.title}：应选${item.seats}名，候选人${item.candidates.length}名（${item.candidates.map((candidate) => candidate.name).join('、')}），${contest}。`),
    say(`每张选票所选人数等于或少于应选名额${item.seats}名的为有效票，多于${item.seats}名的为无效票；${item.allowWriteIn ? '可以另选他人' : '不得另选他人'}；未选任何人的为弃权。`),
    say(`候选人${threshold}方可当选；获得规定票数的候选人多于应选名额时，按得票多少依次当选；得票相等、不能确定当选人时，对得票相等的候选人另行选举。`),
  ];
}

function itemRuleLines(item: BallotItem, facts: Pick<SittingFacts, 'kind' | 'sitting'>, counts: AttendanceCounts, label: string): ScriptLine[] {
  switch (item.kind) {
    case 'approval':
      return [say(`${label}${thresholdWords(item.passingRule, item.majorityWording, facts, counts)}方为通过。`)];
    case 'election':
      return electionRuleLines(item, facts, counts);
    case 'choice':
      return [say(`${label}在${item.options.length}个选项中最多选择${item.maxChoices}项。`)];
    case 'rating':
      return [say(`${label}对每一项作出评议。`)];
  }
}

/** Before the vote: the method and each item's rule; a sheet of several items is voted item by item. */
export function ballotRuleLines(ballot: Pick<BallotView, 'secrecy' | 'method' | 'items'>, facts: Pick<SittingFacts, 'kind' | 'sitting'>, counts: AttendanceCounts): ScriptLine[] {
  const person = personWord(facts);
  const rules = facts.sitting === 'joint' ? '根据联席会议议事规则' : `根据${gatheringWord(facts)}表决办法`;
  const lines = [say(`${rules}，本项表决采用${methodWords(ballot, person)}。`)];
  const several = ballot.items.length > 1;
  if (several) lines.push(say(`本表决票共有${ballot.items.length}项，分项表决，逐项计票。`));
  ballot.items.forEach((item, index) => {
    const label = several ? `第${chineseNumber(index + 1)}项${bookTitle(item.title)}，` : item.kind === 'approval' ? `${bookTitle(item.title)}` : '';
    lines.push(...itemRuleLines(item, facts, counts, label));
  });
  return lines;
}

function itemResultLines(item: BallotItem, result: ItemResult | undefined): ScriptLine[] {
  if (!result) return [];
  switch (result.kind) {
    case 'approval':
      return [say(`${bookTitle(item.title)}表决结果：赞成${result.counts.yes}票，反对${result.counts.no}票，弃权${result.counts.abstain}票。`), say(`${tighten(result.explanation.zh)}。`)];
    case 'election':
      return [say(`${item.title}：${tighten(result.explanation.zh)}。`)];
    case 'choice':
      return [say(`${bookTitle(item.title)}计票结果：${result.options.map((option) => `${option.label}${option.votes}票`).join('，')}。`)];
    case 'rating':
      return [say(`${bookTitle(item.title)}的评议结果见结果公告。`)];
  }
}

/**
 * Where the vote stands, for the lines after the rule: not yet open, open (turnout so far), or the
 * result in words. The result is the ballot's own (closed for officers, so also before publication).
 */
export function ballotProgressLines(ballot: BallotView, facts: Pick<SittingFacts, 'kind' | 'sitting'>): ScriptLine[] {
  const person = personWord(facts);
  if (ballot.state === 'draft') {
    return ballot.method === 'electronic' ? [say('现在开始投票。'), direct('秘书处开启表决后，代表在手机上投票')] : [say('现在开始表决。'), direct('表决后由计票人报告结果')];
  }
  if (ballot.state === 'open') {
    const turnout = ballot.turnout ? `，已投票${ballot.turnout.voted}人，应投票${ballot.turnout.eligible}人` : '';
    return [say('现在开始投票。'), direct(`投票进行中${turnout}`)];
  }
  const result = ballot.result;
  if (!result) return [direct('表决结果待计票后宣布')];
  // Paper and phones in one ballot: how many of each, and the invalid papers, are announced with the count.
  const papers = result.papers ? `（其中电子票${result.electronic ?? 0}张，纸质票${result.papers.returned}张，废票${result.papers.invalid}张）` : '';
  const voided = result.void && result.papers ? voidSentence(result.papers) : '';
  const voted = result.manual && result.manualMethod === 'show_of_hands' ? `参加表决${result.cast}人` : `共投票${result.cast}票${papers}`;
  if (voided) return [say(`现在宣布表决结果：本项表决应到${person}${result.eligible}人，实到${result.present}人，${voted}。${voided}`)];
  return [
    say(`现在宣布表决结果：本项表决应到${person}${result.eligible}人，实到${result.present}人，${voted}。`),
    ...ballot.items.flatMap((item, index) => itemResultLines(item, result.items[index])),
  ];
}
