// Scenario `archive` of `npm run bench` (BENCH_SCENARIOS=archive): the session archive of a term of
// 10,000 representatives (BENCH_ARCHIVE_MEMBERS), with a few published ballots, downloaded whole from
// a production server. Target (issue 13): the download raises the server's RSS by at most 100 MB.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../support/server-process.js';
import { SECRETARY_PASSWORD } from '../support/congress.js';

const MEMBERS = Number(process.env.BENCH_ARCHIVE_MEMBERS ?? 10_000);

/**
 * How the server stands when the archive is asked for: 'restarted' just after a restart (no worker
 * running, nothing cached: the worst case); 'idle' a while after the set-up (both workers gone after
 * their idle time, as when the secretary comes back after the session: a 65 s wait); 'cold' right
 * after the set-up (the heavy-work worker that read the roster still running, no PDF worker yet);
 * 'warm' with the PDF worker running too.
 */
export type ServerState = 'restarted' | 'idle' | 'cold' | 'warm';

/** The heavy-work pool's idle time (HEAVY_WORK_DEFAULTS, the longer of the two) and a margin. */
const WORKERS_GONE_MS = 65_000;

export interface ArchiveBenchResult {
  members: number;
  ballots: number;
  zip_kb: number;
  seconds: number;
  rss_before_mb: number;
  rss_peak_mb: number;
  rss_increase_mb: number;
  within_100_mb: boolean;
  entry: 'sources' | 'compiled';
  server: ServerState;
}

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

async function request(url: string, cookie: string, method: string, body?: unknown, expect = 200): Promise<any> {
  const init: RequestInit = { method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(url, init);
  const text = await response.text();
  if (response.status !== expect) throw new Error(`${method} ${url} → ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : {};
}

async function signIn(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'secretary', password: SECRETARY_PASSWORD }),
  });
  return login.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** A term of MEMBERS in 20 delegations, one session with its sitting open, three published ballots (one an election) and one closed unpublished. */
async function seed(url: string): Promise<{ cookie: string; sessionId: string; ballots: number }> {
  const cookie = await signIn(url);
  const { term } = await request(`${url}/api/terms`, cookie, 'POST', { number: 1 }, 201);
  for (let index = 1; index <= 20; index++) await request(`${url}/api/terms/${term.id}/delegations`, cookie, 'POST', { name: `第${index}代表团` }, 201);
  const csv = ['姓名,工号,身份,代表团', ...Array.from({ length: MEMBERS }, (_, index) => `代表${index + 1},B${String(index + 1).padStart(6, '0')},代表,第${(index % 20) + 1}代表团`)].join('\n');
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv');
  const imported = await fetch(`${url}/api/terms/${term.id}/members/import`, { method: 'POST', headers: { cookie }, body: form });
  if (!imported.ok) throw new Error(`roster import → ${imported.status}: ${(await imported.text()).slice(0, 300)}`);
  const { meeting } = await request(`${url}/api/meetings`, cookie, 'POST', { termId: term.id, title: '第一届第一次职工代表大会', sessionNumber: 1 }, 201);
  await request(`${url}/api/meetings/${meeting.id}/open`, cookie, 'POST', {});
  const { attendance } = await request(`${url}/api/meetings/${meeting.id}/attendance`, cookie, 'GET');
  for (const person of attendance.slice(0, 200)) await request(`${url}/api/meetings/${meeting.id}/attendance/${person.memberId}`, cookie, 'PUT', { status: 'present' });
  const sheets = [
    { title: '关于《集体合同(草案)》的决议', items: [{ kind: 'approval', title: '关于《集体合同(草案)》的决议' }] },
    { title: '关于《工资分配方案》的决议', items: [{ kind: 'approval', title: '关于《工资分配方案》的决议' }] },
    { title: '选举工会委员', items: [{ kind: 'election', title: '选举工会委员', seats: 2, candidates: ['甲', '乙', '丙'].map((name, index) => ({ id: `c${index}`, name })) }] },
    { title: '关于福利方案的决议', items: [{ kind: 'approval', title: '关于福利方案的决议' }] },
  ];
  for (const [index, sheet] of sheets.entries()) {
    const { ballot } = await request(`${url}/api/meetings/${meeting.id}/ballots`, cookie, 'POST', sheet, 201);
    await request(`${url}/api/ballots/${ballot.id}/open`, cookie, 'POST', { overrideQuorum: true, reason: 'benchmark' });
    await request(`${url}/api/ballots/${ballot.id}/close`, cookie, 'POST', {});
    if (index < sheets.length - 1) await request(`${url}/api/ballots/${ballot.id}/publish`, cookie, 'POST', {});
  }
  const { meeting: detail } = await request(`${url}/api/meetings/${meeting.id}`, cookie, 'GET');
  return { cookie, sessionId: detail.sessionId as string, ballots: sheets.length };
}

/** BENCH_ARCHIVE_TRACE=1 also prints the server's RSS over the download, every 25 ms (ms:MB above the start). */
export async function archiveBench(directory: string, state: ServerState): Promise<ArchiveBenchResult> {
  // The server as production runs it (`npm start`: the compiled dist/, no tsx loader in it or in its
  // workers), built first if the sources changed; BENCH_ARCHIVE_ENTRY=sources measures it under tsx.
  const entry = process.env.BENCH_ARCHIVE_ENTRY === 'sources' ? 'sources' : 'compiled';
  if (entry === 'compiled') {
    // @ts-expect-error: a plain .mjs script, without types
    const stamp = (await import('../../scripts/build-stamp.mjs')) as { builtFingerprint(): string | undefined; sourceFingerprint(): string };
    if (stamp.builtFingerprint() !== stamp.sourceFingerprint()) {
      const built = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 2, 2], shell: true });
      if (built.status !== 0) throw new Error('the build failed');
    }
  }
  const database = join(directory, `archive-${state}.sqlite`);
  let server = await startServer(database, {}, 60_000, entry);
  try {
    const { sessionId, ballots, ...seeded } = await seed(server.url);
    let { cookie } = seeded;
    if (state === 'idle') await new Promise((resolve) => setTimeout(resolve, WORKERS_GONE_MS));
    if (state === 'restarted') {
      await server.stop('SIGTERM');
      server = await startServer(database, {}, 60_000, entry);
      cookie = await signIn(server.url);
    }
    const pid = server.child.pid!;
    if (state === 'warm') {
      const { meetings } = await request(`${server.url}/api/meetings`, cookie, 'GET');
      const { ballots: listed } = await request(`${server.url}/api/meetings/${meetings[0].id}/ballots`, cookie, 'GET');
      const published = listed.find((ballot: { state: string }) => ballot.state === 'published');
      await (await fetch(`${server.url}/api/ballots/${published.id}/notice.pdf`)).arrayBuffer();
    }
    const before = status(pid, 'VmRSS');
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // not Linux, or not allowed: the peak then includes the set-up (an over-estimate)
    }
    const started = performance.now();
    const samples: string[] = [];
    const sampler = process.env.BENCH_ARCHIVE_TRACE ? setInterval(() => samples.push(`${Math.round(performance.now() - started)}:${Math.round(status(pid, 'VmRSS') - before)}`), 25) : undefined;
    const response = await fetch(`${server.url}/api/sessions/${sessionId}/archive`, { headers: { cookie } });
    if (!response.ok || !response.body) throw new Error(`archive → ${response.status}: ${(await response.text()).slice(0, 300)}`);
    let bytes = 0;
    let peak = status(pid, 'VmHWM');
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      bytes += read.value.length;
      peak = Math.max(peak, status(pid, 'VmHWM'));
    }
    const seconds = (performance.now() - started) / 1000;
    if (sampler) {
      clearInterval(sampler);
      console.log(`archive, ${state}: ${samples.join(' ')}`);
    }
    peak = Math.max(peak, status(pid, 'VmHWM'));
    const increase = peak - before;
    return {
      members: MEMBERS,
      ballots,
      zip_kb: Math.round(bytes / 1024),
      seconds: Math.round(seconds * 10) / 10,
      rss_before_mb: Math.round(before),
      rss_peak_mb: Math.round(peak),
      rss_increase_mb: Math.round(increase),
      within_100_mb: increase <= 100,
      entry,
      server: state,
    };
  } finally {
    await server.stop('SIGTERM');
  }
}
