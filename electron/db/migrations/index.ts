import type { Kysely } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_security';
import * as m0003 from './0003_registration';
import * as m0004 from './0004_documents';
import * as m0005 from './0005_memorial_visits';
import * as m0006 from './0006_memorial_names';
import * as m0007 from './0007_education_sessions';
import * as m0008 from './0008_realised_donation';
import * as m0009 from './0009_document_subject_version';
import * as m0010 from './0010_sync';
import * as m0011 from './0011_registration_source';
import * as m0012 from './0012_dashboard_figures';
import * as m0013 from './0013_outbox_payload';
import * as m0014 from './0014_sync_sent';
import * as m0015 from './0015_kiosk_safeguards';
import * as m0016 from './0016_staff_management';
import * as m0017 from './0017_name_index_case';
import * as m0018 from './0018_name_list_rekey';
import * as m0019 from './0019_donor_family';
import * as m0020 from './0020_aid_cases';

export interface Migration {
  up(db: Kysely<any>): Promise<void>;
}

/** Static, ordered index of every migration; the last name is this build's schema level. */
export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_initial', m0001],
  ['0002_security', m0002],
  ['0003_registration', m0003],
  ['0004_documents', m0004],
  ['0005_memorial_visits', m0005],
  ['0006_memorial_names', m0006],
  ['0007_education_sessions', m0007],
  ['0008_realised_donation', m0008],
  ['0009_document_subject_version', m0009],
  ['0010_sync', m0010],
  ['0011_registration_source', m0011],
  ['0012_dashboard_figures', m0012],
  ['0013_outbox_payload', m0013],
  ['0014_sync_sent', m0014],
  ['0015_kiosk_safeguards', m0015],
  ['0016_staff_management', m0016],
  ['0017_name_index_case', m0017],
  ['0018_name_list_rekey', m0018],
  ['0019_donor_family', m0019],
  ['0020_aid_cases', m0020],
];
