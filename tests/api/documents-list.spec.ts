// The documents a drafting department works on, across sessions (GET /api/documents): its handlers
// see their department's, the secretariat all, a representative only what has been issued.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../support/congress.js';
import { act, createDocument, documentHall, inDays } from '../support/documents.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('documents across sessions', () => {
  it('shows a handler their own department’s documents and a representative only the issued ones', async () => {
    const h = await documentHall(3);
    app = h.app;
    const pay = await createDocument(h);
    await createDocument(h, { title: '财务报销办法', kind: 'rules', draftingDepartmentId: undefined, draftingDepartmentName: '财务科' });
    await act(h, h.secretary, pay.id, 'issue', { deadline: inDays(h, 7) });
    const titles = async (who: Record<string, string>) => (await call(h.app, { url: '/api/documents', headers: who })).documents.map((document: any) => document.title);
    expect(await titles(h.secretary)).toEqual(['工资分配方案', '财务报销办法']);
    expect(await titles(h.drafter)).toEqual(['工资分配方案']);
    expect(await titles(h.otherHandler)).toEqual([]);
    expect(await titles(h.representative(1))).toEqual(['工资分配方案']);
    expect((await call(h.app, { url: '/api/documents?state=drafting', headers: h.secretary })).documents.map((document: any) => document.title)).toEqual(['财务报销办法']);
  });
});
