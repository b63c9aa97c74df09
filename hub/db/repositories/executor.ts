import type { Kysely } from 'kysely';
import type { HubDatabase } from '../schema';

/** A repository works the same on the database or inside a transaction (a Transaction is a Kysely). */
export type Executor = Kysely<HubDatabase>;
