// Published results as the server sends them (src/ballots/rules.ts, election.ts; the types are the
// API's own): each kind's rows, verdict and rule come from web/src/kinds/<kind>/result.ts; the
// figures and words every kind shares are here.
import { language, localized, t } from '../i18n/i18n.js';
import type { Explanation } from '../kinds/kind-module.js';
import { resultPart } from '../kinds/result.js';
import type { BallotItem, BallotResult, ItemResult, Meeting } from './live.js';

export type { Explanation };

/** Approval items have a verdict (通过/未通过); other kinds say who was elected in their explanation. */
export function verdictOf(result: ItemResult): 'passed' | 'failed' | null {
  return resultPart(result.kind).verdict(result);
}

export function explanationOf(result: ItemResult): Explanation | null {
  return resultPart(result.kind).explanation(result);
}

/** 应到 / 实到 / 收回选票 — or, for a show of hands, how many raised a hand at all. */
export function figuresText(result: BallotResult): string {
  const key = result.manual && result.manualMethod !== 'paper' ? 'resultFiguresShowOfHands' : 'resultFigures';
  const figures = t(key, { eligible: result.eligible, present: result.present, cast: result.cast });
  const papers = paperFiguresText(result);
  return papers ? `${figures}${language() === 'zh' ? '，' : '; '}${papers}` : figures;
}

/** Paper and phones in one ballot: 其中电子票 45 张，纸质票 4 张（发出 5 张，废票 1 张）; null without papers. */
export function paperFiguresText(result: BallotResult): string | null {
  if (!result.papers) return null;
  const { issued, returned, invalid } = result.papers;
  return t('resultPapers', { electronic: result.electronic ?? 0, returned, issued, invalid });
}

/** More papers returned than issued: the round is void (选举法 §44); null otherwise. */
export function voidText(result: BallotResult): string | null {
  return result.void && result.papers ? t('resultVoid', { returned: result.papers.returned, issued: result.papers.issued }) : null;
}

/** 举手表决 / 纸质计票, for results entered by hand. */
export function manualMethodLabel(result: BallotResult): string {
  return result.manualMethod === 'paper' ? t('manualPaper') : t('manualShowOfHands');
}

export function itemTitle(item: BallotItem, index: number, count: number): string {
  return count > 1 ? t('itemNumbered', { number: index + 1, title: item.title }) : item.title;
}

/** The passing rule in words, without numbers: 赞成票须超过全体代表的半数. Null for kinds without a threshold. */
export function ruleInWords(item: BallotItem, kind: Meeting['kind']): string | null {
  return resultPart(item.kind).ruleInWords(item, kind);
}

/** The rule in words with the figures, in the page language; Chinese set with full-width punctuation
 * (the server writes its explanations with ASCII commas and brackets). */
export function explanationText(explanation: Explanation): string {
  const text = localized(explanation);
  if (language() !== 'zh') return text;
  const fullWidth: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };
  return text.replace(/[,;:()]/g, (mark) => fullWidth[mark] ?? mark);
}
