// Every English text of the pages, in one place, with the same keys as zh.ts.
import type { MessageKey } from './zh.js';

export const en: Record<MessageKey, string> = {
  appName: 'Yishi',
  language: '中文',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  loading: 'Loading…',
  retry: 'Retry',
  errorGeneric: 'Something went wrong',
  meetingNone: 'No meeting is in progress',
  kindCongress: "Staff representatives' congress",
  kindGeneralAssembly: 'Staff general assembly',
  stateDraft: 'In preparation',
  stateInSession: 'In session',
  stateClosed: 'Closed',
  ballotDraft: 'Draft',
  ballotOpen: 'Voting',
  ballotClosed: 'Closed',
  ballotPublished: 'Published',
  eligible: 'Eligible',
  present: 'Present',
  absent: 'Absent',
  onLeave: 'On leave',
  attendees: 'Attendees',
  quorumReached: 'Quorum reached',
  quorumNotReached: 'No quorum',
  quorumRequired: 'Quorum {required}',
  turnout: '{voted} of {eligible} have voted',
  yes: 'Yes',
  no: 'No',
  abstain: 'Abstain',
  passed: 'Passed',
  failed: 'Not passed',
  secret: 'Secret ballot',
  named: 'Named vote',
  manualResult: 'Entered by hand',
  // — voter page (代表投票页) —
  // — projector view (大屏) and result notice (结果公告) —
  // — secretary console (秘书处) —
};
