// The proposal to convene an extraordinary session as the API declares it (shared by the hook and its card).
import type { components } from '../generated/api.js';

export type Proposal = components['schemas']['ExtraordinaryProposal'];
