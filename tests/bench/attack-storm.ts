// Scenario (a), attack during a storm (issue 9): 1,000 voters vote while an insider keeps sending
// the worst .docx and asking for the worst draft preview the limits allow. The honest p99 of the
// attacked storm is compared with a quiet storm's on the same server in the same run; it must stay
// within twice the quiet figure.
import { startServer } from '../support/server-process.js';
import { makeHeavyDocx, rewrittenClauses } from '../support/heavy-files.js';
import { closeAll, connectAll, runStorm, type StormResult } from './harness.js';
import { type BenchCongress, closeAndCount, createBallot, createBenchCongress, openBallot } from './yishi-congress.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Attackers sending at once: each loops until the storm is over. */
const DOCX_ATTACKERS = 2;
const PREVIEW_ATTACKERS = 2;

export interface AttackStormResult {
  voters: number;
  quietP99: number;
  attackedP99: number;
  ratio: number;
  quiet: StormResult;
  attacked: StormResult;
  /** What the attacker's requests got back, by status and code. */
  attackAnswers: Record<string, number>;
}

async function send(congress: BenchCongress, path: string, init: RequestInit & { expect?: number } = {}): Promise<any> {
  const response = await fetch(`${congress.url}${path}`, {
    ...init,
    headers: { cookie: congress.cookie, ...(init.body && typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}), ...init.headers },
  });
  const text = await response.text();
  if (response.status !== (init.expect ?? 200)) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : {};
}

/**
 * A document whose draft rewrites every clause of the issued version end to end, as long as a
 * JSON body may carry (256 kB: 13 clauses of 6,000 Chinese characters): the preview's worst case,
 * past the character-diff budget (ten such clauses).
 */
async function worstPreviewDocument(congress: BenchCongress): Promise<string> {
  const { before, after } = rewrittenClauses(13, 6_000);
  const { document } = await send(congress, `/api/meetings/${congress.meetingId}/documents`, {
    method: 'POST',
    body: JSON.stringify({ title: '长条款方案', kind: 'other', rounds: 1, draftingDepartmentName: '人力资源部', text: before }),
    expect: 201,
  });
  const id = document.id as string;
  await send(congress, `/api/documents/${id}/issue`, { method: 'POST', body: JSON.stringify({ deadline: new Date(Date.now() + 86_400_000).toISOString() }) });
  for (const move of ['end-collection', 'end-consolidation', 'close-round']) await send(congress, `/api/documents/${id}/${move}`, { method: 'POST' });
  await send(congress, `/api/documents/${id}/draft`, { method: 'PUT', body: JSON.stringify({ text: after }) });
  return id;
}

/** Each attacker sends one request after another until stopped, counting what came back. */
function attack(congress: BenchCongress, documentId: string, docx: Buffer, answers: Record<string, number>): { stop: () => Promise<void> } {
  let stopped = false;
  const record = async (response: Response) => {
    const body = (await response.json().catch(() => ({}))) as { code?: string };
    const key = `${response.status} ${body.code ?? ''}`.trim();
    answers[key] = (answers[key] ?? 0) + 1;
  };
  const uploadLoop = async () => {
    while (!stopped) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(docx)], { type: DOCX_TYPE }), '大文件.docx');
      await record(await fetch(`${congress.url}/api/documents/${documentId}/draft/docx`, { method: 'POST', headers: { cookie: congress.cookie }, body: form }));
    }
  };
  const previewLoop = async () => {
    while (!stopped) await record(await fetch(`${congress.url}/api/documents/${documentId}/draft/preview`, { headers: { cookie: congress.cookie } }));
  };
  const loops = [...Array.from({ length: DOCX_ATTACKERS }, uploadLoop), ...Array.from({ length: PREVIEW_ATTACKERS }, previewLoop)];
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

export async function attackStorm(databasePath: string, voters = 1_000): Promise<AttackStormResult> {
  const server = await startServer(databasePath, { RATE_LIMIT_PER_MINUTE: '0', CODE_ATTEMPT_LIMIT: '10000', LOG_LEVEL: 'warn' }, 60_000);
  try {
    const congress = await createBenchCongress(server.url, voters);
    const documentId = await worstPreviewDocument(congress);
    // ~10 MB of document.xml in tiny paragraphs: just under the per-entry limit, the slowest for mammoth.
    const docx = await makeHeavyDocx(10_000_000);
    const sockets = await connectAll(
      server.url,
      congress.codes.map((code) => ({ code })),
    );
    const quietBallot = await createBallot(congress, '关于《集体合同(草案)》的决议');
    const quiet = await runStorm(sockets, () => openBallot(congress, quietBallot));
    await closeAndCount(congress, quietBallot);
    closeAll(sockets);

    const attackAnswers: Record<string, number> = {};
    const attacker = attack(congress, documentId, docx, attackAnswers);
    // Let the attack reach the worker before the ballot opens.
    while (Object.keys(attackAnswers).length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    const attackedSockets = await connectAll(
      server.url,
      congress.codes.map((code) => ({ code })),
    );
    const attackedBallot = await createBallot(congress, '关于《职工代表大会议事规则》的决议');
    const attacked = await runStorm(attackedSockets, () => openBallot(congress, attackedBallot));
    await attacker.stop();
    await closeAndCount(congress, attackedBallot);
    closeAll(attackedSockets);
    return { voters, quietP99: quiet.ackP99, attackedP99: attacked.ackP99, ratio: quiet.ackP99 > 0 ? attacked.ackP99 / quiet.ackP99 : 0, quiet, attacked, attackAnswers };
  } finally {
    await server.stop('SIGTERM');
  }
}
