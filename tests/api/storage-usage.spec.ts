// Who stores how much: officers see figures per representative, delegation and drafting department,
// biggest first, never the drafts themselves; nobody else sees them. Also the guard's table of the
// writes allowed below the reserve names routes that exist.
import { afterEach, describe, expect, it } from 'vitest';
import { ESSENTIAL_WRITES } from '../../src/storage/guard.js';
import { draft, motionHall, type MotionHall } from '../support/motions.js';
import { fileUpload } from '../support/multipart.js';
import { call } from '../support/congress.js';

let hall: MotionHall | undefined;
afterEach(async () => {
  await hall?.app.close();
  hall = undefined;
});

const KB = 1024;

describe('storage usage for officers', () => {
  it('lists each representative’s drafts and bytes, biggest first, with delegations and totals, and no draft text', async () => {
    hall = await motionHall({ representatives: 4 });
    const big = await draft(hall, 1, '职工食堂改善');
    await draft(hall, 1, '夜班补贴');
    await draft(hall, 2, '停车位');
    const pdf = fileUpload(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200 * KB, 0x20)]), '说明.pdf', 'application/pdf');
    await call(hall.app, { method: 'POST', url: `/api/motions/${big.id}/attachments`, headers: { ...hall.representative(1), ...pdf.headers }, payload: pdf.payload }, 201);

    const usage = await call(hall.app, { method: 'GET', url: '/api/storage/usage', headers: hall.secretary });
    const [first, second] = usage.members;
    expect(first).toMatchObject({ memberId: hall.congress.representatives[1]!.memberId, name: '代表2', drafts: 2, motions: 2, attachments: 1, attachmentBytes: 200 * KB + 9 });
    expect(second).toMatchObject({ memberId: hall.congress.representatives[2]!.memberId, drafts: 1, attachments: 0 });
    expect(first.bytes).toBeGreaterThan(second.bytes);
    expect(usage.totals).toMatchObject({ drafts: 3, motions: 3, attachments: 1 });
    expect(usage.totals.bytes).toBe(usage.members.reduce((sum: number, row: { bytes: number }) => sum + row.bytes, 0));
    expect(usage.groups.map((group: { kind: string }) => group.kind)).toEqual(['delegation', 'delegation']);
    expect(usage.groups[0].bytes).toBeGreaterThanOrEqual(usage.groups[1].bytes);
    expect(usage.limits).toEqual({ memberDrafts: 20, memberBytes: 20 * KB * KB, groupBytes: 200 * KB * KB, totalBytes: 2048 * KB * KB });
    expect(usage.space).toMatchObject({ refusingWrites: false, pendingScrubs: 0, freeBytes: null });
    expect(JSON.stringify(usage)).not.toContain('职工食堂改善');
  });

  it('is refused to representatives, handlers and the committee', async () => {
    hall = await motionHall({ representatives: 3 });
    expect((await hall.app.inject({ method: 'GET', url: '/api/storage/usage', headers: hall.representative(0) })).statusCode).toBe(403);
    expect((await hall.app.inject({ method: 'GET', url: '/api/storage/usage', headers: hall.handlers.财务部 })).statusCode).toBe(403);
    expect((await hall.app.inject({ method: 'GET', url: '/api/storage/usage', headers: hall.committee })).statusCode).toBe(403);
    expect((await hall.app.inject({ method: 'GET', url: '/api/storage/usage' })).statusCode).toBe(401);
  });

  it('allows below the reserve only routes that exist', async () => {
    hall = await motionHall({ representatives: 3 });
    const served = new Set<string>();
    const openapi = (await call(hall.app, { method: 'GET', url: '/api/openapi.json' })).paths as Record<string, Record<string, unknown>>;
    for (const [path, methods] of Object.entries(openapi)) for (const method of Object.keys(methods)) served.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    expect([...ESSENTIAL_WRITES].filter((key) => !served.has(key))).toEqual([]);
  });
});
