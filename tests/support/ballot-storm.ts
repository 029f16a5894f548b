// The reliability suite's vote storm: a congress imported through the real API (members known by
// id, so secrecy attacks can be scored), sockets connected by code, and a storm that records, per
// voter, the choice, the device's receipt and where the vote fell in send and acknowledgement order.
import type { Socket } from 'socket.io-client';
import { type BenchCongress, createBallot, openBallot } from '../bench/yishi-congress.js';
import { SECRETARY_PASSWORD } from './congress.js';
import { seededRandom } from './seeded-random.js';

export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export interface StormCongress extends BenchCongress {
  termId: string;
  /** Representatives in roster order; `codes[i]` belongs to `memberIds[i]`. */
  memberIds: string[];
}

export interface CastRecord {
  voter: number;
  choice: Choice;
  receipt: string;
  /** The write-in that makes this voter's paper unique (tagged ballots only), else null. */
  tag?: string | null;
  /** Position in the order the votes were sent, 0-based. */
  sent: number;
  /** Position in the order acknowledgements arrived, or null if none did. */
  acknowledged: number | null;
  /** The refusal's code, 'NO_ANSWER' if the socket dropped first, or null if acknowledged. */
  refused: string | null;
}

async function expectStatus(response: Response, expected: number): Promise<any> {
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${response.url} → ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : {};
}

function post(url: string, cookie: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
}

/** N representatives by roster import, each with a code, and a meeting in session. */
export async function createStormCongress(url: string, voters: number): Promise<StormCongress> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'secretary', password: SECRETARY_PASSWORD }),
  });
  await expectStatus(login, 200);
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const { term } = await expectStatus(await post(`${url}/api/terms`, cookie, { number: 1 }), 201);
  const csv = ['姓名,工号,身份', ...Array.from({ length: voters }, (_, index) => `代表${index + 1},R${String(index + 1).padStart(6, '0')},代表`)].join('\n');
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv');
  await expectStatus(await fetch(`${url}/api/terms/${term.id}/members/import`, { method: 'POST', headers: { cookie }, body: form }), 200);
  const { codes } = await expectStatus(await post(`${url}/api/terms/${term.id}/codes`, cookie, { scope: 'missing' }), 201);
  const { meeting } = await expectStatus(await post(`${url}/api/meetings`, cookie, { termId: term.id, title: '第一届第一次职工代表大会' }), 201);
  await expectStatus(await post(`${url}/api/meetings/${meeting.id}/open`, cookie, {}), 200);
  const issued = codes as { code: string; memberId: string }[];
  return { url, cookie, termId: term.id, meetingId: meeting.id, codes: issued.map((entry) => entry.code), memberIds: issued.map((entry) => entry.memberId) };
}

/** Creates and opens an approval ballot (quorum overridden: voting checks people in). */
export async function openStormBallot(congress: StormCongress, title = '关于《集体合同(草案)》的决议'): Promise<string> {
  const ballotId = await createBallot(congress, title);
  await openBallot(congress, ballotId);
  return ballotId;
}

/**
 * The paper the secrecy tests vote on: an election whose three candidates stand for CHOICES, with a
 * write-in each voter fills with a tag of their own. A receipt no longer sits on the paper, so the
 * tag is how a test knows whose paper a stored row is; the candidate keeps the choice to guess at.
 */
export async function openTaggedBallot(congress: StormCongress, title = '职工代表大会主席团成员选举'): Promise<string> {
  const candidates = CHOICES.map((id, index) => ({ id, name: `候选人${index + 1}` }));
  const response = await post(`${congress.url}/api/meetings/${congress.meetingId}/ballots`, congress.cookie, { title, items: [{ kind: 'election', title, seats: 2, candidates, allowWriteIn: true }] });
  const { ballot } = await expectStatus(response, 201);
  await openBallot(congress, ballot.id);
  return ballot.id as string;
}

/**
 * One write-in tag per voter: 16 hex characters, unique, and drawn at random (a tag that followed
 * the voter's index would make the papers' sort order follow the send order, a false alarm).
 */
export function paperTags(count: number, seed: string): string[] {
  const random = seededRandom(`${seed}:tags`);
  const tags = new Set<string>();
  while (tags.size < count) tags.add(random(8).toString('hex'));
  return [...tags];
}

/** A tagged ballot's answer: the candidate standing for the choice, and the voter's own write-in. */
export function taggedAnswer(choice: Choice, tag: string): { candidateIds: string[]; writeIns: string[] } {
  return { candidateIds: [choice], writeIns: [tag] };
}

/** The stored answers of a tagged paper hold its tag this way (and the published tally does not). */
export function tagInPaper(tag: string): string {
  return `"writeIns":["${tag}"]`;
}

/** One choice per voter, a third each in expectation, the same every run. */
export function seededChoices(count: number, seed: string): Choice[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => CHOICES[random(4).readUInt32LE(0) % CHOICES.length]!);
}

/** 128 random bits, as a voter's device makes its receipt. */
export function deviceReceipt(): string {
  return crypto.getRandomValues(new Uint8Array(16)).reduce((text, byte) => text + byte.toString(16).padStart(2, '0'), '');
}

export interface CastStormOptions {
  choices: Choice[];
  /** Called after each acknowledgement, with how many there have been (for a crash or a copy mid-storm). */
  onAcknowledged?: (count: number, record: CastRecord) => void;
  /** Given, voters cast for this ballot at once instead of waiting for "ballot opened". */
  ballotId?: string;
  /** Given, the ballot is a tagged one (openTaggedBallot) and each voter writes in their own tag. */
  tags?: string[];
  /** Given, each voter re-sends this receipt (a retry) instead of making a new one. */
  receipts?: string[];
  /**
   * Given, at most this many votes are on their way at once and the rest wait for answers: a storm
   * that is still going, whatever the machine's speed, when something happens at the Nth answer.
   */
  inFlight?: number;
  limitMs?: number;
}

/**
 * Arms every socket to vote the moment it sees "ballot opened" (or at once, for a ballot already
 * open), then calls `open`; resolves when every vote is acknowledged, refused or its socket dropped.
 */
export async function castStorm(sockets: Socket[], open: () => Promise<unknown>, options: CastStormOptions): Promise<CastRecord[]> {
  const records: CastRecord[] = [];
  let sent = 0;
  let acknowledged = 0;
  let settled = 0;
  let onTheirWay = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    while (onTheirWay < (options.inFlight ?? Number.POSITIVE_INFINITY) && waiting.length) waiting.shift()!();
  };
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`storm: ${settled} of ${sockets.length} votes settled in ${options.limitMs ?? 60_000} ms`)), options.limitMs ?? 60_000);
    sockets.forEach((socket, voter) => {
      const tag = options.tags?.[voter] ?? null;
      const record: CastRecord = { voter, choice: options.choices[voter]!, receipt: options.receipts?.[voter] ?? deviceReceipt(), tag, sent: -1, acknowledged: null, refused: null };
      const answers = [tag === null ? record.choice : taggedAnswer(record.choice, tag)];
      records.push(record);
      let answered = false;
      const settle = () => {
        if (answered) return;
        answered = true;
        socket.off('disconnect', dropped);
        if (record.sent >= 0) onTheirWay -= 1;
        if (++settled === sockets.length) resolve();
        release();
      };
      const dropped = () => {
        record.refused ??= 'NO_ANSWER';
        settle();
      };
      const send = (ballotId: string) => {
        if (answered) return;
        onTheirWay += 1;
        record.sent = sent++;
        socket.emit('ballot:cast', { ballotId, answers, receipt: record.receipt }, (response: { data?: unknown; error?: { code: string } }) => {
          if (answered) return;
          if (response?.data) {
            record.acknowledged = acknowledged++;
            options.onAcknowledged?.(acknowledged, record);
          } else record.refused = response?.error?.code ?? 'NO_ANSWER';
          settle();
        });
      };
      const cast = (ballotId: string) => {
        waiting.push(() => send(ballotId));
        release();
      };
      socket.once('disconnect', dropped);
      if (options.ballotId) cast(options.ballotId);
      else socket.once('ballot:opened', ({ ballot }: { ballot: { id: string } }) => cast(ballot.id));
    });
  });
  done.catch(() => {});
  try {
    await open();
    await done;
  } finally {
    clearTimeout(timer);
  }
  return records;
}

/** Spearman's rank correlation of two equally long lists of numbers (ties take their average rank). */
export function spearman(xs: number[], ys: number[]): number {
  const rank = (values: number[]) => {
    const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
    const ranks = new Array<number>(values.length);
    for (let start = 0; start < order.length; ) {
      let end = start;
      while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
      for (let position = start; position <= end; position++) ranks[order[position]!.index] = (start + end) / 2;
      start = end + 1;
    }
    return ranks;
  };
  const rx = rank(xs);
  const ry = rank(ys);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const mx = mean(rx);
  const my = mean(ry);
  let covariance = 0;
  let vx = 0;
  let vy = 0;
  for (let index = 0; index < rx.length; index++) {
    covariance += (rx[index]! - mx) * (ry[index]! - my);
    vx += (rx[index]! - mx) ** 2;
    vy += (ry[index]! - my) ** 2;
  }
  return vx === 0 || vy === 0 ? 0 : covariance / Math.sqrt(vx * vy);
}
