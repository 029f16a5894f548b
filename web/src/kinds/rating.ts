// A rating (测评): each subject given one grade (优秀/称职/…) or abstained on; counted per grade.
// Its three parts, one per page that shows it: the phone's paper, the published result (phone,
// projector, notice), the console's form, paper count and result (see index.ts).
export { ratingVoter as voter } from './rating/voter.js';
export { ratingResult as result } from './rating/result.js';
export { ratingConsole as console } from './rating/console.js';
