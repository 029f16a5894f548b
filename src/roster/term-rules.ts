// A term's own rules (issue 12): the thresholds a session is checked against. Provinces and units
// differ, so every number is a setting per term; the defaults and their sources are those of
// ../shared/SESSION-RULES.md. Stored as JSON in term.rules and read through this schema, whose
// defaults fill anything not set: '{}' is "every default", and a setting added later needs no migration.
// Shares are fractions of integers (1/5, not 20%), so "≤ 20% of 73" is computed exactly.
import { z } from 'zod';

export const fractionSchema = z
  .object({ numerator: z.number().int().min(0).max(1000), denominator: z.number().int().min(1).max(1000) })
  .strict()
  .refine((fraction) => fraction.numerator <= fraction.denominator, { message: 'numerator must not exceed denominator' });
export type Fraction = z.infer<typeof fractionSchema>;

/** A calendar day, 2026-10-01. */
export const isoDay = z.iso.date();

/** The category tags the credentials report counts (roster column 类别/tags and the console). */
export const CATEGORY_TAGS = ['一线职工', '工程技术人员', '管理人员', '中层以上', '女职工', '青年', '劳务派遣'] as const;
export type CategoryTag = (typeof CATEGORY_TAGS)[number];

const presidiumBand = z
  .object({
    /** The band applies from this many representatives … */
    fromRepresentatives: z.number().int().min(0).max(100000),
    /** … up to this many (null: no upper end). */
    toRepresentatives: z.number().int().min(0).max(100000).nullable(),
    minMembers: z.number().int().min(1).max(1000),
    maxMembers: z.number().int().min(1).max(1000).nullable(),
  })
  .strict();

export const termRulesSchema = z
  .object({
    /** 法定人数: present ≥ ⌈fraction × N⌉ before a sitting may vote. */
    quorum: fractionSchema.prefault({ numerator: 2, denominator: 3 }),
    /** 过半数 (yes > N/2) or 半数以上 (yes ≥ N/2). */
    majorityWording: z.enum(['majorityStrict', 'majorityInclusive']).default('majorityStrict'),
    composition: z
      .object({
        /** 中层以上 managers among representatives, at most. */
        managersMax: fractionSchema.prefault({ numerator: 1, denominator: 5 }),
        /** 一线职工 among representatives, at least. */
        frontLineMin: fractionSchema.prefault({ numerator: 1, denominator: 2 }),
        /** Women's share of the whole workforce, when entered: women among representatives at least that. */
        workforceWomenShare: fractionSchema.nullable().default(null),
        /** 列席 attendees, at most this share of the representatives. */
        attendeesMax: fractionSchema.prefault({ numerator: 1, denominator: 5 }),
        /** The fewest representatives a congress may have. */
        minRepresentatives: z.number().int().min(0).max(100000).default(30),
      })
      .strict()
      .prefault({}),
    presidium: z
      .object({
        bands: z
          .array(presidiumBand)
          .max(20)
          .default([
            { fromRepresentatives: 30, toRepresentatives: 100, minMembers: 3, maxMembers: 5 },
            { fromRepresentatives: 101, toRepresentatives: null, minMembers: 7, maxMembers: null },
          ]),
        /** 一线职工 among the presidium, at least. */
        frontLineMin: fractionSchema.prefault({ numerator: 1, denominator: 2 }),
      })
      .strict()
      .prefault({}),
    joint: z
      .object({
        /** Its members present, at least. */
        quorum: fractionSchema.prefault({ numerator: 2, denominator: 3 }),
        /** A decision needs more than half of those present (default) or of all its members. */
        decision: z.enum(['present_majority', 'all_majority']).default('present_majority'),
      })
      .strict()
      .prefault({}),
    extraordinary: z
      .object({
        /** Representatives who may propose an extraordinary session, at least this share. */
        proposalShare: fractionSchema.prefault({ numerator: 1, denominator: 3 }),
      })
      .strict()
      .prefault({}),
    notice: z
      .object({
        /** The public notice (公告/公示) of results and resolutions, published within this many calendar days of closing. */
        publishWithinDays: z.number().int().min(0).max(365).default(3),
        /** … and kept posted at least this many days (the least a publication may ask for). */
        postedDays: z.number().int().min(1).max(365).default(15),
      })
      .strict()
      .prefault({}),
    report: z
      .object({
        /** The report to the higher-level union (职代会召开情况报告), sent within this many working days of closing. */
        withinWorkingDays: z.number().int().min(0).max(365).default(7),
      })
      .strict()
      .prefault({}),
    elections: z
      .object({
        /** 差额: candidates should outnumber the seats by at least this share of the seats; a draft below it is warned of, never refused (等额选举 is legal in some units). */
        minimumCompetition: fractionSchema.prefault({ numerator: 1, denominator: 5 }),
      })
      .strict()
      .prefault({}),
    /** Public holidays (ISO days) that are not working days; none by default: each year's 国务院 notice is entered per term. */
    holidays: z.array(isoDay).max(400).default([]),
    /** Weekend days that are working days (调休 补班), ISO days. */
    extraWorkdays: z.array(isoDay).max(400).default([]),
  })
  .strict()
  .meta({ id: 'TermRules' });
export type TermRules = z.infer<typeof termRulesSchema>;

/** A change: any part, each replacing what it names (the rest keeps its stored value). */
export const termRulesPatch = z
  .object({
    quorum: fractionSchema,
    majorityWording: z.enum(['majorityStrict', 'majorityInclusive']),
    composition: termRulesSchema.shape.composition.unwrap().partial(),
    presidium: termRulesSchema.shape.presidium.unwrap().partial(),
    joint: termRulesSchema.shape.joint.unwrap().partial(),
    extraordinary: termRulesSchema.shape.extraordinary.unwrap().partial(),
    notice: termRulesSchema.shape.notice.unwrap().partial(),
    report: termRulesSchema.shape.report.unwrap().partial(),
    elections: termRulesSchema.shape.elections.unwrap().partial(),
    holidays: termRulesSchema.shape.holidays.unwrap(),
    extraWorkdays: termRulesSchema.shape.extraWorkdays.unwrap(),
  })
  .partial()
  .strict();
export type TermRulesPatch = z.infer<typeof termRulesPatch>;

export const DEFAULT_TERM_RULES: TermRules = termRulesSchema.parse({});

/** Where each default comes from, shown beside the setting in the console ([law] read, [practice] usage, [unverified] recalled). */
export const RULE_SOURCES = {
  quorum: { zh: '到会代表须达全体代表的三分之二以上', source: '上海 §28, 浙江 §15, 河南 §19 [law]' },
  majorityWording: { zh: '经全体职工代表的过半数通过（上海为“半数以上”）', source: '企业民主管理规定 §20; 上海 §31 [law]' },
  'composition.managersMax': { zh: '中层以上管理人员一般不超过职工代表总数的20%', source: '上海 §16, 浙江 §11 [law]; 陕西 §20' },
  'composition.frontLineMin': { zh: '一线职工代表应占代表总数的主体（不少于50%）', source: '四川 [practice]' },
  'composition.workforceWomenShare': { zh: '女职工代表比例与女职工占职工总数的比例相适应', source: '浙江 §11, 上海 §16 [law]' },
  'composition.attendeesMax': { zh: '列席代表一般不超过职工代表总数的五分之一', source: '宁波市总工会 [practice]' },
  'composition.minRepresentatives': { zh: '职工代表人数一般不少于30人', source: '[unverified]' },
  'presidium.bands': { zh: '代表30至100人的，主席团成员3至5人；100人以上的，不少于7人', source: '上海 §23 [law]' },
  'presidium.frontLineMin': { zh: '主席团成员中一线职工不少于50%', source: '上海 §23 [law]' },
  'joint.quorum': { zh: '联席会议须有三分之二以上成员出席', source: '[practice]' },
  'joint.decision': { zh: '联席会议决定须经出席成员过半数同意', source: '[practice]' },
  'extraordinary.proposalShare': { zh: '三分之一以上职工代表提议，可召开临时会议', source: '上海 §22, 浙江 §15 [law]' },
  'notice.publishWithinDays': { zh: '职工代表大会的决议、决定应在闭幕后3日内向全体职工公开', source: '山东厂务公开条例 §12 [law]' },
  'notice.postedDays': { zh: '公开（公示）时间不少于15日', source: '山东厂务公开条例 §12 [law]' },
  'report.withinWorkingDays': { zh: '职工代表大会闭会后7个工作日内向上一级工会报告会议情况', source: '上海 §37 [law]' },
  'elections.minimumCompetition': { zh: '实行差额选举，候选人数一般多于应选人数的20%', source: '[practice]' },
  holidays: { zh: '法定节假日（不计入工作日）', source: '国务院办公厅当年放假安排 [entered per term]' },
  extraWorkdays: { zh: '调休上班的周末（计入工作日）', source: '国务院办公厅当年放假安排 [entered per term]' },
} as const;

/** The stored JSON, read with every default filled in; a stored value no longer valid falls back to the defaults. */
export function parseTermRules(stored: string): TermRules {
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return DEFAULT_TERM_RULES;
  }
  const parsed = termRulesSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_TERM_RULES;
}

/** The rules after a change: each part the patch names is merged over the stored part, then checked whole. */
export function applyTermRulesPatch(current: TermRules, patch: TermRulesPatch): TermRules {
  return termRulesSchema.parse({
    ...current,
    ...(patch.quorum ? { quorum: patch.quorum } : {}),
    ...(patch.majorityWording ? { majorityWording: patch.majorityWording } : {}),
    composition: { ...current.composition, ...patch.composition },
    presidium: { ...current.presidium, ...patch.presidium },
    joint: { ...current.joint, ...patch.joint },
    extraordinary: { ...current.extraordinary, ...patch.extraordinary },
    notice: { ...current.notice, ...patch.notice },
    report: { ...current.report, ...patch.report },
    elections: { ...current.elections, ...patch.elections },
    holidays: patch.holidays ?? current.holidays,
    extraWorkdays: patch.extraWorkdays ?? current.extraWorkdays,
  });
}

/** ⌈fraction × n⌉ in integers: "at least a third of 73" is 25. */
export function atLeast(fraction: Fraction, n: number): number {
  const product = fraction.numerator * n;
  const remainder = product % fraction.denominator;
  return (product - remainder) / fraction.denominator + (remainder === 0 ? 0 : 1);
}

/** ⌊fraction × n⌋ in integers: "at most a fifth of 73" is 14. */
export function atMost(fraction: Fraction, n: number): number {
  const product = fraction.numerator * n;
  return (product - (product % fraction.denominator)) / fraction.denominator;
}

/** The fewest candidates for these seats under the term's 差额 rule: seats + ⌈share × seats⌉ (5 seats at 1/5: 6). */
export function candidatesWanted(minimumCompetition: Fraction, seats: number): number {
  return seats + atLeast(minimumCompetition, seats);
}
