// A choice (选择): options, at most maxChoices of them; counted, no threshold.
// Its three parts, one per page that shows it: the phone's paper, the published result (phone,
// projector, notice), the console's form, paper count and result (see index.ts).
export { choiceVoter as voter } from './choice/voter.js';
export { choiceResult as result } from './choice/result.js';
export { choiceConsole as console } from './choice/console.js';
