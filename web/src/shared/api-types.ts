// The API's shapes, named for the pages: every type here is taken from the types generated from
// /api/openapi.json (npm run build:api-types), never written by hand, so a page that reads a field
// the server does not declare fails the type check.
import type { components, paths } from '../generated/api.js';

type Schemas = components['schemas'];
type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON a route answers with on success. */
export type ResponseOf<Path extends keyof paths, Method extends keyof paths[Path], Status extends number = 200> = paths[Path][Method] extends {
  responses: infer Responses;
}
  ? Status extends keyof Responses
    ? JsonOf<Responses[Status]>
    : never
  : never;

/** Every error answer: `{ code, message, messageZh, messageEn, details? }`. */
export type ErrorEnvelope = Schemas['ErrorEnvelope'];

// Meetings, ballots and their answers.
export type AttendanceCounts = Schemas['AttendanceCounts'];
export type Ballot = Schemas['Ballot'];
export type BallotItem = Schemas['BallotItem'];
/** approval, election, rating, choice: the kinds the server declares (web/src/kinds has one module per kind). */
export type ItemKind = BallotItem['kind'];
export type BallotResult = Schemas['BallotResult'];
export type ItemResult = Schemas['ItemResult'];
export type ItemAnswer = Schemas['ItemAnswerInput'];
export type ApprovalAnswer = Schemas['ApprovalAnswerInput'];
export type ElectionAnswer = Schemas['ElectionAnswerInput'];
export type RatingAnswer = Schemas['RatingAnswerInput'];
export type ChoiceAnswer = Schemas['ChoiceAnswerInput'];

// Documents (二上二下).
export type DocumentSummary = Schemas['DocumentSummary'];
export type DocumentDetail = Schemas['DocumentDetail'];
export type DocumentKind = Schemas['DocumentKind'];
export type DocumentState = DocumentSummary['state'];
export type DocumentEvent = DocumentDetail['allowedEvents'][number];
export type Block = Schemas['Block'];
export type VersionSummary = Schemas['VersionSummary'];
export type VersionDetail = Schemas['VersionDetail'];
export type DiffChange = Schemas['VersionDiff']['changes'][number];
export type AdoptionCounts = Schemas['AdoptionCounts'];
export type AdoptionReport = Schemas['AdoptionReport'];
export type Opinion = Schemas['Opinion'];
export type Consolidated = Schemas['Consolidated'];
export type ResponseOutcome = NonNullable<Consolidated['response']>['outcome'];
export type Round = Schemas['Round'];
export type DocumentVote = Schemas['DocumentVote'];
export type HistoryEntry = Schemas['HistoryEntry'];
export type ConsultationRecord = Schemas['ConsultationRecord'];
/** What GET /api/documents/{id}/opinion-counts answers and `document:opinions` pushes. */
export type OpinionCounts = NonNullable<ResponseOf<'/api/documents/{id}/opinion-counts', 'get'>['counts']>;
