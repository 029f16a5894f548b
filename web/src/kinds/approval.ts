// An approval (赞成/反对/弃权): one yes/no/abstain answer, passed or not by its passing rule.
// Its three parts, one per page that shows it: the phone's paper, the published result (phone,
// projector, notice), the console's form, paper count and result (see index.ts).
export { approvalVoter as voter } from './approval/voter.js';
export { approvalResult as result } from './approval/result.js';
export { approvalConsole as console } from './approval/console.js';
