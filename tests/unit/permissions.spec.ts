// The permission table walked row by row: what each kind of asker is told for each permission, and
// that the routes and socket commands naming a permission agree with the independent table in
// tests/support/permissions.ts (the authorization matrix's oracle).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PERMISSIONS, type Permission, type Rule, refusalFor } from '../../src/access/permissions.js';
import { RightsLedger } from '../../src/access/rights-ledger.js';
import type { Actor } from '../../src/actors.js';
import { openDatabase } from '../../src/db/connection.js';
import { commandPermissions } from '../../src/plugins/realtime.js';
import { createApp } from '../support/congress.js';
import type { Role } from '../support/hall-world.js';
import { ROLES } from '../support/hall-world.js';
import { routePermissions, socketPermissions } from '../support/permissions.js';

/** Every route's declared permission, recorded as buildApp adds it. */
const declared = new Map<string, string | undefined>();
vi.mock('fastify', async (original) => {
  const module = (await original()) as { default: (...options: unknown[]) => any };
  const factory = (...options: unknown[]) => {
    const app = module.default(...options);
    app.addHook('onRoute', (route: { method: string | string[]; url: string; config?: { permission?: string } }) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') declared.set(`${method} ${route.url}`, route.config?.permission);
    });
    return app;
  };
  return { ...module, default: Object.assign(factory, module.default) };
});

function actorFor(role: Role): Actor {
  if (role === 'anonymous') return { kind: 'anonymous' };
  if (role === 'display') return { kind: 'display', meetingId: 'm' };
  if (role === 'representative' || role === 'attendee') return { kind: 'member', memberId: 'p', termId: 't', name: '代表', role, delegationId: null };
  return { kind: 'account', id: 'a', username: role, displayName: role, role };
}

/**
 * Routes whose every rule is about one thing (a motion's parties, a document's drafters, a sitting's
 * presiding chair): they ask the table through askerOf. Opening and publishing a ballot are the
 * secretary's unless the ballot's meeting puts them under two-person control (双人确认), when a
 * scrutineer confirms too: the table lets both officers call, the ballots service decides.
 */
const RESOURCE_CHECKED = [
  /^\w+ \/api\/motions(\/|$)/,
  /^\w+ \/api\/documents(\/|$)/,
  /^\w+ \/api\/meetings\/:id\/(motions|documents|script|script\/docx|current-item)$/,
  /^POST \/api\/ballots\/:id\/(open|publish)$/,
];

describe('the permission table', () => {
  for (const [permission, rule] of Object.entries(PERMISSIONS) as [Permission, Rule][]) {
    it(`answers every kind of asker for ${permission}`, () => {
      for (const role of ROLES) {
        const answer = refusalFor(actorFor(role), permission);
        const holders: readonly string[] = [...(rule.accounts ?? []), ...(rule.members ?? []), ...(rule.display ? ['display'] : [])];
        if (rule.everyone || holders.includes(role)) expect({ role, answer }).toEqual({ role, answer: null });
        else if (role === 'anonymous') expect({ role, answer }).toEqual({ role, answer: 'UNAUTHENTICATED' });
        else if (role === 'attendee' && rule.memberRefusal) expect({ role, answer }).toEqual({ role, answer: rule.memberRefusal });
        else expect({ role, answer }).toEqual({ role, answer: 'FORBIDDEN' });
      }
    });
  }
});

describe('routes and socket commands', () => {
  let close: () => Promise<void>;
  beforeAll(async () => {
    const app = await createApp();
    await app.ready();
    close = () => app.close();
  });
  afterAll(() => close());

  it('declare a permission on every API route, except those whose rules are all about one motion or document', () => {
    const undeclared = [...declared].filter(([key, permission]) => key.includes(' /api/') && !permission && !RESOURCE_CHECKED.some((pattern) => pattern.test(key)));
    expect(undeclared.map(([key]) => key).filter((key) => !key.includes('/api/docs') && key !== 'GET /api/openapi.json')).toEqual([]);
  });

  it('let in at least every role the independent table allows, and refuse whom it refuses unless the service decides by the target', () => {
    const disagreements: string[] = [];
    for (const [key, permission] of declared) {
      const expected = routePermissions[key];
      if (!permission || !expected) continue;
      // A route whose rules are about one motion or document declares only who may take part at all: the service refuses the rest by the target.
      const byTarget = RESOURCE_CHECKED.some((pattern) => pattern.test(key));
      for (const role of ROLES) {
        const allowedByTable = refusalFor(actorFor(role), permission as Permission) === null;
        const allowedByOracle = expected.allowed === 'everyone' || expected.allowed.includes(role);
        if (allowedByTable !== allowedByOracle && !(byTarget && allowedByTable)) disagreements.push(`${key} ${role}: table ${allowedByTable ? 'allows' : 'refuses'}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('name for each socket command a permission that lets in exactly the roles the independent table allows', () => {
    expect(Object.keys(commandPermissions).sort()).toEqual(Object.keys(socketPermissions).sort());
    for (const [name, permission] of Object.entries(commandPermissions)) {
      const expected = socketPermissions[name]!;
      const allowed = ROLES.filter((role) => role !== 'anonymous' && refusalFor(actorFor(role), permission) === null);
      expect({ name, allowed }).toEqual({ name, allowed: ROLES.filter((role) => expected.allowed === 'everyone' || expected.allowed.includes(role)) });
    }
  });
});

describe('the rights ledger', () => {
  it('hears every change a right depends on from the database itself, and nothing a voting storm writes', async () => {
    const connection = await openDatabase(':memory:');
    const ledger = new RightsLedger();
    ledger.attach(connection.sqlite);
    const run = (statement: string, ...parameters: unknown[]) => connection.sqlite.prepare(statement).run(...parameters);
    run("INSERT INTO term (id, number, title, created_at) VALUES ('t', 3, '第3届', '2026-01-01')");
    run("INSERT INTO term (id, number, title, created_at) VALUES ('u', 4, '第4届', '2026-01-01')");
    run("INSERT INTO member (id, term_id, name, staff_number, role) VALUES ('p', 't', '代表', 'S-1', 'representative')");
    run("INSERT INTO access_code (code_hash, member_id, issued_at) VALUES ('c', 'p', '2026-01-01')");
    run("INSERT INTO account (id, username, display_name, password_hash, role, created_at) VALUES ('a', 'jianpiao', 'jianpiao', 'x', 'scrutineer', '2026-01-01')");
    run("INSERT INTO auth_session (token_hash, member_id, code_hash, expires_at) VALUES ('s', 'p', 'c', '2099-01-01')");
    run("INSERT INTO meeting (id, term_id, title, kind, state, quorum_numerator, quorum_denominator, created_at) VALUES ('m', 't', '大会', 'congress', 'in_session', 2, 3, '2026-01-01')");
    const since = ledger.now();
    const changes: [string, string[]][] = [
      ["UPDATE member SET role = 'attendee' WHERE id = 'p'", ['member:p']],
      ["UPDATE member SET term_id = 'u' WHERE id = 'p'", ['member:p']],
      ["UPDATE access_code SET revoked_at = '2026-01-02' WHERE member_id = 'p'", ['member:p']],
      ["UPDATE account SET role = 'committee' WHERE id = 'a'", ['account:a']],
      ["UPDATE auth_session SET expires_at = '2026-01-01' WHERE token_hash = 's'", ['session:s']],
      ["UPDATE meeting SET display_token_hash = 'd' WHERE id = 'm'", ['display:m']],
      ["UPDATE meeting SET term_id = 'u' WHERE id = 'm'", ['display:m', 'meeting:m']],
      ["UPDATE meeting SET state = 'closed' WHERE id = 'm'", []],
    ];
    for (const [statement, keys] of changes) {
      const before = ledger.now();
      run(statement);
      expect({ statement, changed: ['member:p', 'account:a', 'session:s', 'display:m', 'meeting:m'].filter((key) => ledger.isStale([key], before)) }).toEqual({ statement, changed: keys });
    }
    expect(ledger.isStale(['member:someone-else'], since)).toBe(false);
    await connection.close();
  });
});
