// What a resolution (决议) says, from the session's figures: its title, the body the secretary may
// edit while it is a draft, and the result clause written from its ballot's tally, never typed. Pure.
import { fractionWords } from '../ballots/thresholds.js';
import type { MajorityWording, PassingRule } from '../ballots/kinds/parts.js';
import type { BaseLabel } from '../ballots/thresholds.js';
import { writtenDate } from '../papers/dates.js';
import { chineseNumber } from '../script/numbers.js';

export interface SessionHeading {
  termNumber: number;
  sessionNumber: number;
  extraordinary: boolean;
  /** A staff general assembly (职工大会), which is not a representatives' congress. */
  staff?: boolean;
}

/** 第三届第二次职工代表大会 (or 职工大会); an extraordinary session: 第三届职工代表大会第一次临时会议. */
export function congressName(heading: SessionHeading): string {
  const term = `第${chineseNumber(heading.termNumber)}届`;
  const session = chineseNumber(heading.sessionNumber);
  const body = heading.staff ? '职工大会' : '职工代表大会';
  return heading.extraordinary ? `${term}${body}第${session}次临时会议` : `${term}第${session}次${body}`;
}

/** 第三届第二次职工代表大会关于《集体合同(草案)》的决议. */
export function resolutionTitle(heading: SessionHeading, subject: string): string {
  return `${congressName(heading)}关于${subject}的决议`;
}

/** A document's title as a resolution names it: in 《》 unless it already is. */
export function documentSubject(documentTitle: string): string {
  const title = documentTitle.trim();
  return title.startsWith('《') && title.endsWith('》') ? title : `《${title}》`;
}

/** 2026年12月5日, the day in China (UTC+8, no daylight saving) of an instant. */
export const chineseDate = (at: Date): string => writtenDate(at);

export interface ConsultationRound {
  number: number;
  closed: boolean;
  opinions: number;
  consolidated: number;
  adopted: number;
}

export interface DraftFigures {
  heading: SessionHeading;
  /** The session's title as the term calls it (第二次会议): the body opens with it. */
  sessionTitle: string;
  /** When the sitting opened, or else the day the text is drafted. */
  date: Date;
  /** 应到: the term's voting representatives, as the hall counts them (a 职工大会: its staff). */
  eligible: number;
  /** A general assembly (职工大会) counts staff, not representatives. */
  staff?: boolean;
  /** 实到 at the sitting, and whether that reaches the quorum; null before the sitting has anyone checked in. */
  present: number | null;
  quorumReached: boolean | null;
  subject: string;
  document: { title: string; rounds: readonly ConsultationRound[] } | null;
}

/** 一下一上共收到代表意见 40 条 … for each round that was held: what the representatives were asked, and what came of it. */
function consultationSentence(rounds: readonly ConsultationRound[]): string | null {
  const held = rounds.filter((round) => round.closed);
  if (held.length === 0) return null;
  const parts = held.map((round) => {
    const numeral = chineseNumber(round.number);
    return `第${numeral}轮（${numeral}下${numeral}上）收到代表意见${round.opinions}条，汇总为${round.consolidated}条，采纳和部分采纳${round.adopted}条`;
  });
  return `该草案经${held.length === 2 ? '两' : chineseNumber(held.length)}轮征求代表意见：${parts.join('；')}。`;
}

/** The body: when and who met, what was deliberated, and the decision. The result clause follows it, apart. */
export function draftBody(figures: DraftFigures): string {
  const opening = `${congressName(figures.heading)}于${chineseDate(figures.date)}召开。`;
  const people = figures.staff ? '职工' : '代表';
  const attendance =
    figures.present === null
      ? `会议应到${people}${figures.eligible}人。`
      : `会议应到${people}${figures.eligible}人，实到${figures.present}人${figures.quorumReached === false ? '，未达到法定人数' : '，符合法定人数'}。`;
  const paragraphs = [opening + attendance];
  if (figures.document) {
    const consultation = consultationSentence(figures.document.rounds);
    paragraphs.push(`会议审议了${documentSubject(figures.document.title)}。${consultation ?? ''}`);
    paragraphs.push(`会议决定，通过${figures.subject}。`);
  } else {
    paragraphs.push(`会议审议了${figures.subject}。`);
    paragraphs.push(`会议决定，批准${figures.subject}。`);
  }
  return paragraphs.join('\n');
}

export interface TallyFigures {
  /** 'show_of_hands' when a show of hands was entered by hand; 'paper' for a paper count. */
  manualMethod: 'show_of_hands' | 'paper' | null;
  secrecy: 'secret' | 'named';
  /** The ballot's own electorate: 应到 and 实到 as its result states them. */
  eligible: number;
  present: number;
  counts: { yes: number; no: number; abstain: number };
  passed: boolean;
  passingRule: PassingRule;
  majorityWording: MajorityWording;
  baseLabel: BaseLabel;
  staff: boolean;
}

function baseWithoutNumber(label: BaseLabel, staff: boolean): string {
  const people = staff ? '职工' : '代表';
  if (label === 'eligible') return `全体${people}`;
  if (label === 'present') return `出席${people}`;
  return '投票总数';
}

/** 经无记名投票表决 / 经记名投票表决 / 经举手表决. */
function methodWords(tally: Pick<TallyFigures, 'manualMethod' | 'secrecy'>): string {
  if (tally.manualMethod === 'show_of_hands') return '经举手表决';
  return tally.secrecy === 'secret' ? '经无记名投票表决' : '经记名投票表决';
}

/**
 * 经无记名投票表决，应到代表73人，实到60人，赞成50票，反对5票，弃权5票，超过全体代表的半数，本决议通过。
 * The threshold in words without its number: the number is in the ballot's own explanation.
 */
export function resultClause(tally: TallyFigures): string {
  const people = tally.staff ? '职工' : '代表';
  const fraction = fractionWords(tally.passingRule, tally.majorityWording);
  const term = fraction.zhTerm === '过半数' ? '半数' : fraction.zhTerm;
  const threshold = `${tally.passed ? '' : '未'}${fraction.zhPassed}${baseWithoutNumber(tally.baseLabel, tally.staff)}的${term}`;
  const { yes, no, abstain } = tally.counts;
  return `${methodWords(tally)}，应到${people}${tally.eligible}人，实到${tally.present}人，赞成${yes}票，反对${no}票，弃权${abstain}票，${threshold}，本决议${tally.passed ? '通过' : '未通过'}。`;
}

/** What the frozen text's hash covers: the title and the body, as they were when the ballot opened. */
export function frozenText(resolution: { title: string; body: string }): string {
  return `${resolution.title}\n\n${resolution.body}`;
}
