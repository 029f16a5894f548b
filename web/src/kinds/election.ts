// An election (选举): candidates for a number of seats, write-ins if allowed, elected by the passing rule.
// Its three parts, one per page that shows it: the phone's paper, the published result (phone,
// projector, notice), the console's form, paper count and result (see index.ts).
export { electionVoter as voter } from './election/voter.js';
export { electionResult as result } from './election/result.js';
export { electionConsole as console } from './election/console.js';
