// The credentials report's roster digest is hashed from the roster read a page at a time in id order
// (SQLite's byte order), while digests stored with adopted reports were made by sorting the lines
// themselves. The two orders must agree, or an adopted report would read as "roster changed".
import { describe, expect, it } from 'vitest';
import { randomId } from '../../src/access/codes.js';
import { rosterLine } from '../../src/credentials/service.js';

describe('the roster digest’s order', () => {
  it('is the same by id (as SQLite sorts) as by the sorted lines, for the ids members get', () => {
    const roles = ['representative', 'attendee'] as const;
    const members = Array.from({ length: 2000 }, (_, index) => ({
      id: randomId(),
      role: roles[index % 2]!,
      delegation_id: index % 3 === 0 ? null : randomId(),
      tags: index % 5 === 0 ? ['女职工', '一线职工'] : [],
    }));
    const byLines = members.map((member) => rosterLine(member, member.tags)).sort();
    const byId = [...members].sort((a, b) => Buffer.compare(Buffer.from(a.id), Buffer.from(b.id))).map((member) => rosterLine(member, member.tags));
    expect(byId).toEqual(byLines);
  });
});
