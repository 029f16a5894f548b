// The list of migrations, in order. A landed migration is never edited: add a new file instead.
import type { Migration } from 'kysely';
import * as core from './2026-11-25-001-core.js';
import * as motions from './2026-11-25-002-motions.js';
import * as scrub from './2026-12-01-003-scrub.js';
import * as documents from './2026-12-01-004-documents.js';
import * as receiptsApart from './2026-12-03-005-receipts-apart.js';
import * as ballotItems from './2026-12-04-006-ballot-items.js';
import * as stateTransitions from './2026-12-04-007-state-transitions.js';
import * as sessions from './2026-12-04-008-sessions.js';
import * as agenda from './2026-12-04-009-agenda.js';
import * as presidium from './2026-12-04-010-presidium.js';
import * as credentials from './2026-12-04-011-credentials.js';
import * as extraordinary from './2026-12-04-013-extraordinary.js';
import * as ballotUses from './2026-12-04-014-ballot-uses.js';
import * as joint from './2026-12-04-012-joint.js';
import * as resolutions from './2026-12-05-015-resolutions.js';
import * as sessionAftermath from './2026-12-05-016-session-aftermath.js';
import * as paperBallots from './2026-12-05-019-paper-ballots.js';
import * as twoPersonControl from './2026-12-05-018-two-person-control.js';
import * as auditChain from './2026-12-05-017-audit-chain.js';

export const migrations: Record<string, Migration> = {
  '2026-11-25-001-core': core,
  '2026-11-25-002-motions': motions,
  '2026-12-01-003-scrub': scrub,
  '2026-12-01-004-documents': documents,
  '2026-12-03-005-receipts-apart': receiptsApart,
  '2026-12-04-006-ballot-items': ballotItems,
  '2026-12-04-007-state-transitions': stateTransitions,
  '2026-12-04-008-sessions': sessions,
  '2026-12-04-009-agenda': agenda,
  '2026-12-04-010-presidium': presidium,
  '2026-12-04-011-credentials': credentials,
  '2026-12-04-013-extraordinary': extraordinary,
  '2026-12-04-014-ballot-uses': ballotUses,
  '2026-12-04-012-joint': joint,
  '2026-12-05-015-resolutions': resolutions,
  '2026-12-05-016-session-aftermath': sessionAftermath,
  '2026-12-05-019-paper-ballots': paperBallots,
  '2026-12-05-018-two-person-control': twoPersonControl,
  '2026-12-05-017-audit-chain': auditChain,
};
