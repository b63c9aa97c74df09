/** Life-education sessions: schedule, group check-in, walk-ins, satisfaction survey. */
export const educationCalls = {} as const;
