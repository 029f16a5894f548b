// Sets up a congress of N representatives on a running Yishi server through its real HTTP API.
import { SECRETARY_PASSWORD } from '../support/congress.js';

export interface BenchCongress {
  url: string;
  cookie: string;
  meetingId: string;
  codes: string[];
  /** The member each code belongs to, in the same order. */
  memberIds: string[];
}

async function json<T = any>(url: string, init: RequestInit & { expect?: number } = {}): Promise<{ body: T; response: Response }> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (response.status !== (init.expect ?? 200)) throw new Error(`${init.method ?? 'GET'} ${url} → ${response.status}: ${text.slice(0, 300)}`);
  return { body: (text ? JSON.parse(text) : {}) as T, response };
}

function post(url: string, cookie: string, body: unknown, expect = 200) {
  return json(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body), expect });
}

export async function createBenchCongress(url: string, voters: number): Promise<BenchCongress> {
  const { response } = await json(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'secretary', password: SECRETARY_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  const { body: termBody } = await post(`${url}/api/terms`, cookie, { number: 1 }, 201);
  const termId = termBody.term.id as string;
  const csv = ['姓名,工号,身份', ...Array.from({ length: voters }, (_, index) => `代表${index + 1},B${String(index + 1).padStart(6, '0')},代表`)].join('\n');
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv');
  await json(`${url}/api/terms/${termId}/members/import`, { method: 'POST', headers: { cookie }, body: form });
  const { body: codeBody } = await post(`${url}/api/terms/${termId}/codes`, cookie, { scope: 'missing' }, 201);
  const { body: meetingBody } = await post(`${url}/api/meetings`, cookie, { termId, title: '第一届第一次职工代表大会' }, 201);
  const meetingId = meetingBody.meeting.id as string;
  await post(`${url}/api/meetings/${meetingId}/open`, cookie, {});
  const issued = codeBody.codes as { code: string; memberId: string }[];
  return { url, cookie, meetingId, codes: issued.map((entry) => entry.code), memberIds: issued.map((entry) => entry.memberId) };
}

export async function createBallot(congress: BenchCongress, title: string): Promise<string> {
  const { body } = await post(`${congress.url}/api/meetings/${congress.meetingId}/ballots`, congress.cookie, { title, items: [{ kind: 'approval', title }] }, 201);
  return body.ballot.id as string;
}

export async function openBallot(congress: BenchCongress, ballotId: string): Promise<void> {
  // Nobody has checked in (voting is not checking in), so the quorum check is overridden and audited.
  await post(`${congress.url}/api/ballots/${ballotId}/open`, congress.cookie, { overrideQuorum: true, reason: 'benchmark' });
}

/** Closes and publishes; returns the tally and the published receipts. */
export async function closeAndCount(congress: BenchCongress, ballotId: string): Promise<{ tally: number; receipts: string[] }> {
  await post(`${congress.url}/api/ballots/${ballotId}/close`, congress.cookie, {});
  const { body } = await post(`${congress.url}/api/ballots/${ballotId}/publish`, congress.cookie, {});
  const counts = body.ballot.result.items[0].counts as { yes: number; no: number; abstain: number };
  const { body: receiptBody } = await json(`${congress.url}/api/ballots/${ballotId}/receipts`);
  return { tally: counts.yes + counts.no + counts.abstain, receipts: receiptBody.receipts as string[] };
}

/** Session tokens for the HTTP storm: each representative joins once with their code. */
export async function joinAll(url: string, codes: string[], concurrency = 50): Promise<string[]> {
  const tokens: string[] = new Array(codes.length);
  let next = 0;
  const worker = async () => {
    while (next < codes.length) {
      const index = next++;
      const { body } = await json(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: codes[index], issueToken: true }) });
      tokens[index] = body.token as string;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return tokens;
}
