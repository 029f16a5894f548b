import { it } from 'vitest';
import { call, createApp, createCongress } from '../support/congress.js';
it('probe', async () => {
  const app = await createApp();
  const congress = await createCongress(app, { representatives: 3 });
  const { ballot } = await call(app, { method: 'POST', url: `/api/meetings/${congress.meetingId}/ballots`, headers: { cookie: congress.secretary }, payload: { title: '议题', items: [{ kind: 'approval', title: '议题' }] } }, 201);
  for (const extra of [{}, { headers: { 'content-type': 'application/json' } }]) {
    const r = await app.inject({ method: 'POST', url: `/api/ballots/${ballot.id}/open`, headers: { cookie: congress.secretary, ...(extra as any).headers } });
    console.log(r.statusCode, r.body);
  }
  const r2 = await app.inject({ method: 'POST', url: `/api/ballots/${ballot.id}/close`, headers: { cookie: congress.secretary } });
  console.log(r2.statusCode, r2.body);
  await app.close();
});
