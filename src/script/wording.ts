// The chair's words that depend on the sitting, not on an item: who is addressed, what the gathering
// is called, the attendance and quorum at the opening, and the close. Pure functions over plain facts.
import type { AttendanceCounts } from '../meetings/schemas.js';
import { chineseNumber, fractionInWords } from './numbers.js';

export type Sitting = 'preparatory' | 'plenary' | 'extraordinary' | 'joint';

export interface SittingFacts {
  title: string;
  kind: 'congress' | 'general_assembly';
  sitting: Sitting;
}

/** A line of the script: what the chair says, or a stage direction (（鼓掌）, （投票）) printed apart. */
export interface ScriptLine {
  kind: 'speech' | 'direction';
  text: string;
}

export const say = (text: string): ScriptLine => ({ kind: 'speech', text });
export const direct = (text: string): ScriptLine => ({ kind: 'direction', text: `（${text}）` });

/** Who sits and counts: 代表; in a 职工大会 every 职工; in a 联席会议 its 联席会议成员. */
export function personWord(facts: Pick<SittingFacts, 'kind' | 'sitting'>): string {
  if (facts.sitting === 'joint') return '联席会议成员';
  return facts.kind === 'general_assembly' ? '职工' : '代表';
}

/** What the chair calls the gathering: 本次大会, 预备会议第一项议程, 临时会议, 联席会议. */
export function gatheringWord(facts: Pick<SittingFacts, 'sitting'>): string {
  switch (facts.sitting) {
    case 'plenary':
      return '大会';
    case 'preparatory':
      return '预备会议';
    case 'extraordinary':
      return '临时会议';
    case 'joint':
      return '联席会议';
  }
}

function greeting(facts: SittingFacts): string {
  if (facts.sitting === 'joint') return '各位联席会议成员：';
  return facts.kind === 'general_assembly' ? '各位职工、同志们：' : '各位代表、同志们：';
}

/**
 * 应出席代表73人，因事因病请假N人，实到60人，超过全体代表的三分之二，符合规定，会议合法有效 — or, short
 * of quorum, 不足 … 不能开会. "超过" only when present is strictly above the fraction, "达到" at exactly it.
 */
export function attendanceLines(facts: SittingFacts, counts: AttendanceCounts): ScriptLine[] {
  const person = personWord(facts);
  const fraction = fractionInWords(counts.quorum);
  const leave = counts.onLeave > 0 ? `因事因病请假${counts.onLeave}人，` : '';
  const figures = `本次${gatheringWord(facts)}应出席${person}${counts.eligible}人，${leave}实到${counts.present}人，`;
  const lines: ScriptLine[] = [];
  if (counts.quorum.reached) {
    const above = counts.present * counts.quorum.denominator > counts.quorum.numerator * counts.eligible;
    lines.push(say(`${figures}${above ? '超过' : '达到'}全体${person}的${fraction}，符合规定，会议合法有效。`));
  } else {
    lines.push(say(`${figures}不足全体${person}的${fraction}（至少须到${counts.quorum.required}人），不符合规定，不能开会。`));
    lines.push(say(`请各位${person}尽快入场。`));
    lines.push(direct(`到会人数达到${counts.quorum.required}人后，再宣布开会`));
  }
  if (facts.sitting !== 'joint' && facts.kind === 'congress' && counts.attendeesPresent > 0) {
    lines.push(say(`另有列席代表${counts.attendeesPresent}人列席会议。`));
  }
  return lines;
}

/** The opening: greeting, attendance, and (quorum reached) the declaration proper to the sitting. */
export function openingLines(facts: SittingFacts, counts: AttendanceCounts, agendaTitles: readonly string[]): ScriptLine[] {
  const lines = [say(greeting(facts)), ...attendanceLines(facts, counts)];
  if (!counts.quorum.reached) return lines;
  switch (facts.sitting) {
    case 'preparatory':
      lines.push(say(`${facts.title.includes('预备会议') ? facts.title : `${facts.title}预备会议`}现在开始。`));
      break;
    case 'plenary':
      lines.push(say(`现在我宣布：${facts.title}现在开会！`), direct('全体起立，奏国歌'), say('请坐下。'));
      break;
    case 'extraordinary':
      lines.push(say(`现在我宣布：${facts.title}现在开会！本次临时会议专门审议以下事项。`));
      break;
    case 'joint':
      lines.push(say(`${facts.title}现在开始。本次联席会议所作决定，须提交下一次职工代表大会确认。`));
      break;
  }
  if (agendaTitles.length > 0) {
    const listed = agendaTitles.map((title, index) => `${chineseNumber(index + 1)}、${title}`).join('；');
    lines.push(say(`本次${gatheringWord(facts)}共有${chineseNumber(agendaTitles.length)}项议程：${listed}。`));
  }
  return lines;
}

/** What the sitting settled, for the close: approvals passed, elections held. */
export interface Settled {
  passed: string[];
  elected: string[];
}

/** ……各项议程已全部完成……现在闭会 (a preparatory or joint meeting: 现在散会). */
export function closingLines(facts: SittingFacts, settled: Settled): ScriptLine[] {
  const gathering = gatheringWord(facts);
  const lines = [say(`${greeting(facts)}${facts.title}的各项议程已全部完成。`)];
  if (settled.passed.length > 0) lines.push(say(`${gathering}表决通过了${settled.passed.join('、')}。`));
  if (settled.elected.length > 0) lines.push(say(`${gathering}选举产生了${settled.elected.join('、')}。`));
  switch (facts.sitting) {
    case 'plenary':
      lines.push(say(`感谢各位${personWord(facts)}！现在我宣布：${facts.title}闭幕，现在闭会！`), direct('奏《国际歌》'));
      break;
    case 'extraordinary':
      lines.push(say(`感谢各位${personWord(facts)}！${facts.title}现在闭会。`));
      break;
    case 'preparatory':
      lines.push(say('预备会议到此结束，现在散会。'));
      break;
    case 'joint':
      lines.push(say('联席会议到此结束，现在散会。'));
      break;
  }
  return lines;
}
