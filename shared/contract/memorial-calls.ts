/** Memorial visits beyond the basic sign-in: the message wall and its moderation. */
export const memorialCalls = {} as const;
