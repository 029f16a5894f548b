// Who may use each route and each socket command: the one expected-permission table the
// authorization matrix walks. A role not allowed is refused: 401 when anonymous, 403 otherwise, or
// 404 where the route hides from that role what it may not see (a draft, another's motion).
import type { Role } from './hall-world.js';

export interface Permission {
  allowed: readonly Role[] | 'everyone';
  /** Roles refused with a *_NOT_FOUND 404, because they may not know the target exists. */
  hidden?: readonly Role[];
}

const everyone = { allowed: 'everyone' } as const;
const secretary = { allowed: ['secretary'] } as const;
const officers = { allowed: ['secretary', 'scrutineer'] } as const;
/** Any signed-in person, screen or officer following a meeting (handlers and the committee see what the hall sees). */
const followers = { allowed: ['representative', 'attendee', 'handler', 'committee', 'scrutineer', 'secretary', 'display'] } as const;
const members = { allowed: ['representative', 'attendee'] } as const;
/** The motions committee's moves, which the secretary also holds; others never see a motion under review. */
const committee = { allowed: ['committee', 'secretary'], hidden: ['attendee', 'handler'] } as const;
/** The proposer's moves on a draft (the secretary's on a paper one): nobody else sees a draft. */
const proposerOfDraft = { allowed: ['representative', 'secretary'], hidden: ['attendee', 'handler', 'committee'] } as const;
/** The lead department's moves on an assigned motion. */
const leadDepartment = { allowed: ['handler'], hidden: ['attendee'] } as const;
/**
 * Who reads a document: the secretariat and the committee all, the drafting department's handlers
 * theirs, the term's representatives and attendees once issued. Scrutineers and screens never.
 */
const documentReaders = { allowed: ['representative', 'attendee', 'handler', 'committee', 'secretary'] } as const;
/** The working views of a document (the draft preview, live opinion counts, the record): not for members. */
const documentOfficers = { allowed: ['handler', 'committee', 'secretary'] } as const;
/** The secretariat's moves on a document still being drafted, which members do not see yet. */
const secretaryOnDraft = { allowed: ['secretary'], hidden: ['representative', 'attendee'] } as const;
/** The drafters (起草部门: the handler's department, and the secretary) on a document still being drafted. */
const draftersOnDraft = { allowed: ['secretary', 'handler'], hidden: ['representative', 'attendee'] } as const;
/** The drafters on an issued document: answering opinions, linking the revision to them. */
const drafters = { allowed: ['secretary', 'handler'] } as const;

export const routePermissions: Record<string, Permission> = {
  // Pages, documents, health: public.
  'GET /': everyone,
  'GET /assets/*': everyone,
  'GET /admin': everyone,
  'GET /admin/*': everyone,
  'GET /join': everyone,
  'GET /v/:code': everyone,
  'GET /display/:token': everyone,
  'GET /results/:ballotId': everyone,
  'GET /public/sessions/:sessionId': everyone,
  'GET /api/docs': everyone,
  'GET /api/docs/static/*': everyone,
  'GET /api/docs/json': everyone,
  'GET /api/docs/yaml': everyone,
  'GET /api/docs/static/index.html': everyone,
  'GET /api/docs/static/swagger-initializer.js': everyone,
  'GET /api/openapi.json': everyone,
  'GET /api/health': everyone,

  // Sessions and accounts.
  'POST /api/auth/login': everyone,
  'POST /api/auth/logout': everyone,
  'GET /api/auth/me': everyone,
  'GET /api/accounts': secretary,
  'POST /api/accounts': secretary,
  'PATCH /api/accounts/:id': secretary,

  // The roster and access codes.
  'GET /api/terms': officers,
  'POST /api/terms': secretary,
  'GET /api/terms/:termId/delegations': officers,
  'POST /api/terms/:termId/delegations': secretary,
  'PATCH /api/delegations/:id': secretary,
  'DELETE /api/delegations/:id': secretary,
  'GET /api/terms/:termId/members': officers,
  'POST /api/terms/:termId/members': secretary,
  'PATCH /api/members/:id': secretary,
  'DELETE /api/members/:id': secretary,
  'POST /api/terms/:termId/members/import': secretary,
  'POST /api/members/:id/code': secretary,
  'DELETE /api/members/:id/code': secretary,
  'POST /api/terms/:termId/codes': secretary,
  'GET /api/sessions/:sessionId/credentials': officers,
  'GET /api/sessions/:sessionId/credentials/docx': officers,
  'POST /api/sessions/:sessionId/credentials/adopt': secretary,
  'POST /api/join': everyone,

  // Meetings.
  'GET /api/meetings': officers,
  'POST /api/meetings': secretary,
  'GET /api/meetings/:id': followers,
  'PATCH /api/meetings/:id': secretary,
  'POST /api/meetings/:id/open': secretary,
  'POST /api/meetings/:id/close': secretary,
  'POST /api/meetings/:id/display-token': secretary,
  'POST /api/meetings/:id/display/page': secretary,
  'GET /api/meetings/:id/live': followers,
  'GET /api/me': members,
  'GET /api/meetings/:id/attendance': officers,
  'PUT /api/meetings/:id/attendance/:memberId': secretary,
  'POST /api/meetings/:id/check-in': members,
  // The chair's script: officers, and only the sitting's presiding chair among representatives (none in this world).
  'GET /api/meetings/:id/script': officers,
  'GET /api/meetings/:id/script/docx': officers,

  // Ballots.
  'GET /api/meetings/:id/ballots': followers,
  'POST /api/meetings/:id/ballots': secretary,
  'GET /api/ballots/:id': followers,
  'PATCH /api/ballots/:id': secretary,
  'DELETE /api/ballots/:id': secretary,
  'POST /api/ballots/:id/open': secretary,
  'POST /api/ballots/:id/close': officers,
  /** Withdrawing one's own half under two-person control: either officer (the meeting's setting decides the rest). */
  'DELETE /api/ballots/:id/confirmations/:step': officers,
  'PUT /api/ballots/:id/manual-result': secretary,
  'POST /api/ballots/:id/publish': secretary,
  'POST /api/ballots/:id/revote': secretary,
  'POST /api/ballots/:id/items/:itemId/new-election': secretary,
  'POST /api/ballots/:id/votes': { allowed: ['representative'] },
  'POST /api/ballots/:id/receipts/check': followers,
  'GET /api/ballots/:id/receipts': everyone,
  'GET /api/ballots/:id/named-votes': officers,
  // Paper and phones in one ballot: the secretary issues papers by name; only the tellers enter and confirm them.
  'GET /api/ballots/:id/papers': secretary,
  'POST /api/ballots/:id/papers': secretary,
  'DELETE /api/ballots/:id/papers/:memberId': secretary,
  'GET /api/ballots/:id/paper-count': officers,
  'PUT /api/ballots/:id/paper-count/collected': { allowed: ['scrutineer'] },
  'POST /api/ballots/:id/paper-count/batches': { allowed: ['scrutineer'] },
  'POST /api/ballots/:id/paper-count/batches/:batchId/papers': { allowed: ['scrutineer'] },
  'DELETE /api/ballots/:id/paper-count/papers/:entryId': { allowed: ['scrutineer'] },
  'POST /api/ballots/:id/paper-count/batches/:batchId/check': { allowed: ['scrutineer'] },
  'POST /api/ballots/:id/paper-count/batches/:batchId/totals': { allowed: ['scrutineer'] },
  'POST /api/ballots/:id/paper-count/finish': officers,
  'GET /api/public/ballots/:id': everyone,
  'GET /api/ballots/:id/notice.pdf': everyone,
  'GET /api/audit': officers,
  'GET /api/audit/verify': officers,
  'GET /api/storage/usage': officers,

  // Motions: departments, settings, tracker, exports.
  'GET /api/departments': { allowed: ['secretary', 'committee', 'handler'] },
  'POST /api/departments': secretary,
  'PATCH /api/departments/:id': secretary,
  'GET /api/meetings/:id/motion-settings': followers,
  'PUT /api/meetings/:id/motion-settings': secretary,
  'GET /api/motions/dashboard': { allowed: ['secretary', 'committee'] },
  'GET /api/motions/register': { allowed: ['secretary', 'committee'] },
  'GET /api/motions/report': { allowed: ['secretary', 'committee'] },

  // Motions.
  'GET /api/motions': { allowed: ['representative', 'attendee', 'handler', 'committee', 'secretary'] },
  'POST /api/meetings/:id/motions': { allowed: ['representative', 'secretary'] },
  'GET /api/motions/:id': { allowed: ['representative', 'handler', 'committee', 'secretary'], hidden: ['attendee'] },
  'PATCH /api/motions/:id': proposerOfDraft,
  'POST /api/motions/:id/submit': proposerOfDraft,
  'POST /api/motions/:id/resubmit': { allowed: ['representative', 'secretary'], hidden: ['attendee', 'handler'] },
  'POST /api/motions/:id/withdraw': { allowed: ['representative', 'secretary'], hidden: ['handler'] },
  'POST /api/motions/:id/seconders': { allowed: ['representative', 'secretary'], hidden: ['handler'] },
  'POST /api/motions/:id/accept': committee,
  'POST /api/motions/:id/reject': committee,
  'POST /api/motions/:id/merge': committee,
  'POST /api/motions/:id/return': committee,
  'POST /api/motions/:id/escalate': committee,
  'POST /api/motions/:id/assign': committee,
  'POST /api/motions/:id/decline': leadDepartment,
  'POST /api/motions/:id/extend': { allowed: ['committee', 'secretary'], hidden: ['attendee'] },
  'POST /api/motions/:id/reply': leadDepartment,
  'POST /api/motions/:id/rating': { allowed: ['representative', 'secretary'], hidden: ['attendee'] },
  'POST /api/motions/:id/resolve': { allowed: ['committee', 'secretary'], hidden: ['attendee'] },
  'POST /api/motions/:id/attachments': proposerOfDraft,
  'GET /api/motions/:id/attachments/:attachmentId': proposerOfDraft,
  'DELETE /api/motions/:id/attachments/:attachmentId': proposerOfDraft,

  // Documents (二上二下), as the state table in src/documents/workflow.ts gives each move its parties.
  'GET /api/meetings/:id/documents': documentReaders,
  'GET /api/documents': documentReaders,
  'POST /api/meetings/:id/documents': secretary,
  'GET /api/documents/:id': documentReaders,
  'PATCH /api/documents/:id': secretaryOnDraft,
  'PUT /api/documents/:id/draft': draftersOnDraft,
  'POST /api/documents/:id/draft/docx': draftersOnDraft,
  'GET /api/documents/:id/draft/preview': documentOfficers,
  'GET /api/documents/:id/versions/:versionId': documentReaders,
  'GET /api/documents/:id/versions/:versionId/original': documentReaders,
  'POST /api/documents/:id/issue': secretaryOnDraft,
  'POST /api/documents/:id/deadline': secretary,
  'POST /api/documents/:id/opinions': members,
  'POST /api/documents/:id/end-collection': secretary,
  // The representative role leads its delegation (团长); the secretary may consolidate on its behalf.
  'POST /api/documents/:id/submissions': { allowed: ['representative', 'secretary'] },
  'POST /api/documents/:id/end-consolidation': secretary,
  'POST /api/documents/:id/responses': drafters,
  'POST /api/documents/:id/close-round': secretary,
  'POST /api/documents/:id/changed-anchors': drafters,
  'POST /api/documents/:id/new-round': secretary,
  'POST /api/documents/:id/ballot': secretary,
  'GET /api/documents/:id/opinion-counts': documentOfficers,
  'GET /api/documents/:id/record': documentOfficers,
  'GET /api/documents/:id/record/docx': documentOfficers,

  // Extraordinary sessions (临时会议): officers and the term's members read; representatives sign.
  'GET /api/terms/:termId/extraordinary-proposals': { allowed: ['secretary', 'scrutineer', 'representative', 'attendee'] },
  'POST /api/terms/:termId/extraordinary-proposals': secretary,
  'GET /api/extraordinary-proposals/:id': { allowed: ['secretary', 'scrutineer', 'representative', 'attendee'] },
  'POST /api/extraordinary-proposals/:id/signatures': { allowed: ['representative'] },
  'DELETE /api/extraordinary-proposals/:id/signatures/mine': { allowed: ['representative'] },
  'POST /api/extraordinary-proposals/:id/convene': secretary,
  'POST /api/extraordinary-proposals/:id/withdraw': secretary,
  'GET /api/sessions/:sessionId/proposal': officers,
  // Presidium, presiding chairs and tellers (issue 12, item 3).
  'GET /api/sessions/:sessionId/presidium': officers,
  'PUT /api/sessions/:sessionId/presidium': secretary,
  'POST /api/sessions/:sessionId/presidium/elect': secretary,
  'PUT /api/meetings/:id/presiding-chair': secretary,
  'GET /api/ballots/:id/tellers': officers,
  'PUT /api/ballots/:id/tellers': secretary,
  // Sessions, term rules, the agenda and joint meetings (issue 12).
  'GET /api/terms/:termId/sessions': officers,
  'POST /api/terms/:termId/sessions': secretary,
  'GET /api/sessions/:sessionId': officers,
  'GET /api/sessions/:sessionId/archive': secretary,
  'PATCH /api/sessions/:sessionId': secretary,
  // What follows a session's close (issue 13): the secretary closes, publishes and reports; officers
  // read the deadlines; anyone reads a published notice.
  'POST /api/sessions/:sessionId/close': secretary,
  'POST /api/sessions/:sessionId/reopen': secretary,
  'GET /api/terms/:termId/aftermath': officers,
  'GET /api/sessions/:sessionId/aftermath': officers,
  'POST /api/sessions/:sessionId/notice/publish': secretary,
  'POST /api/sessions/:sessionId/notice/withdraw': secretary,
  'GET /api/public/sessions/:sessionId': everyone,
  'GET /api/sessions/:sessionId/report': secretary,
  'GET /api/sessions/:sessionId/report/docx': secretary,
  'GET /api/sessions/:sessionId/notice/docx': secretary,
  'POST /api/sessions/:sessionId/report/sent': secretary,
  'GET /api/terms/:termId/rules': officers,
  'PATCH /api/terms/:termId/rules': secretary,
  // The agenda: officers, the term's members and the screens of the session's sittings read it.
  'GET /api/sessions/:sessionId/agenda': { allowed: ['secretary', 'scrutineer', 'representative', 'attendee', 'display'] },
  'POST /api/sessions/:sessionId/agenda': secretary,
  'PUT /api/sessions/:sessionId/agenda/order': secretary,
  'POST /api/sessions/:sessionId/agenda/adopt': secretary,
  'GET /api/agenda-items/:id': { allowed: ['secretary', 'scrutineer', 'representative', 'attendee', 'display'] },
  'PATCH /api/agenda-items/:id': secretary,
  'DELETE /api/agenda-items/:id': secretary,
  // The current item: the secretary, and only the sitting's presiding chair among members (none in this world).
  'PUT /api/meetings/:id/current-item': secretary,
  'GET /api/meetings/:id/roll': officers,
  'PUT /api/meetings/:id/roll': secretary,
  'GET /api/terms/:termId/joint-decisions': officers,
  'POST /api/agenda-items/:id/confirmation-ballot': secretary,
  // Resolutions (决议, issue 13): the secretary drafts and puts them to the vote; the scrutineers and
  // the motions committee read them (the public sees them only with a published result).
  'GET /api/sessions/:sessionId/resolutions': { allowed: ['secretary', 'scrutineer', 'committee'] },
  'POST /api/sessions/:sessionId/resolutions': secretary,
  'GET /api/resolutions/:id': { allowed: ['secretary', 'scrutineer', 'committee'] },
  'GET /api/sessions/:sessionId/resolutions/docx': { allowed: ['secretary', 'scrutineer', 'committee'] },
  'GET /api/resolutions/:id/docx': { allowed: ['secretary', 'scrutineer', 'committee'] },
  'PATCH /api/resolutions/:id': secretary,
  'DELETE /api/resolutions/:id': secretary,
  'POST /api/resolutions/:id/redraft': secretary,
  'POST /api/resolutions/:id/ballot': secretary,
};

/** Socket commands. Anonymous sockets are turned away at the handshake (UNAUTHENTICATED). */
export const socketPermissions: Record<string, Permission> = {
  'ballot:cast': { allowed: ['representative'] },
  'ballot:verify-receipt': followers,
  'attendance:check-in': members,
  'meeting:sync': followers,
};
