import { describe, it, expect } from 'vitest';
import { type ApprovalAnswer, approvalItemSchema } from '../../src/ballots/kinds/approval.js';
import { choiceItemSchema } from '../../src/ballots/kinds/choice.js';
import { type ElectionAnswer, electionItemSchema } from '../../src/ballots/kinds/election.js';
import { DEFAULT_RATING_GRADES, type RatingAnswer, ratingItemSchema } from '../../src/ballots/kinds/rating.js';
import { ballotItemSchema, requiredVotes, tallyBallot, tallyItem, validateAnswer, type Electorate, type ItemAnswer, type MajorityWording, type PassingRule } from '../../src/ballots/rules.js';

function congress(eligible: number, present = eligible, cast = present): Electorate {
  return { eligible, present, cast, body: 'representatives' };
}

function motion(passingRule: PassingRule = 'all_majority', majorityWording: MajorityWording = 'majorityStrict') {
  return approvalItemSchema.parse({ kind: 'approval', title: '关于集体合同草案的决议', passingRule, majorityWording });
}

function papers(yes: number, no = 0, abstain = 0): ApprovalAnswer[] {
  return [...Array<ApprovalAnswer>(yes).fill('yes'), ...Array<ApprovalAnswer>(no).fill('no'), ...Array<ApprovalAnswer>(abstain).fill('abstain')];
}

const candidateNames = ['张伟', '李娜', '王芳', '刘洋', '陈静', '杨磊'];

function election(seats: number, candidateCount: number, options: Record<string, unknown> = {}) {
  const candidates = candidateNames.slice(0, candidateCount).map((name, index) => ({ id: `c${index + 1}`, name }));
  return electionItemSchema.parse({ kind: 'election', title: '选举工会委员', seats, candidates, ...options });
}

/** votesById: how many ballots named each candidate, one name per ballot, topped up with blanks. */
function electionPapers(votesById: Record<string, number>, blanks = 0): ElectionAnswer[] {
  const answers: ElectionAnswer[] = [];
  for (const [id, votes] of Object.entries(votesById)) {
    for (let index = 0; index < votes; index += 1) answers.push({ candidateIds: [id], writeIns: [] });
  }
  for (let index = 0; index < blanks; index += 1) answers.push({ candidateIds: [], writeIns: [] });
  return answers;
}

describe('votes required under each passing rule', () => {
  it('needs 37 of 73 representatives under either wording', () => {
    expect(requiredVotes('all_majority', 'majorityStrict', congress(73))).toEqual({ base: 73, baseLabel: 'eligible', required: 37 });
    expect(requiredVotes('all_majority', 'majorityInclusive', congress(73)).required).toBe(37);
  });

  it('needs 37 of an even congress of 72 under 过半数 but 36 under 半数以上', () => {
    expect(requiredVotes('all_majority', 'majorityStrict', congress(72)).required).toBe(37);
    expect(requiredVotes('all_majority', 'majorityInclusive', congress(72)).required).toBe(36);
  });

  it('counts all representatives, not those present, under the default rule', () => {
    expect(requiredVotes('all_majority', 'majorityStrict', congress(180, 130, 125))).toEqual({ base: 180, baseLabel: 'eligible', required: 91 });
  });

  it('needs two thirds of all representatives rounded up, whatever the wording', () => {
    for (const wording of ['majorityStrict', 'majorityInclusive'] as const) {
      expect(requiredVotes('all_two_thirds', wording, congress(30)).required).toBe(20);
      expect(requiredVotes('all_two_thirds', wording, congress(31)).required).toBe(21);
      expect(requiredVotes('all_two_thirds', wording, congress(32)).required).toBe(22);
      expect(requiredVotes('all_two_thirds', wording, congress(180, 120)).required).toBe(120);
    }
  });

  it('counts those present under present_majority and ballots cast under cast_majority', () => {
    expect(requiredVotes('present_majority', 'majorityStrict', congress(180, 130, 120))).toEqual({ base: 130, baseLabel: 'present', required: 66 });
    expect(requiredVotes('cast_majority', 'majorityStrict', congress(180, 130, 120))).toEqual({ base: 120, baseLabel: 'cast', required: 61 });
    expect(requiredVotes('cast_majority', 'majorityInclusive', congress(180, 130, 120)).required).toBe(60);
  });

  it('needs one vote from a congress of one or two under 半数以上, and all of two under 过半数', () => {
    expect(requiredVotes('all_majority', 'majorityStrict', congress(1)).required).toBe(1);
    expect(requiredVotes('all_majority', 'majorityInclusive', congress(1)).required).toBe(1);
    expect(requiredVotes('all_majority', 'majorityStrict', congress(2)).required).toBe(2);
    expect(requiredVotes('all_majority', 'majorityInclusive', congress(2)).required).toBe(1);
  });

  it('still needs a vote when there is nobody to count against', () => {
    for (const rule of ['all_majority', 'all_two_thirds', 'present_majority', 'cast_majority'] as const) {
      for (const wording of ['majorityStrict', 'majorityInclusive'] as const) {
        expect(requiredVotes(rule, wording, congress(0, 0, 0))).toMatchObject({ base: 0, required: 1 });
      }
    }
  });

  it('matches the plain-words definition for every congress size up to 500', () => {
    for (let base = 1; base <= 500; base += 1) {
      const strict = requiredVotes('all_majority', 'majorityStrict', congress(base)).required;
      const inclusive = requiredVotes('all_majority', 'majorityInclusive', congress(base)).required;
      const twoThirds = requiredVotes('all_two_thirds', 'majorityStrict', congress(base)).required;
      expect([strict * 2 > base, (strict - 1) * 2 > base]).toEqual([true, false]);
      expect([inclusive * 2 >= base, (inclusive - 1) * 2 >= base]).toEqual([true, false]);
      expect([twoThirds * 3 >= base * 2, (twoThirds - 1) * 3 >= base * 2]).toEqual([true, false]);
    }
  });

  it('refuses an electorate with a negative count', () => {
    expect(() => requiredVotes('all_majority', 'majorityStrict', congress(-1))).toThrow(RangeError);
  });
});

describe('approving a motion (审议通过)', () => {
  it('passes with 50 yes of 73 representatives and says so in words', () => {
    const result = tallyItem(motion(), papers(50, 10, 5), congress(73, 65));
    expect(result).toMatchObject({ counts: { yes: 50, no: 10, abstain: 5 }, base: 73, baseLabel: 'eligible', required: 37, passed: true });
    expect(result.explanation).toEqual({
      zh: '赞成 50 票，超过全体代表 73 人的半数（须至少 37 票），通过',
      en: '50 yes, more than half of all 73 representatives (at least 37 needed): passed',
    });
  });

  it('fails with 36 yes of 73 representatives under 过半数', () => {
    const result = tallyItem(motion(), papers(36, 20), congress(73));
    expect(result.passed).toBe(false);
    expect(result.explanation.zh).toBe('赞成 36 票，未达到全体代表 73 人的过半数所需的 37 票，未通过');
    expect(result.explanation.en).toBe('36 yes, not more than half of all 73 representatives (at least 37 needed): not passed');
  });

  it('fails with 36 yes of 73 representatives under 半数以上 too', () => {
    const result = tallyItem(motion('all_majority', 'majorityInclusive'), papers(36), congress(73));
    expect(result.passed).toBe(false);
    expect(result.explanation.zh).toBe('赞成 36 票，未达到全体代表 73 人的半数以上所需的 37 票，未通过');
  });

  it('passes with 91 yes of 180 representatives, 130 present, and fails with 88 although 88 is most of the room', () => {
    const room = congress(180, 130);
    expect(tallyItem(motion(), papers(91, 30, 9), room).passed).toBe(true);
    const short = tallyItem(motion(), papers(88, 30, 12), room);
    expect(short.passed).toBe(false);
    expect(short.required).toBe(91);
  });

  it('fails a motion with exactly half of an even congress under 过半数', () => {
    const result = tallyItem(motion('all_majority', 'majorityStrict'), papers(36, 36), congress(72));
    expect(result.passed).toBe(false);
    expect(result.explanation.zh).toBe('赞成 36 票，未达到全体代表 72 人的过半数所需的 37 票，未通过');
  });

  it('passes a motion with exactly half of an even congress under 半数以上', () => {
    const result = tallyItem(motion('all_majority', 'majorityInclusive'), papers(36, 36), congress(72));
    expect(result.passed).toBe(true);
    expect(result.explanation).toEqual({
      zh: '赞成 36 票，达到全体代表 72 人的半数以上（须至少 36 票），通过',
      en: '36 yes, at least half of all 72 representatives (at least 36 needed): passed',
    });
  });

  it('fails a motion with one vote short of half of an even congress under 半数以上', () => {
    const result = tallyItem(motion('all_majority', 'majorityInclusive'), papers(35, 1), congress(72));
    expect(result.passed).toBe(false);
    expect(result.explanation.en).toBe('35 yes, less than half of all 72 representatives (at least 36 needed): not passed');
  });

  it('counts abstentions against: more yes than no is not enough', () => {
    const result = tallyItem(motion(), papers(30, 5, 38), congress(73));
    expect(result.counts).toEqual({ yes: 30, no: 5, abstain: 38 });
    expect(result.passed).toBe(false);
  });

  it('counts absences against: a unanimous thin room does not pass a motion', () => {
    const result = tallyItem(motion(), papers(36), congress(73, 36));
    expect(result.passed).toBe(false);
  });

  it('counts abstentions against under present_majority as well', () => {
    const result = tallyItem(motion('present_majority'), papers(60, 10, 60), congress(180, 130));
    expect(result).toMatchObject({ base: 130, required: 66, passed: false });
  });

  it('uses those present under present_majority, attendees being outside the electorate', () => {
    // 130 representatives present plus 12 attendees in the room: the caller passes only the 130.
    const room = congress(180, 130);
    const passed = tallyItem(motion('present_majority'), papers(66, 64), room);
    expect(passed).toMatchObject({ base: 130, baseLabel: 'present', required: 66, passed: true });
    expect(passed.explanation.zh).toBe('赞成 66 票，超过出席代表 130 人的半数（须至少 66 票），通过');
    expect(passed.explanation.en).toBe('66 yes, more than half of the 130 representatives present (at least 66 needed): passed');
    expect(tallyItem(motion('present_majority'), papers(65, 65), room).passed).toBe(false);
  });

  it('uses ballots cast under cast_majority', () => {
    const room = congress(180, 130, 100);
    expect(tallyItem(motion('cast_majority'), papers(50, 50), room).passed).toBe(false);
    expect(tallyItem(motion('cast_majority', 'majorityInclusive'), papers(50, 50), room).passed).toBe(true);
    const result = tallyItem(motion('cast_majority'), papers(51, 49), room);
    expect(result.passed).toBe(true);
    expect(result.explanation.zh).toBe('赞成 51 票，超过投票总数 100 票的半数（须至少 51 票），通过');
    expect(result.explanation.en).toBe('51 yes, more than half of the 100 ballots cast (at least 51 needed): passed');
  });

  it('passes a major reform with 20 of 30 under two thirds and fails it with 19', () => {
    const passed = tallyItem(motion('all_two_thirds'), papers(20, 10), congress(30));
    expect(passed.passed).toBe(true);
    expect(passed.explanation).toEqual({
      zh: '赞成 20 票，达到全体代表 30 人的三分之二（须至少 20 票），通过',
      en: '20 yes, at least two thirds of all 30 representatives (at least 20 needed): passed',
    });
    const failed = tallyItem(motion('all_two_thirds'), papers(19, 11), congress(30));
    expect(failed.passed).toBe(false);
    expect(failed.explanation.zh).toBe('赞成 19 票，未达到全体代表 30 人的三分之二所需的 20 票，未通过');
  });

  it('needs 21 of 31 under two thirds', () => {
    expect(tallyItem(motion('all_two_thirds'), papers(21), congress(31)).passed).toBe(true);
    expect(tallyItem(motion('all_two_thirds'), papers(20, 11), congress(31)).passed).toBe(false);
  });

  it('speaks of all staff in a general assembly (职工大会)', () => {
    const assembly: Electorate = { eligible: 60, present: 55, cast: 55, body: 'staff' };
    const result = tallyItem(motion(), papers(50, 5), assembly);
    expect(result.passed).toBe(true);
    expect(result.explanation.zh).toBe('赞成 50 票，超过全体职工 60 人的半数（须至少 31 票），通过');
    expect(result.explanation.en).toBe('50 yes, more than half of all 60 staff (at least 31 needed): passed');
  });

  it('passes nothing when there is no electorate, even with a stray yes', () => {
    for (const rule of ['all_majority', 'present_majority', 'cast_majority', 'all_two_thirds'] as const) {
      const result = tallyItem(motion(rule), papers(1), congress(0, 0, 0));
      expect(result.passed).toBe(false);
      expect(result.explanation.zh).toContain('未通过');
    }
    expect(tallyItem(motion('present_majority'), papers(1), congress(10, 0, 1)).passed).toBe(false);
  });

  it('defaults a motion to more than half of all representatives', () => {
    const item = approvalItemSchema.parse({ kind: 'approval', title: '工资分配方案' });
    expect(item).toMatchObject({ passingRule: 'all_majority', majorityWording: 'majorityStrict' });
  });
});

describe('electing (民主选举)', () => {
  it('elects the top three by votes when five candidates pass for three seats', () => {
    const result = tallyItem(election(3, 5), electionPapers({ c1: 40, c2: 45, c3: 50, c4: 38, c5: 42 }), congress(73));
    expect(result.required).toBe(37);
    expect(result.elected).toEqual(['c3', 'c2', 'c5']);
    expect(result.runoff).toBeNull();
    expect(result.unfilledSeats).toBe(0);
    expect(result.candidates.map((candidate) => candidate.id)).toEqual(['c3', 'c2', 'c5', 'c1', 'c4']);
    expect(result.candidates.every((candidate) => candidate.reachedThreshold)).toBe(true);
  });

  it('lists candidates with equal votes in their printed order', () => {
    const result = tallyItem(election(1, 4), electionPapers({ c3: 5, c1: 5, c2: 9 }), congress(20));
    expect(result.candidates.map((candidate) => [candidate.id, candidate.votes])).toEqual([
      ['c2', 9],
      ['c1', 5],
      ['c3', 5],
      ['c4', 0],
    ]);
  });

  it('sends a tie at the last seat to a run-off instead of choosing silently', () => {
    const result = tallyItem(election(2, 4), electionPapers({ c1: 50, c2: 40, c3: 40, c4: 10 }), congress(73));
    expect(result.elected).toEqual(['c1']);
    expect(result.runoff).toEqual({ seats: 1, candidateIds: ['c2', 'c3'] });
    expect(result.unfilledSeats).toBe(0);
    expect(result.explanation.zh).toContain('另行选举');
    expect(result.explanation.en).toContain('run-off for 1 seat');
  });

  it('puts everyone tied at the boundary into the run-off: three tied for two seats fill neither yet', () => {
    const result = tallyItem(election(2, 4), electionPapers({ c1: 38, c2: 38, c3: 38, c4: 32 }), congress(73));
    expect(result.candidates.every((candidate) => candidate.id === 'c4' || candidate.reachedThreshold)).toBe(true);
    expect(result).toMatchObject({ elected: [], runoff: { seats: 2, candidateIds: ['c1', 'c2', 'c3'] }, unfilledSeats: 0 });
  });

  it('leaves candidates below the tie out of the run-off even when they passed the threshold', () => {
    const result = tallyItem(election(2, 4), electionPapers({ c1: 45, c2: 40, c3: 40, c4: 38 }), congress(73));
    expect(result.candidates.find((candidate) => candidate.id === 'c4')?.reachedThreshold).toBe(true);
    expect(result).toMatchObject({ elected: ['c1'], runoff: { seats: 1, candidateIds: ['c2', 'c3'] } });
  });

  it('elects both candidates tied for first place when there are two seats', () => {
    const result = tallyItem(election(2, 3), electionPapers({ c1: 45, c2: 45, c3: 40 }), congress(73));
    expect(result.elected).toEqual(['c1', 'c2']);
    expect(result.runoff).toBeNull();
  });

  it('ignores a tie below the threshold', () => {
    const result = tallyItem(election(2, 3), electionPapers({ c1: 50, c2: 20, c3: 20 }), congress(73));
    expect(result.elected).toEqual(['c1']);
    expect(result.runoff).toBeNull();
    expect(result.unfilledSeats).toBe(1);
    expect(result.explanation.zh).toContain('空缺 1 名');
    expect(result.explanation.en).toContain('1 seat(s) left empty');
  });

  it('reports unfilled seats when fewer reach the threshold than there are seats', () => {
    const result = tallyItem(election(3, 4), electionPapers({ c1: 40, c2: 36, c3: 30, c4: 10 }), congress(73));
    expect(result.elected).toEqual(['c1']);
    expect(result.unfilledSeats).toBe(2);
    expect(result.candidates.find((candidate) => candidate.id === 'c2')?.reachedThreshold).toBe(false);
  });

  it('elects nobody and leaves every seat open when nobody reaches the threshold', () => {
    const result = tallyItem(election(2, 3), electionPapers({ c1: 30, c2: 30, c3: 10 }), congress(73));
    expect(result).toMatchObject({ elected: [], runoff: null, unfilledSeats: 2 });
    expect(result.explanation.zh).toContain('无人当选');
  });

  it('does not elect a candidate with exactly half under 过半数, but does under 半数以上', () => {
    const answers = electionPapers({ c1: 36, c2: 30 }, 6);
    expect(tallyItem(election(1, 2), answers, congress(72)).elected).toEqual([]);
    expect(tallyItem(election(1, 2, { majorityWording: 'majorityInclusive' }), answers, congress(72)).elected).toEqual(['c1']);
  });

  it('counts blank ballots as abstentions, which count against every candidate', () => {
    const result = tallyItem(election(1, 2), electionPapers({ c1: 36, c2: 1 }, 36), congress(73));
    expect(result.blankBallots).toBe(36);
    expect(result.elected).toEqual([]);
  });

  it('counts a multi-seat ballot for every name on it', () => {
    const answers: ElectionAnswer[] = Array.from({ length: 40 }, () => ({ candidateIds: ['c1', 'c2'], writeIns: [] }));
    const result = tallyItem(election(2, 3), answers, congress(73));
    expect(result.elected).toEqual(['c1', 'c2']);
    expect(result.candidates.map((candidate) => candidate.votes)).toEqual([40, 40, 0]);
  });

  it('elects a write-in who reaches the threshold, named as write-in:name', () => {
    const item = election(2, 2, { allowWriteIn: true });
    const raw = [...Array.from({ length: 38 }, () => ({ candidateIds: ['c1'], writeIns: ['  赵敏 '] })), ...Array.from({ length: 10 }, () => ({ candidateIds: ['c2'], writeIns: ['周芷若'] }))];
    const answers = raw.map((answer) => {
      const check = validateAnswer(item, answer);
      if (!check.ok) throw new Error(check.code);
      return check.answer;
    });
    const result = tallyItem(item, answers, congress(73));
    expect(result.writeIns).toEqual([
      { name: '赵敏', votes: 38, reachedThreshold: true },
      { name: '周芷若', votes: 10, reachedThreshold: false },
    ]);
    expect(result.elected).toEqual(['c1', 'write-in:赵敏']);
  });

  it('sends a write-in tied with a candidate at the last seat to the run-off', () => {
    const item = election(1, 2, { allowWriteIn: true });
    const answers: ElectionAnswer[] = [...Array.from({ length: 40 }, () => ({ candidateIds: ['c1'], writeIns: [] })), ...Array.from({ length: 40 }, () => ({ candidateIds: [], writeIns: ['赵敏'] }))];
    const result = tallyItem(item, answers, congress(73));
    expect(result.elected).toEqual([]);
    expect(result.runoff).toEqual({ seats: 1, candidateIds: ['c1', 'write-in:赵敏'] });
  });

  it('accounts for every seat: elected, in a run-off, or unfilled', () => {
    let seed = 7;
    const random = (limit: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % limit;
    };
    for (let round = 0; round < 300; round += 1) {
      const seats = 1 + random(4);
      const candidates = seats + random(3);
      const votes = Object.fromEntries(Array.from({ length: candidates }, (_, index) => [`c${index + 1}`, 30 + random(15)]));
      const result = tallyItem(election(seats, candidates), electionPapers(votes), congress(73));
      expect(result.elected.length + (result.runoff?.seats ?? 0) + result.unfilledSeats).toBe(seats);
      expect(new Set([...result.elected, ...(result.runoff?.candidateIds ?? [])]).size).toBe(result.elected.length + (result.runoff?.candidateIds.length ?? 0));
      if (result.runoff) expect(result.runoff.candidateIds.length).toBeGreaterThan(result.runoff.seats);
    }
  });

  it('uses ballots cast when the unit elects by a majority of those voting', () => {
    const item = election(1, 2, { passingRule: 'cast_majority' });
    const result = tallyItem(item, electionPapers({ c1: 31, c2: 29 }), congress(73, 65, 60));
    expect(result).toMatchObject({ base: 60, baseLabel: 'cast', required: 31, elected: ['c1'] });
  });

  it('explains the threshold and the winners in words', () => {
    const result = tallyItem(election(1, 2), electionPapers({ c1: 50, c2: 20 }), congress(73));
    expect(result.explanation.zh).toBe('应选 1 名，当选须获得全体代表 73 人的过半数（37 票）；候选人 2 名，差额 1 名（多于应选名额 100%）；当选：张伟（50 票）');
    expect(result.explanation.en).toBe('1 seat(s); a candidate needs 37 votes, more than half of all 73 representatives; 2 candidates: 1 more than the seats (100% more); elected: 张伟 (50)');
  });
});

describe('the majority rule (得票超过全体代表半数方可当选)', () => {
  // 72 representatives: half is 36, more than half is 37, whoever votes.
  it('does not elect a candidate with exactly half of all representatives, and elects one with half plus one', () => {
    const item = election(2, 3);
    const result = tallyItem(item, electionPapers({ c1: 37, c2: 36, c3: 20 }), congress(72, 70, 70));
    expect(result).toMatchObject({ base: 72, baseLabel: 'eligible', required: 37, elected: ['c1'], runoff: null, unfilledSeats: 1 });
    expect(result.candidates.map((candidate) => [candidate.id, candidate.reachedThreshold])).toEqual([
      ['c1', true],
      ['c2', false],
      ['c3', false],
    ]);
  });

  it('leaves seats empty even with candidates left, and says so in both languages', () => {
    const result = tallyItem(election(3, 5), electionPapers({ c1: 40, c2: 20, c3: 20, c4: 10 }, 2), congress(72, 72, 72));
    expect(result).toMatchObject({ elected: ['c1'], runoff: null, unfilledSeats: 2 });
    expect(result.explanation.zh).toContain('当选：张伟（40 票）');
    expect(result.explanation.zh).toContain('空缺 2 名');
    expect(result.explanation.en).toContain('2 seat(s) left empty');
  });

  it('counts against all representatives, not those present or voting', () => {
    // 37 of 40 voting is a landslide among them, but not more than half of 80.
    const result = tallyItem(election(1, 2), electionPapers({ c1: 37, c2: 3 }), congress(80, 60, 40));
    expect(result).toMatchObject({ required: 41, elected: [], unfilledSeats: 1 });
  });

  it('sends a tie at the last seat to a run-off only among those who reached the majority', () => {
    const result = tallyItem(election(2, 5), electionPapers({ c1: 50, c2: 40, c3: 40, c4: 36, c5: 36 }), congress(72));
    expect(result).toMatchObject({ elected: ['c1'], runoff: { seats: 1, candidateIds: ['c2', 'c3'] }, unfilledSeats: 0 });
    // Tied below the line: nobody to run off, the seat is empty.
    const below = tallyItem(election(2, 4), electionPapers({ c1: 50, c2: 36, c3: 36 }), congress(72));
    expect(below).toMatchObject({ elected: ['c1'], runoff: null, unfilledSeats: 1 });
  });

  it('states the 差额 of candidates over seats, or 等额', () => {
    expect(tallyItem(election(5, 6), [], congress(72)).explanation.zh).toContain('候选人 6 名，差额 1 名（多于应选名额 20%）');
    expect(tallyItem(election(3, 3), [], congress(72)).explanation.zh).toContain('等额选举');
    expect(tallyItem(election(3, 3), [], congress(72)).explanation.en).toContain('no competition');
  });
});

describe('checking an election ballot （选票）', () => {
  const item = election(2, 3);
  const withWriteIns = election(2, 3, { allowWriteIn: true });

  it('accepts an empty ballot as an abstention', () => {
    expect(validateAnswer(item, { candidateIds: [], writeIns: [] })).toEqual({ ok: true, answer: { candidateIds: [], writeIns: [] } });
    expect(validateAnswer(item, { candidateIds: [] })).toEqual({ ok: true, answer: { candidateIds: [], writeIns: [] } });
  });

  it('refuses a ballot naming more candidates than seats (多选无效)', () => {
    expect(validateAnswer(item, { candidateIds: ['c1', 'c2', 'c3'], writeIns: [] })).toEqual({ ok: false, code: 'TOO_MANY_CHOICES' });
  });

  it('counts write-ins towards the seat limit', () => {
    expect(validateAnswer(withWriteIns, { candidateIds: ['c1', 'c2'], writeIns: ['赵敏'] })).toEqual({ ok: false, code: 'TOO_MANY_CHOICES' });
    expect(validateAnswer(withWriteIns, { candidateIds: ['c1'], writeIns: ['赵敏'] }).ok).toBe(true);
  });

  it('refuses a candidate who is not on the ballot', () => {
    expect(validateAnswer(item, { candidateIds: ['c9'], writeIns: [] })).toEqual({ ok: false, code: 'UNKNOWN_OPTION' });
  });

  it('refuses the same candidate twice', () => {
    expect(validateAnswer(item, { candidateIds: ['c1', 'c1'], writeIns: [] })).toEqual({ ok: false, code: 'DUPLICATE_CHOICE' });
  });

  it('refuses write-ins when the election does not allow them', () => {
    expect(validateAnswer(item, { candidateIds: [], writeIns: ['赵敏'] })).toEqual({ ok: false, code: 'WRITE_IN_NOT_ALLOWED' });
  });

  it('trims write-in names and refuses blank or over-long ones', () => {
    expect(validateAnswer(withWriteIns, { candidateIds: [], writeIns: ['  赵敏\t'] })).toEqual({ ok: true, answer: { candidateIds: [], writeIns: ['赵敏'] } });
    expect(validateAnswer(withWriteIns, { candidateIds: [], writeIns: ['   '] })).toEqual({ ok: false, code: 'INVALID_ANSWER' });
    expect(validateAnswer(withWriteIns, { candidateIds: [], writeIns: ['赵'.repeat(40)] }).ok).toBe(true);
    expect(validateAnswer(withWriteIns, { candidateIds: [], writeIns: ['赵'.repeat(41)] })).toEqual({ ok: false, code: 'INVALID_ANSWER' });
    expect(validateAnswer(withWriteIns, { candidateIds: [], writeIns: ['赵\u0000敏'] })).toEqual({ ok: false, code: 'INVALID_ANSWER' });
  });

  it('refuses the same write-in twice on one ballot', () => {
    expect(validateAnswer(withWriteIns, { candidateIds: [], writeIns: ['赵敏', ' 赵敏'] })).toEqual({ ok: false, code: 'DUPLICATE_CHOICE' });
  });

  it('counts a write-in of a listed candidate for that candidate, and refuses it on top of a tick', () => {
    expect(validateAnswer(withWriteIns, { candidateIds: [], writeIns: [' 李娜 '] })).toEqual({ ok: true, answer: { candidateIds: ['c2'], writeIns: [] } });
    expect(validateAnswer(withWriteIns, { candidateIds: ['c2'], writeIns: ['李娜'] })).toEqual({ ok: false, code: 'DUPLICATE_CHOICE' });
  });
});

describe('appraisal (民主评议)', () => {
  const appraisal = ratingItemSchema.parse({
    kind: 'rating',
    title: '对领导班子成员的民主评议',
    subjects: [
      { id: 's1', name: '厂长 张伟' },
      { id: 's2', name: '副厂长 李娜' },
    ],
  });

  it('uses 优秀/称职/基本称职/不称职 by default', () => {
    expect(DEFAULT_RATING_GRADES.map((grade) => [grade.id, grade.label])).toEqual([
      ['excellent', '优秀'],
      ['competent', '称职'],
      ['basically_competent', '基本称职'],
      ['incompetent', '不称职'],
    ]);
    expect(appraisal.grades).toEqual(DEFAULT_RATING_GRADES);
  });

  it('tallies grades per subject and counts a subject left out as an abstention', () => {
    const answers: RatingAnswer[] = [{ s1: 'excellent', s2: 'competent' }, { s1: 'excellent' }, { s1: 'incompetent', s2: 'basically_competent' }, {}];
    const result = tallyItem(appraisal, answers, congress(10));
    expect(result.subjects).toEqual([
      { id: 's1', name: '厂长 张伟', counts: { excellent: 2, competent: 0, basically_competent: 0, incompetent: 1 }, abstain: 1 },
      { id: 's2', name: '副厂长 李娜', counts: { excellent: 0, competent: 1, basically_competent: 1, incompetent: 0 }, abstain: 2 },
    ]);
  });

  it('follows a unit’s own grades', () => {
    const custom = ratingItemSchema.parse({
      kind: 'rating',
      title: '满意度测评',
      subjects: [{ id: 's1', name: '食堂' }],
      grades: [
        { id: 'satisfied', label: '满意' },
        { id: 'dissatisfied', label: '不满意' },
      ],
    });
    expect(validateAnswer(custom, { s1: 'excellent' })).toEqual({ ok: false, code: 'UNKNOWN_OPTION' });
    expect(tallyItem(custom, [{ s1: 'satisfied' }, { s1: 'dissatisfied' }, { s1: 'satisfied' }], congress(3)).subjects[0]?.counts).toEqual({
      satisfied: 2,
      dissatisfied: 1,
    });
  });

  it('refuses an unknown subject or grade and anything that is not a grade', () => {
    expect(validateAnswer(appraisal, { s3: 'excellent' })).toEqual({ ok: false, code: 'UNKNOWN_OPTION' });
    expect(validateAnswer(appraisal, { s1: 'outstanding' })).toEqual({ ok: false, code: 'UNKNOWN_OPTION' });
    expect(validateAnswer(appraisal, { s1: 1 })).toEqual({ ok: false, code: 'INVALID_ANSWER' });
    expect(validateAnswer(appraisal, { s1: 'excellent' })).toEqual({ ok: true, answer: { s1: 'excellent' } });
  });
});

describe('choosing among options', () => {
  const single = choiceItemSchema.parse({
    kind: 'choice',
    title: '年度疗休养地点',
    options: [
      { id: 'o1', label: '黄山' },
      { id: 'o2', label: '千岛湖' },
      { id: 'o3', label: '莫干山' },
    ],
  });
  const multiple = choiceItemSchema.parse({ ...single, maxChoices: 2 });

  it('is a single choice unless the item says otherwise', () => {
    expect(single.maxChoices).toBe(1);
    expect(validateAnswer(single, { optionIds: ['o1', 'o2'] })).toEqual({ ok: false, code: 'TOO_MANY_CHOICES' });
  });

  it('refuses more choices than allowed, unknown options and the same option twice', () => {
    expect(validateAnswer(multiple, { optionIds: ['o1', 'o2', 'o3'] })).toEqual({ ok: false, code: 'TOO_MANY_CHOICES' });
    expect(validateAnswer(multiple, { optionIds: ['o4'] })).toEqual({ ok: false, code: 'UNKNOWN_OPTION' });
    expect(validateAnswer(multiple, { optionIds: ['o1', 'o1'] })).toEqual({ ok: false, code: 'DUPLICATE_CHOICE' });
  });

  it('tallies options in their printed order and counts empty answers as blank ballots', () => {
    const answers = [{ optionIds: ['o2', 'o3'] }, { optionIds: ['o2'] }, { optionIds: [] }, { optionIds: ['o3'] }];
    expect(tallyItem(multiple, answers, congress(10))).toEqual({
      kind: 'choice',
      options: [
        { id: 'o1', label: '黄山', votes: 0 },
        { id: 'o2', label: '千岛湖', votes: 2 },
        { id: 'o3', label: '莫干山', votes: 2 },
      ],
      blankBallots: 1,
    });
  });

  it('refuses a choice item allowing more choices than it has options', () => {
    expect(choiceItemSchema.safeParse({ ...single, maxChoices: 4 }).success).toBe(false);
  });
});

describe('item definitions', () => {
  it('refuses an election with two candidates under one id', () => {
    const parsed = ballotItemSchema.safeParse({
      kind: 'election',
      title: '选举',
      seats: 1,
      candidates: [
        { id: 'c1', name: '张伟' },
        { id: 'c1', name: '李娜' },
      ],
    });
    expect(parsed.success).toBe(false);
  });

  it('refuses an election with no seats or no candidates', () => {
    expect(electionItemSchema.safeParse({ kind: 'election', title: '选举', seats: 0, candidates: [{ id: 'c1', name: '张伟' }] }).success).toBe(false);
    expect(electionItemSchema.safeParse({ kind: 'election', title: '选举', seats: 1, candidates: [] }).success).toBe(false);
  });
});

describe('a ballot sheet with several items (分项表决)', () => {
  it('gives each item its own result', () => {
    const items = [motion(), motion('all_two_thirds'), election(1, 2)];
    const sheets: ItemAnswer[][] = [
      ...Array.from({ length: 40 }, (): ItemAnswer[] => ['yes', 'yes', { candidateIds: ['c1'], writeIns: [] }]),
      ...Array.from({ length: 10 }, (): ItemAnswer[] => ['no', 'yes', { candidateIds: ['c2'], writeIns: [] }]),
      ['abstain', 'no'],
    ];
    const results = tallyBallot(items, sheets, congress(73, 51));
    expect(results.map((result) => result.kind)).toEqual(['approval', 'approval', 'election']);
    expect(results[0]).toMatchObject({ counts: { yes: 40, no: 10, abstain: 1 }, passed: true });
    expect(results[1]).toMatchObject({ counts: { yes: 50, no: 1, abstain: 0 }, required: 49, passed: true });
    expect(results[2]).toMatchObject({ elected: ['c1'], blankBallots: 0 });
  });
});

describe('junk arriving as an answer', () => {
  const deep: Record<string, unknown> = {};
  let cursor = deep;
  for (let depth = 0; depth < 10_000; depth += 1) {
    const next: Record<string, unknown> = {};
    cursor.next = next;
    cursor = next;
  }
  const cyclic: Record<string, unknown> = { candidateIds: [] };
  cyclic.self = cyclic;
  const hostileGetter = Object.defineProperty({}, 'candidateIds', {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
  const hostileProxy = new Proxy(
    {},
    {
      get() {
        throw new Error('boom');
      },
      ownKeys() {
        throw new Error('boom');
      },
      getPrototypeOf() {
        throw new Error('boom');
      },
    },
  );
  const huge = 'x'.repeat(1_000_000);
  const junk: unknown[] = [
    null,
    undefined,
    0,
    Number.NaN,
    '',
    'YES',
    huge,
    true,
    [],
    ['yes'],
    [1, 2, 3],
    Symbol('vote'),
    () => 'yes',
    10n,
    new Date(0),
    new Map([['s1', 'excellent']]),
    JSON.parse('{"__proto__": {"polluted": true}, "candidateIds": [], "optionIds": []}'),
    JSON.parse('{"__proto__": "excellent"}'),
    { candidateIds: [huge] },
    { candidateIds: Array.from({ length: 100_000 }, () => 'c1') },
    { candidateIds: [], writeIns: [huge] },
    { optionIds: [deep] },
    { candidateIds: deep, writeIns: deep },
    { s1: deep },
    deep,
    cyclic,
    hostileGetter,
    hostileProxy,
  ];
  const items = [
    motion(),
    election(2, 3, { allowWriteIn: true }),
    ratingItemSchema.parse({ kind: 'rating', title: '评议', subjects: [{ id: 's1', name: '张伟' }] }),
    choiceItemSchema.parse({ kind: 'choice', title: '选择', options: [{ id: 'o1', label: '甲' }] }),
  ];

  it('refuses every piece of junk with a code and never throws', () => {
    for (const item of items) {
      for (const answer of junk) {
        const check = validateAnswer(item, answer);
        expect(check.ok, `${item.kind} accepted ${String(typeof answer)}`).toBe(false);
        if (!check.ok) expect(['INVALID_ANSWER', 'TOO_MANY_CHOICES', 'UNKNOWN_OPTION', 'DUPLICATE_CHOICE', 'WRITE_IN_NOT_ALLOWED']).toContain(check.code);
      }
    }
  });

  it('leaves Object.prototype untouched after a __proto__ answer', () => {
    for (const item of items) validateAnswer(item, JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('handles a subject literally named __proto__ as an ordinary subject', () => {
    const odd = ratingItemSchema.parse({ kind: 'rating', title: '评议', subjects: [{ id: '__proto__', name: '某人' }] });
    const check = validateAnswer(odd, JSON.parse('{"__proto__": "excellent"}'));
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const result = tallyItem(odd, [check.answer, {}], congress(2));
    expect(result.subjects[0]).toMatchObject({ counts: { excellent: 1 }, abstain: 1 });
  });

  it('accepts the legitimate empty answers: an abstention is not junk', () => {
    expect(validateAnswer(items[0]!, 'abstain').ok).toBe(true);
    expect(validateAnswer(items[2]!, {}).ok).toBe(true);
    expect(validateAnswer(items[2]!, Object.create(null)).ok).toBe(true);
    expect(validateAnswer(items[3]!, { optionIds: [] }).ok).toBe(true);
  });
});
