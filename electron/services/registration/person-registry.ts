import { randomUUID } from 'node:crypto';
import type { DocumentKind, Sex } from '../../../shared/validation/identity-document';
import type { PersonRow } from '../../db/rows';
import type { Executor } from '../../db/repositories/executor';
import {
  findPersonByDocumentKeys,
  insertPerson,
  insertPersonVersion,
  peopleIndexedUnderOtherKeys,
  updatePersonIndexes,
  updatePersonVersion,
} from '../../db/repositories/people';
import type { Actor } from '../kernel/audit';
import type { DataProtection } from '../kernel/data-protection';
import { AppError } from '../kernel/errors';

/** A person's personal fields: sealed together as one value, because they are always read together. */
export interface PersonalFields {
  name: string;
  documentKind: DocumentKind;
  documentNumber: string;
  phone: string;
  ethnicGroup: string | null;
  birthDate: string;
  sex: Sex;
}

/** The blind-index input of a document: kind and normalised number, so equal numbers of two kinds differ. */
function documentIndexValue(kind: string, number: string): string {
  return `${kind}:${number}`;
}

/** Every blind index a document may be stored under (one per key while a rotation is half done). */
export function documentKeys(protection: DataProtection, kind: string, number: string): string[] {
  return protection.cipher.blindIndexCandidates('document', documentIndexValue(kind, number));
}

/**
 * The blind-index input of a name: lower-cased, so a Latin name is found whatever case staff type it in
 * (Han characters have no case). The name itself is already normalised by its check (widths, dots, spaces).
 */
function nameIndexValue(name: string): string {
  return name.toLowerCase();
}

/** Every blind index a name may be stored under (one per key a rotation has not yet moved off). */
export function nameKeys(protection: DataProtection, name: string): string[] {
  return protection.cipher.blindIndexCandidates('name', nameIndexValue(name));
}

/** The blind indexes of a person's row, under the current key. */
export function personLookupIndexes(protection: DataProtection, fields: PersonalFields) {
  return {
    document_key: protection.cipher.blindIndex('document', documentIndexValue(fields.documentKind, fields.documentNumber)),
    name_key: protection.cipher.blindIndex('name', nameIndexValue(fields.name)),
    phone_key: protection.cipher.blindIndex('phone', fields.phone),
    index_key_id: protection.cipher.currentKeyId,
  };
}

export function openPersonal(protection: DataProtection, row: Pick<PersonRow, 'personal'>): PersonalFields {
  return JSON.parse(protection.open(row.personal, 'person.personal')) as PersonalFields;
}

export function openVersionPersonal(protection: DataProtection, sealed: string): PersonalFields {
  return JSON.parse(protection.open(sealed, 'person_version.personal')) as PersonalFields;
}

export function openVersionReason(protection: DataProtection, sealed: string | null): string | null {
  return protection.openOptional(sealed, 'person_version.reason');
}

/**
 * People, stored once each: found by their document, created with a first version, amended with a
 * new one. Every method runs inside the caller's transaction.
 */
export class PersonRegistry {
  constructor(private readonly protection: DataProtection) {}

  async findByDocument(trx: Executor, kind: string, number: string): Promise<PersonRow | undefined> {
    return findPersonByDocumentKeys(trx, documentKeys(this.protection, kind, number));
  }

  /**
   * The person with this document, or a new one. An existing person must carry the same name: a
   * number typed under another name is a mistake or someone else's number, and the station does not
   * guess (`person_details_mismatch`). A new phone becomes a new version of the person.
   */
  async findOrCreate(trx: Executor, fields: PersonalFields, stationCode: string, actor: Actor, at: string): Promise<{ row: PersonRow; created: boolean }> {
    const found = await this.findOrCreateUnchanged(trx, fields, stationCode, actor, at);
    if (found.differingPhone === null) return { row: found.row, created: found.created };
    const row = await this.amend(trx, found.row, { ...found.stored, phone: found.differingPhone }, actor, at, null);
    return { row, created: false };
  }

  /**
   * As {@link findOrCreate}, but an existing person is returned exactly as stored, never amended: the
   * public kiosk may not change anyone's details. A phone that differs from the stored one is handed
   * back (`differingPhone`) for the caller to hold until staff confirm it.
   */
  async findOrCreateUnchanged(
    trx: Executor,
    fields: PersonalFields,
    stationCode: string,
    actor: Actor,
    at: string,
  ): Promise<{ row: PersonRow; created: boolean; stored: PersonalFields; differingPhone: string | null }> {
    const existing = await this.findByDocument(trx, fields.documentKind, fields.documentNumber);
    if (existing) {
      const stored = openPersonal(this.protection, existing);
      if (stored.name !== fields.name) throw new AppError('person_details_mismatch');
      return { row: existing, created: false, stored, differingPhone: stored.phone === fields.phone ? null : fields.phone };
    }
    const row: PersonRow = {
      id: randomUUID(),
      station_code: stationCode,
      version: 1,
      document_kind: fields.documentKind,
      ...personLookupIndexes(this.protection, fields),
      personal: this.protection.seal(JSON.stringify(fields), 'person.personal'),
      created_at: at,
      updated_at: at,
    };
    await insertPerson(trx, row);
    await this.insertVersion(trx, row, fields, actor, null);
    return { row, created: true, stored: fields, differingPhone: null };
  }

  /** A new version of the person; refused with `version_conflict` when another desk wrote one meanwhile. */
  async amend(trx: Executor, current: PersonRow, fields: PersonalFields, actor: Actor, at: string, reason: string | null): Promise<PersonRow> {
    const changes = {
      version: current.version + 1,
      ...personLookupIndexes(this.protection, fields),
      personal: this.protection.seal(JSON.stringify(fields), 'person.personal'),
      updated_at: at,
    };
    if (!(await updatePersonVersion(trx, current.id, current.version, changes))) throw new AppError('version_conflict');
    const row = { ...current, ...changes };
    await this.insertVersion(trx, row, fields, actor, reason);
    return row;
  }

  private async insertVersion(trx: Executor, row: PersonRow, fields: PersonalFields, actor: Actor, reason: string | null): Promise<void> {
    await insertPersonVersion(trx, {
      person_id: row.id,
      version: row.version,
      at: row.updated_at,
      actor_id: actor.id,
      actor_role: actor.role,
      personal: this.protection.seal(JSON.stringify(fields), 'person_version.personal'),
      reason: this.protection.sealOptional(reason, 'person_version.reason'),
    });
  }
}

/** Recomputes the blind indexes of people indexed under an older key (see {@link Reindexer}). */
export async function reindexPeople(trx: Executor, protection: DataProtection, limit: number): Promise<number> {
  const rows = await peopleIndexedUnderOtherKeys(trx, protection.cipher.currentKeyId, limit);
  for (const row of rows) await updatePersonIndexes(trx, row.id, personLookupIndexes(protection, openPersonal(protection, row)));
  return rows.length;
}
