/**
 * The two engines the hub stores on: PostgreSQL in production, SQLite as the embedded default for a pilot
 * on one machine. The same repositories run on both; only a few statements ask which one is behind them.
 */
export type HubEngine = 'sqlite' | 'postgres';
