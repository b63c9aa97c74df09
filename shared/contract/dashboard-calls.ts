/** The station manager's dashboard: registration figures against the provincial targets, and their export. */
export const dashboardCalls = {} as const;
