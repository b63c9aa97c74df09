/** The donor name list (纪念名录): staff entries with family consent, public search. */
export const nameListCalls = {} as const;
