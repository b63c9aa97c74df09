import type { Kysely } from 'kysely';
import type { HubEngine } from '../engine';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_people';
import * as m0003 from './0003_hub_identity';
import * as m0004 from './0004_stem_cell_and_contact';
import * as m0005 from './0005_reach';
import * as m0006 from './0006_console';
import * as m0007 from './0007_exports';
import * as m0008 from './0008_review_and_log';
import * as m0009 from './0009_figures_indexes';
import * as m0010 from './0010_registrations_by_person';
import * as m0011 from './0011_export_progress';
import * as m0012 from './0012_family_care';

/** One step of the hub's schema; `engine` picks the SQL where the engines differ. */
export interface HubMigration {
  up(db: Kysely<any>, engine: HubEngine): Promise<void>;
}

/** Static, ordered index of every migration; the last name is this build's schema level. */
export const hubMigrations: ReadonlyArray<readonly [name: string, migration: HubMigration]> = [
  ['0001_initial', m0001],
  ['0002_people', m0002],
  ['0003_hub_identity', m0003],
  ['0004_stem_cell_and_contact', m0004],
  ['0005_reach', m0005],
  ['0006_console', m0006],
  ['0007_exports', m0007],
  ['0008_review_and_log', m0008],
  ['0009_figures_indexes', m0009],
  ['0010_registrations_by_person', m0010],
  ['0011_export_progress', m0011],
  ['0012_family_care', m0012],
];
