// The credentials report (代表资格审查报告) of a session: computed from the roster of its term and
// checked against the term's rules; adopted at the session's preparatory meeting by a settled ballot
// whose approval passed (a show of hands entered as a manual result is enough), keeping the figures
// as they stood then.
import { createHash } from 'node:crypto';
import type { AccountActor } from '../actors.js';
import { recordAudit } from '../audit/service.js';
import { ballotOutcome, claimPassedApproval } from '../ballots/service.js';
import { type AppContext, type CoreContext, nowIso, transact } from '../context.js';
import { fail } from '../errors.js';
import { getTerm, getTermRules, listDelegationRows, memberCredentialRows } from '../roster/service.js';
import { canonicalTag } from '../roster/tags.js';
import { CATEGORY_TAGS, RULE_SOURCES, type TermRules } from '../roster/term-rules.js';
import { getSession } from '../sessions/service.js';
import { docxFile, type PaperFile } from '../papers/paper-file.js';
import { credentialsPaper } from './paper.js';
import * as repository from './repository.js';
import { checkComposition, countComposition, fractionText, percentText } from './rules.js';
import type { CredentialsFigures, CredentialsReport } from './schemas.js';
import { reportParagraphs } from './wording.js';

type Reader = Pick<AppContext, 'db'>;

interface StoredReport {
  figures: CredentialsFigures;
  rosterDigest: string;
}

/** The report's figures from people, delegations and rules: pure, so the stored snapshot and the live one agree. */
export function credentialsFigures(
  people: readonly { role: 'representative' | 'attendee'; delegationId: string | null; tags: readonly string[] }[],
  delegations: readonly { id: string; name: string }[],
  rules: TermRules,
): CredentialsFigures {
  const composition = countComposition(people, delegations);
  const checks = checkComposition(composition, rules.composition);
  return {
    representatives: composition.representatives,
    attendees: composition.attendees,
    categories: CATEGORY_TAGS.map((tag) => ({
      tag,
      representatives: composition.categories[tag],
      attendees: composition.attendeeCategories[tag],
      percent: percentText(composition.categories[tag], composition.representatives),
    })),
    delegations: composition.delegations,
    checks: checks.map((check) => ({
      ...check,
      shareText: check.share ? fractionText(check.share) : null,
      wording: RULE_SOURCES[check.rule].zh,
      source: RULE_SOURCES[check.rule].source,
    })),
    allMet: checks.every((check) => check.met),
    paragraphs: reportParagraphs(composition, checks),
  };
}

/**
 * A member's line of the roster digest: who is on the roster, in what role, delegation and categories
 * (what the adopted report vouched for). The digest hashes the lines in sorted order, joined by
 * newlines; the ids are of one length and URL-safe, so id order is that order.
 */
export function rosterLine(member: { id: string; role: string; delegation_id: string | null }, tags: readonly string[]): string {
  return JSON.stringify([member.id, member.role, member.delegation_id, tags.map(canonicalTag).sort()]);
}

/** The roster's figures and digest, read a page of members at a time (a term may have 10,000). */
async function currentReport(context: Reader, termId: string): Promise<StoredReport> {
  const [delegations, rules] = await Promise.all([listDelegationRows(context, termId), getTermRules(context, termId)]);
  const people: { role: 'representative' | 'attendee'; delegationId: string | null; tags: string[] }[] = [];
  const digest = createHash('sha256');
  let separator = '';
  for await (const member of memberCredentialRows(context, termId)) {
    const tags = JSON.parse(member.tags) as string[];
    people.push({ role: member.role, delegationId: member.delegation_id, tags });
    digest.update(separator + rosterLine(member, tags));
    separator = '\n';
  }
  return { figures: credentialsFigures(people, delegations, rules), rosterDigest: digest.digest('hex') };
}

export async function getCredentialsReport(context: Reader, sessionId: string): Promise<CredentialsReport> {
  const session = await getSession(context, sessionId);
  const term = await getTerm(context, session.term_id);
  const [current, adopted, preparatory] = await Promise.all([
    currentReport(context, session.term_id),
    repository.findAdoptedReport(context.db, sessionId),
    repository.findPreparatoryMeeting(context.db, sessionId),
  ]);
  let adoptedView: CredentialsReport['adopted'] = null;
  if (adopted) {
    const stored = JSON.parse(adopted.report) as StoredReport;
    const outcome = await ballotOutcome(context, adopted.ballot_id);
    adoptedView = { at: adopted.adopted_at, ballotId: adopted.ballot_id, ballotTitle: outcome.title, report: stored.figures, rosterChanged: stored.rosterDigest !== current.rosterDigest };
  }
  return {
    sessionId,
    termId: session.term_id,
    title: `${term.title}职工代表大会${session.title}代表资格审查报告`,
    preparatoryMeetingId: preparatory?.id ?? null,
    current: current.figures,
    adopted: adoptedView,
  };
}

/**
 * The ballot adopts the report only if it is of this session's preparatory meeting, settled, and its
 * approval item (the one named, or its only one) passed and served nothing before: claimed here, in
 * the caller's transaction, so a vote adopts one report once and a re-adoption needs a new vote.
 */
async function claimAdoptingBallot(context: CoreContext, sessionId: string, ballotId: string, itemId: string | undefined) {
  const preparatory = await repository.findPreparatoryMeeting(context.db, sessionId);
  if (!preparatory) fail('CREDENTIALS_BALLOT_INVALID', { reason: 'the session has no preparatory meeting' });
  const outcome = await ballotOutcome(context, ballotId);
  if (outcome.meetingId !== preparatory.id) fail('CREDENTIALS_BALLOT_INVALID', { reason: 'the ballot is not of the session’s preparatory meeting', preparatoryMeetingId: preparatory.id });
  if (!outcome.settled) fail('CREDENTIALS_BALLOT_INVALID', { reason: 'the ballot has no result yet' });
  const refusal = await claimPassedApproval(context.db, outcome, itemId, { purpose: 'credentials_adoption', subjectId: sessionId, at: nowIso(context) });
  if (refusal === 'the ballot did not pass') fail('CREDENTIALS_NOT_ADOPTED', { ballotId });
  if (refusal) fail('CREDENTIALS_BALLOT_INVALID', { reason: refusal, ballotId });
  return { preparatory, outcome };
}

export async function adoptCredentialsReport(context: CoreContext, actor: AccountActor, sessionId: string, ballotId: string, itemId?: string): Promise<CredentialsReport> {
  const session = await getSession(context, sessionId);
  await transact(context, async (inside) => {
    const { preparatory } = await claimAdoptingBallot(inside, sessionId, ballotId, itemId);
    const report = await currentReport(inside, session.term_id);
    await repository.saveAdoptedReport(inside.db, { session_id: sessionId, ballot_id: ballotId, adopted_at: nowIso(context), report: JSON.stringify(report) });
    await recordAudit(inside, actor, 'credentials.adopted', {
      meetingId: preparatory.id,
      ballotId,
      detail: {
        sessionId,
        representatives: report.figures.representatives,
        attendees: report.figures.attendees,
        unmet: report.figures.checks.filter((check) => !check.met).map((check) => check.rule),
      },
    });
  });
  return getCredentialsReport(context, sessionId);
}

/** The report as a .docx in the official layout (the adopted figures once adopted, else the roster now). */
export async function credentialsDocx(context: Reader & Pick<AppContext, 'paperWork'>, sessionId: string): Promise<PaperFile> {
  return docxFile(context, credentialsPaper(await getCredentialsReport(context, sessionId)));
}
