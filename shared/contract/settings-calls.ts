/** The station's configurable items (DOMAIN.md), read and changed one section at a time. */
export const settingsCalls = {} as const;
