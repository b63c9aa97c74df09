import type { Kysely } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_security';
import * as m0003 from './0003_registration';
import * as m0004 from './0004_documents';

export interface Migration {
  up(db: Kysely<any>): Promise<void>;
}

/** Static, ordered index of every migration; the last name is this build's schema level. */
export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_initial', m0001],
  ['0002_security', m0002],
  ['0003_registration', m0003],
  ['0004_documents', m0004],
];
