// fast-check generators of requests that are wrong by construction: a path id no id can be, a
// body its strict schema must refuse, bytes that are not JSON, a content type nobody parses, or a
// target that does not exist. None of them may change a row, whoever sends them.
import fc from 'fast-check';
import type { Route } from './route-table.js';
import { fillPath, parametersOf } from './route-table.js';

export interface FuzzRequest {
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** What the fuzzer needs to know of the app: ids that exist, credentials, and which routes take a JSON body. */
export interface FuzzTargets {
  realIds: string[];
  credentials: Record<string, string>[];
  /** Route key → property names of its JSON body schema (all of them strict objects). */
  bodies: Map<string, string[]>;
  /** Routes that read a multipart upload. */
  multipart: Set<string>;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Unicode junk: control characters, right-to-left marks, lone surrogates' neighbours, emoji, CJK. */
export const junkText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x10', '\u0000', '\u202e', '../../etc/passwd', '%00', '<script>', "' OR 1=1 --", '𠜎𠜱𠝹', '🗳️'.repeat(30), ' '),
  fc.integer({ min: 1000, max: 5000 }).map((length) => 'x'.repeat(length)),
);

/** A value of any JSON shape, nested a little, with junk strings inside. */
export const junkValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    junkText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(junkText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A path segment that idSchema refuses (empty is left out: it would name another route). */
/** Fits in a path segment: well formed, and within Fastify's 100-character parameter limit (see fuzz.spec.ts). */
const encodable = (text: string): boolean => {
  try {
    return encodeURIComponent(text).length <= 100;
  } catch {
    return false;
  }
};
const badId = fc.oneof(
  junkText.filter((text) => text.length > 0 && !ID.test(text) && encodable(text)),
  fc.constant('a'.repeat(65)),
  fc.constantFrom('..', '.', 'id with space', '名字', '-1.5', 'a/b'),
);

/** Looks like an id, names nothing. */
const ghostId = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/).map((text) => `ghost${text}`);

function nestedDeeply(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = { nested: value };
  return value;
}

/** Keys no body schema has: strict schemas must refuse them whatever else the body holds. */
const extraKey = fc.oneof(
  fc.constantFrom('constructor', 'prototype', 'toString', 'hasOwnProperty', '$where', 'memberId2', ''),
  junkText.map((text) => `x-${text}`),
);

/** Top-level values that are not an object (and not null, which an optional body accepts). */
const notAnObject = fc.oneof(fc.array(junkValue, { maxLength: 5 }), fc.integer(), fc.double(), fc.boolean(), junkText);

/** Text sent as application/json that is not JSON, or JSON Fastify refuses to parse (prototype poisoning). */
const notJson = fc.oneof(
  fc.constantFrom('NaN', 'Infinity', '{"a":', "{'a':1}", '[1,2', '{"__proto__":{"admin":true}}', '{"a":1,"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', '{"a":1}}'),
  junkText.map((text) => `{${text}`),
  junkValue.map((value) => `${JSON.stringify(value) ?? 'null'},`),
);

const sameStrings = (values: readonly string[]) => fc.constantFrom(...values);

export function fuzzRequests(routes: Route[], targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const realId = sameStrings(targets.realIds);
  const credentials = fc.oneof(
    { weight: 3, arbitrary: sameStrings(targets.credentials.map((headers) => JSON.stringify(headers))).map((text) => JSON.parse(text) as Record<string, string>) },
    fc.stringMatching(/^[!-~]{0,80}$/).map((token) => ({ authorization: `Bearer ${token}` })),
    fc.stringMatching(/^[!-~]{0,80}$/).map((token) => ({ authorization: `Display ${token}` })),
    fc.stringMatching(/^[!-~]{0,80}$/).map((token) => ({ cookie: `yishi_officer=${token}; yishi_member=${token}` })),
  );
  const pathWith = (route: Route, id: fc.Arbitrary<string>) =>
    fc.tuple(...parametersOf(route.url).map(() => id), junkText.filter(encodable)).map(([...values]) => {
      const names = parametersOf(route.url);
      const wildcard = String(values.pop());
      return fillPath(route.url, { ...Object.fromEntries(names.map((name, index) => [name, String(values[index])])), '*': wildcard });
    });
  const query = fc.dictionary(
    fc.oneof(fc.constantFrom('meetingId', 'termId', 'limit', 'before', 'state', 'q', 'format', 'scope', 'offset', 'overdue', 'dueSoonDays', 'departmentId', 'category'), junkText),
    junkText,
    { maxKeys: 4 },
  );
  const json = (payload: string) => ({ headers: { 'content-type': 'application/json' }, payload });

  const perRoute = routes.map((route) => {
    const key = `${route.method} ${route.url}`;
    const parameters = parametersOf(route.url);
    const properties = targets.bodies.get(key);
    const kinds: fc.Arbitrary<Omit<FuzzRequest, 'method' | 'headers'> & { headers?: Record<string, string> }>[] = [];
    if (route.method === 'GET') {
      // Reads change nothing whatever they are sent: any id, any query.
      kinds.push(fc.tuple(pathWith(route, fc.oneof(badId, realId, ghostId)), query).map(([url, search]) => ({ kind: 'read', url: `${url}?${new URLSearchParams(search as Record<string, string>)}` })));
    } else {
      if (parameters.length) {
        kinds.push(fc.tuple(pathWith(route, badId), junkValue).map(([url, body]) => ({ kind: 'bad path id', url, ...json(JSON.stringify(body) ?? 'null') })));
        kinds.push(fc.tuple(pathWith(route, ghostId), junkValue).map(([url, body]) => ({ kind: 'no such target', url, ...json(JSON.stringify(body) ?? 'null') })));
      }
      if (properties) {
        const known = properties.length ? fc.dictionary(sameStrings(properties), junkValue, { maxKeys: properties.length }) : fc.constant({});
        const mutated = fc.oneof(
          fc.tuple(known, extraKey, junkValue).map(([body, extra, value]) => JSON.stringify({ ...body, [extra]: value })),
          fc.tuple(known, fc.integer({ min: 200, max: 2000 })).map(([body, depth]) => JSON.stringify({ ...body, deep: nestedDeeply(depth) })),
          notAnObject.map((value) => JSON.stringify(value)),
          known.map((body) => JSON.stringify(body).replace(/^\{/, '{"__proto__":{"role":"secretary"},')),
        );
        kinds.push(fc.tuple(pathWith(route, realId), mutated).map(([url, payload]) => ({ kind: 'body refused by its schema', url, ...json(payload) })));
      }
      kinds.push(fc.tuple(pathWith(route, realId), notJson).map(([url, payload]) => ({ kind: 'not JSON', url, ...json(payload) })));
      kinds.push(fc.tuple(pathWith(route, realId), junkText).map(([url, payload]) => ({ kind: 'unknown media type', url, headers: { 'content-type': 'application/x-yishi-fuzz' }, payload })));
      kinds.push(pathWith(route, realId).map((url) => ({ kind: 'too large', url, ...json(JSON.stringify({ title: 'x'.repeat(300 * 1024) })) })));
      if (targets.multipart.has(key)) {
        kinds.push(
          fc.tuple(pathWith(route, realId), junkText, fc.boolean()).map(([url, junk, withField]) => {
            const boundary = 'YishiFuzzBoundary';
            const payload = withField ? `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${junk}\r\n--${boundary}--\r\n` : `--${boundary}\r\n${junk}`;
            return { kind: 'multipart without a file', url, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload };
          }),
        );
      }
    }
    return fc.tuple(fc.oneof(...kinds), credentials).map(([request, who]) => ({ ...request, method: route.method, headers: { ...who, ...request.headers } }) as FuzzRequest);
  });
  return fc.oneof(...perRoute);
}

/** Socket payloads the command schemas (all strict) must refuse, or that name a ballot or meeting that does not exist. */
export function fuzzSocketPayloads(realIds: string[]): fc.Arbitrary<unknown> {
  const realId = fc.constantFrom(...realIds);
  const receipt = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/);
  return fc.oneof(
    junkValue.filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)),
    fc
      .dictionary(
        junkText.map((text) => `x-${text}`),
        junkValue,
        { minKeys: 1, maxKeys: 4 },
      )
      .chain((extra) =>
        fc.record({ ballotId: realId, meetingId: realId, answers: fc.array(junkValue, { minLength: 1, maxLength: 3 }), receipt }, { requiredKeys: [] }).map((body) => ({ ...body, ...extra })),
      ),
    fc.record({ ballotId: badId, answers: fc.array(junkValue, { maxLength: 60 }), receipt: fc.oneof(receipt, junkText) }),
    fc.record({ ballotId: ghostId, answers: fc.array(junkValue, { minLength: 1, maxLength: 3 }), receipt }),
    fc.record({ ballotId: ghostId, receipt }),
    fc.record({ meetingId: fc.oneof(ghostId, badId, fc.integer()) }),
    fc.constant(nestedDeeply(500)),
    fc.constant({ ...JSON.parse('{"__proto__":{"admin":true}}'), meetingId: 'ghost-meeting' }),
  );
}
