export const visitPurposes = ['remembrance', 'tour', 'qingming'] as const;
export type VisitPurpose = (typeof visitPurposes)[number];

export const MAX_PARTY_SIZE = 500;
