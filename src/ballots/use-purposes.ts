// What a ballot item may decide for the session (table ballot_use): the one declaration of the enum.
export const BALLOT_USE_PURPOSES = ['agenda_adoption', 'agenda_amendment', 'presidium_election', 'credentials_adoption', 'joint_confirmation', 'resolution_adoption'] as const;
export type BallotUsePurpose = (typeof BALLOT_USE_PURPOSES)[number];
