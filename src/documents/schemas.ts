// zod schemas for documents (二上二下): request bodies and what each response carries.
import { z } from 'zod';
import { majorityWordingSchema, passingRuleSchema } from '../ballots/schemas.js';
import { ballotView } from '../ballots/api-schemas.js';
import { idSchema, isoTime, optionalNote, requiredText as text } from '../http/routes.js';
import { RESPONSE_OUTCOMES } from './adoption.js';
import { MEMBER_ROLES } from '../actors.js';
import { DOCUMENT_EVENTS, DOCUMENT_KINDS, DOCUMENT_STATES } from './workflow.js';

const anchor = z
  .string()
  .regex(/^b[1-9]\d{0,4}$/, 'an anchor is b1, b2 …')
  .describe('A block of the version: b1, b2 … in order');

/** A version typed in (markdown) or uploaded as Word (docx). */
export const VERSION_SOURCES = ['markdown', 'docx'] as const;
/** What a version was fixed for: a round of consultation or the vote. */
export const VERSION_ISSUED_FOR = ['round', 'vote'] as const;
export const ROUND_STATES = ['collecting', 'consolidating', 'responding', 'closed'] as const;
/** A delegation's submission by its leader (member) or typed in by the secretariat (account). */
export const SUBMITTED_BY_KINDS = ['member', 'account'] as const;
/** A vote's verdict on the document's item. */
export const VOTE_OUTCOMES = ['approved', 'rejected'] as const;

export const documentKind = z.enum(DOCUMENT_KINDS).meta({ id: 'DocumentKind' });
export type DocumentKind = z.infer<typeof documentKind>;
export const documentKindNames: Record<DocumentKind, string> = {
  collective_contract: '集体合同',
  rules: '规章制度',
  pay_scheme: '分配方案',
  reform_plan: '改革方案',
  implementing_opinions: '实施意见',
  other: '其他',
};

export const MAX_TEXT = 200_000;
const markdown = z
  .string()
  .max(MAX_TEXT)
  .refine((value) => value.trim().length > 0, 'the text is empty')
  .describe('Markdown: blank lines separate paragraphs; headings and list items are blocks of their own');

export const documentInput = z
  .object({
    title: text(200).describe('e.g. 集体合同(草案)'),
    kind: documentKind,
    draftingDepartmentId: idSchema.optional().describe('A department from /api/departments: its handler accounts draft and answer'),
    draftingDepartmentName: text(100).optional().describe('Free text when the drafter is not in the departments table'),
    rounds: z.number().int().min(1).max(10).default(2).describe('Rounds of consultation (二上二下: 2; 三上三下: 3)'),
    text: markdown.optional().describe('The consultation draft (征求意见稿), if already written'),
  })
  .strict()
  .refine((input) => Boolean(input.draftingDepartmentId) !== Boolean(input.draftingDepartmentName), {
    message: 'name the drafting department: draftingDepartmentId or draftingDepartmentName, not both',
    path: ['draftingDepartmentId'],
  });
export const documentPatch = z
  .object({
    title: text(200).optional(),
    kind: documentKind.optional(),
    draftingDepartmentId: idSchema.optional(),
    draftingDepartmentName: text(100).optional(),
    rounds: z.number().int().min(1).max(10).optional(),
  })
  .strict()
  .refine((patch) => !(patch.draftingDepartmentId && patch.draftingDepartmentName), { message: 'one of draftingDepartmentId or draftingDepartmentName', path: ['draftingDepartmentId'] });

export const draftInput = z.object({ text: markdown }).strict();

/** Bodies of the moves through the state table, one per route. */
export const actionBodies = {
  issue: z.object({ deadline: isoTime.describe('Opinions are taken until then'), note: optionalNote }).strict(),
  extendDeadline: z.object({ deadline: isoTime, note: optionalNote }).strict(),
  submitOpinion: z
    .object({
      anchor,
      content: text(5000).describe('The opinion (意见)'),
      versionId: idSchema.optional().describe('The version read; must be the one issued in this round'),
    })
    .strict(),
  endCollection: z.object({ note: optionalNote }).strict(),
  consolidate: z
    .object({
      delegationId: idSchema.optional().describe('Secretary only: the delegation consolidated on its behalf (代为汇总); a leader sends their own'),
      items: z
        .array(
          z
            .object({
              anchor,
              content: text(5000).describe('The consolidated wording; may merge or edit the originals'),
              sourceOpinionIds: z.array(idSchema).max(500).default([]).describe('The representatives’ opinions it stands for; originals not cited are dropped (kept visible)'),
            })
            .strict(),
        )
        .max(500),
      note: optionalNote.describe('e.g. 本团同意,无修改意见'),
    })
    .strict(),
  endConsolidation: z.object({ note: optionalNote }).strict(),
  respond: z
    .object({
      consolidatedId: idSchema,
      outcome: z.enum(RESPONSE_OUTCOMES),
      reason: z.string().trim().max(5000).optional(),
      changedAnchors: z.array(anchor).max(200).default([]).describe('Blocks of the next version this changes (linked in its diff)'),
    })
    .strict()
    .refine((body) => body.outcome === 'adopted' || Boolean(body.reason), { message: 'a reason is required unless adopted', path: ['reason'] }),
  closeRound: z.object({ note: optionalNote }).strict(),
  linkChanges: z.object({ consolidatedId: idSchema, changedAnchors: z.array(anchor).max(200) }).strict(),
  putToVote: z
    .object({
      ballotId: idSchema.optional().describe('A draft secret ballot of the meeting to add this item to (several documents on one sheet); else a new one'),
      ballotTitle: text(200).optional().describe('Title of a new ballot'),
      itemTitle: text(500).optional().describe('Default: 关于《title》的表决'),
      passingRule: passingRuleSchema.default('all_majority'),
      majorityWording: majorityWordingSchema.default('majorityStrict'),
    })
    .strict(),
  startRound: z.object({ reason: text(2000).describe('Why the rejected document goes back for revision') }).strict(),
} as const;

export type ActionName = keyof typeof actionBodies;
export type DocumentAction = { [K in ActionName]: { action: K } & z.output<(typeof actionBodies)[K]> }[ActionName];

export const documentListQuery = z.object({ state: z.enum(DOCUMENT_STATES).optional() }).strict();

const segment = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export const block = z.object({ anchor: z.string(), kind: z.enum(['heading', 'paragraph', 'list_item']), text: z.string(), label: z.string() }).meta({ id: 'Block' });
export const versionDiff = z
  .object({
    changes: z.array(
      z.object({
        kind: z.enum(['unchanged', 'changed', 'added', 'removed']),
        oldAnchor: z.string().nullable(),
        newAnchor: z.string().nullable(),
        label: z.string(),
        oldText: z.string().nullable(),
        newText: z.string().nullable(),
        segments: z.array(segment),
        answers: z.array(z.string()).describe('Consolidated opinion ids this change answers'),
      }),
    ),
    counts: z.object({ unchanged: z.number(), changed: z.number(), added: z.number(), removed: z.number() }),
    fallback: z
      .enum(['none', 'blocks'])
      .default('none')
      .describe('blocks: the change was too large to show character by character, so some changed blocks show their old and new text whole (versions issued before this field existed read none)'),
  })
  .meta({ id: 'VersionDiff' });
const adoptionCounts = z.object({ consolidated: z.number(), adopted: z.number(), partlyAdopted: z.number(), notAdopted: z.number(), unanswered: z.number() }).meta({ id: 'AdoptionCounts' });
const responseOutcome = z.enum(RESPONSE_OUTCOMES);
export const adoptionReport = z
  .object({
    roundNumber: z.number(),
    counts: adoptionCounts.extend({ opinions: z.number(), dropped: z.number() }),
    byDelegation: z.array(adoptionCounts.extend({ delegationId: z.string(), name: z.string() })),
    entries: z.array(
      z.object({
        consolidatedId: z.string(),
        delegationId: z.string(),
        delegationName: z.string(),
        anchor: z.string(),
        label: z.string(),
        content: z.string(),
        sourceCount: z.number(),
        response: z.object({ outcome: responseOutcome, reason: z.string().nullable(), changedAnchors: z.array(z.string()) }).nullable(),
      }),
    ),
    markdown: z.string().describe('意见采纳情况说明, ready to print'),
  })
  .meta({ id: 'AdoptionReport' });

export const versionSummary = z
  .object({
    id: z.string(),
    number: z.number(),
    source: z.enum(VERSION_SOURCES),
    issuedAt: z.string().nullable(),
    issuedFor: z.enum(VERSION_ISSUED_FOR).nullable(),
    authorName: z.string(),
    updatedAt: z.string(),
    original: z.object({ filename: z.string(), size: z.number() }).nullable(),
  })
  .meta({ id: 'VersionSummary' });
export const versionDetail = versionSummary
  .extend({
    text: z.string(),
    blocks: z.array(block),
    previousVersionId: z.string().nullable(),
    diff: versionDiff.nullable(),
    adoptionReport: adoptionReport.nullable(),
  })
  .meta({ id: 'VersionDetail' });

export const opinion = z
  .object({
    id: z.string(),
    roundNumber: z.number(),
    versionId: z.string(),
    anchor: z.string(),
    content: z.string(),
    memberId: z.string().nullable().describe('Hidden (null) from other representatives'),
    memberName: z.string().nullable(),
    memberRole: z.enum(MEMBER_ROLES),
    delegationId: z.string(),
    createdAt: z.string(),
    fate: z.enum(['pending', 'included', 'dropped']).describe('included in a consolidated opinion, dropped by the delegation, or not consolidated yet'),
    consolidatedId: z.string().nullable(),
  })
  .meta({ id: 'Opinion' });

export const consolidated = z
  .object({
    id: z.string(),
    delegationId: z.string(),
    delegationName: z.string(),
    sequence: z.number(),
    anchor: z.string(),
    label: z.string(),
    content: z.string(),
    sourceOpinionIds: z.array(z.string()),
    response: z.object({ outcome: responseOutcome, reason: z.string().nullable(), changedAnchors: z.array(z.string()), responderName: z.string(), respondedAt: z.string() }).nullable(),
  })
  .meta({ id: 'Consolidated' });

export const submission = z
  .object({
    id: z.string(),
    delegationId: z.string(),
    delegationName: z.string(),
    note: z.string().nullable(),
    submittedByName: z.string(),
    submittedAt: z.string(),
  })
  .meta({ id: 'Submission' });

export const round = z
  .object({
    id: z.string(),
    number: z.number(),
    names: z.object({ down: z.string(), up: z.string() }),
    versionId: z.string(),
    state: z.enum(ROUND_STATES),
    deadlineAt: z.string(),
    issuedAt: z.string(),
    collectionEndedAt: z.string().nullable(),
    consolidationEndedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    opinionCounts: z.array(z.object({ delegationId: z.string(), name: z.string(), opinions: z.number(), submitted: z.boolean() })),
    opinions: z.array(opinion).describe('Officers and drafters: all; a leader: their delegation’s; a representative: their own'),
    submissions: z.array(submission),
    consolidated: z.array(consolidated),
    adoption: adoptionCounts,
  })
  .meta({ id: 'Round' });

export const documentVote = z
  .object({
    ballotId: z.string(),
    itemId: z.string().describe('The ballot item voted on (its stable id)'),
    itemIndex: z.number().describe('Where that item sits on the sheet now'),
    itemTitle: z.string(),
    versionId: z.string(),
    outcome: z.enum(VOTE_OUTCOMES).nullable(),
    settledAt: z.string().nullable(),
    ballot: ballotView.nullable(),
  })
  .meta({ id: 'DocumentVote' });

export const documentSummary = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    termId: z.string(),
    title: z.string(),
    kind: documentKind,
    kindName: z.string(),
    draftingDepartment: z.object({ id: z.string().nullable(), name: z.string() }),
    roundsPlanned: z.number(),
    state: z.enum(DOCUMENT_STATES),
    stateName: z.string(),
    currentRound: z.number().nullable(),
    deadlineAt: z.string().nullable(),
    outcome: z.enum(VOTE_OUTCOMES).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DocumentSummary' });

export const historyEntry = z
  .object({
    at: z.string(),
    event: z.string(),
    from: z.string(),
    to: z.string(),
    roundNumber: z.number().nullable(),
    actorName: z.string(),
    note: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'HistoryEntry' });

export const documentDetail = documentSummary
  .extend({
    versions: z.array(versionSummary),
    draft: versionDetail.nullable().describe('The unissued draft being edited, for secretary and drafters'),
    currentVersion: versionDetail.nullable().describe('The latest issued version'),
    rounds: z.array(round),
    adoption: adoptionCounts.describe('All rounds together'),
    votes: z.array(documentVote),
    history: z.array(historyEntry),
    allowedEvents: z.array(z.enum(DOCUMENT_EVENTS)),
    you: z.object({ delegationIds: z.array(z.string()).describe('Delegations the asker leads') }).nullable(),
  })
  .meta({ id: 'DocumentDetail' });

export const recordResponse = z
  .object({
    document: documentSummary,
    versions: z.array(versionSummary.extend({ blockCount: z.number() })),
    rounds: z.array(
      z.object({
        number: z.number(),
        names: z.object({ down: z.string(), up: z.string() }),
        versionNumber: z.number(),
        issuedAt: z.string(),
        deadlineAt: z.string(),
        closedAt: z.string().nullable(),
        opinions: z.number(),
        report: adoptionReport,
        originals: z.array(opinion),
      }),
    ),
    adoption: adoptionCounts,
    votes: z.array(documentVote),
    generatedAt: z.string(),
  })
  .meta({ id: 'ConsultationRecord' });

export type DocumentInput = z.infer<typeof documentInput>;
export type DocumentPatch = z.infer<typeof documentPatch>;
export type DocumentSummary = z.infer<typeof documentSummary>;
export type DocumentDetail = z.infer<typeof documentDetail>;
export type RecordResponse = z.infer<typeof recordResponse>;
export type OpinionView = z.infer<typeof opinion>;
