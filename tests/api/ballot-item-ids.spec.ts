// Ballot items keep their ids through edits of the draft sheet, and a document put to the vote follows
// its item by that id: moved, or with the sheet retyped around it, it is still the item counted for the
// document; dropped from the sheet, the document is withdrawn from the ballot.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../support/congress.js';
import { createDocument, type DocumentHall, documentHall, quickRound, view } from '../support/documents.js';
import { castAll, closeBallot, publishBallot } from '../support/requests.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(): Promise<DocumentHall> {
  const hall = await documentHall(9);
  app = hall.app;
  return hall;
}

/** A document after one round, put to the vote on a new ballot: its vote link and the ballot. */
async function documentOnBallot(h: DocumentHall) {
  const created = await createDocument(h, { rounds: 1 });
  await quickRound(h, created.id);
  const document = (await call(h.app, { method: 'POST', url: `/api/documents/${created.id}/ballot`, headers: h.secretary, payload: {} })).document;
  return { documentId: created.id, vote: document.votes[0], ballotId: document.votes[0].ballotId as string };
}

function editItems(h: DocumentHall, ballotId: string, items: object[]) {
  return call(h.app, { method: 'PATCH', url: `/api/ballots/${ballotId}`, headers: h.secretary, payload: { items } }).then((body) => body.ballot);
}

const OTHER_ITEM = {
  kind: 'choice',
  title: '职工食堂改造方案',
  options: [
    { id: 'a', label: '方案一' },
    { id: 'b', label: '方案二' },
  ],
};

describe('ballot item ids', () => {
  it('gives every item an id, and the document its item by that id', async () => {
    const h = await start();
    const { ballotId, vote } = await documentOnBallot(h);
    const ballot = (await call(h.app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: h.secretary })).ballot;
    expect(ballot.items[0].id).toEqual(expect.any(String));
    expect(vote).toMatchObject({ itemId: ballot.items[0].id, itemIndex: 0 });
  });

  it('counts the moved item for the document when the secretary puts another item before it, ids sent back', async () => {
    const h = await start();
    const { documentId, ballotId } = await documentOnBallot(h);
    const [item] = (await call(h.app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: h.secretary })).ballot.items;
    // The document's item renamed too: the id, not the title, says which item it is.
    const edited = await editItems(h, ballotId, [OTHER_ITEM, { ...item, title: '关于《工资分配方案》(修改稿)的表决' }]);
    expect(edited.items.map((entry: any) => entry.id)).toEqual([expect.any(String), item.id]);
    let document = await view(h, h.secretary, documentId);
    expect(document).toMatchObject({ state: 'voting', votes: [{ itemId: item.id, itemIndex: 1, itemTitle: '关于《工资分配方案》(修改稿)的表决' }] });

    await call(h.app, { method: 'POST', url: `/api/ballots/${ballotId}/open`, headers: h.secretary, payload: {} });
    // Seven of nine say yes to the document, and all choose the first plan.
    await castAll(
      h.congress,
      ballotId,
      Array.from({ length: 9 }, (_, index) => [{ optionIds: ['a'] }, index < 7 ? 'yes' : 'no']),
    );
    await closeBallot(h.congress, ballotId);
    await publishBallot(h.congress, ballotId);
    document = await view(h, h.secretary, documentId);
    expect(document).toMatchObject({ state: 'approved', outcome: 'approved', votes: [{ itemIndex: 1, outcome: 'approved' }] });
    // A re-vote is a new sheet: its items share no id with the first.
    const revote = (await call(h.app, { method: 'POST', url: `/api/ballots/${ballotId}/revote`, headers: h.secretary }, 201)).ballot;
    expect(revote.items.map((entry: any) => entry.title)).toEqual(edited.items.map((entry: any) => entry.title));
    expect(revote.items.map((entry: any) => entry.id)).not.toContain(item.id);
  });

  it('keeps the link when the sheet is retyped without ids, the document item unchanged', async () => {
    const h = await start();
    const { documentId, ballotId } = await documentOnBallot(h);
    const [item] = (await call(h.app, { method: 'GET', url: `/api/ballots/${ballotId}`, headers: h.secretary })).ballot.items;
    const { id: _id, ...withoutId } = item;
    const edited = await editItems(h, ballotId, [OTHER_ITEM, withoutId]);
    expect(edited.items[1].id).toBe(item.id);
    expect((await view(h, h.secretary, documentId)).votes).toMatchObject([{ itemId: item.id, itemIndex: 1 }]);
  });

  it('withdraws the document from the ballot when its item is dropped from the draft', async () => {
    const h = await start();
    const { documentId, ballotId } = await documentOnBallot(h);
    await editItems(h, ballotId, [OTHER_ITEM]);
    const document = await view(h, h.secretary, documentId);
    expect(document).toMatchObject({ state: 'final', votes: [] });
    expect(document.history.at(-1)).toMatchObject({ event: 'ballotWithdrawn', from: 'voting', to: 'final' });
  });
});
