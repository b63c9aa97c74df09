import { randomUUID } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../../shared/contract/calls';
import { maskDocumentNumber, maskName } from '../../../shared/domain/masking';
import type { ConsentingRelation } from '../../../shared/domain/memorial-names';
import type { DocumentKind } from '../../../shared/validation/identity-document';
import type { MemorialConsentRow, MemorialEntryRow, MemorialNameKeyRow } from '../../db/rows';
import type { MemorialEntryWithConsent } from '../../db/repositories/memorial-names';
import type { Actor } from '../kernel/audit';
import type { DataProtection } from '../kernel/data-protection';
import { nameSearchKeys } from './memorial-name-keys';
import { assertEnoughInk } from '../kernel/signature-ink';

export type MemorialEntryView = CallOutput<'nameList:add'>;

/** The consenting relative as stored (sealed): the document number is already masked. */
export interface StoredRelative {
  name: string;
  relation: ConsentingRelation;
  documentKind: DocumentKind;
  document: string;
}

/** The rows one new entry is stored as: its consent, the entry itself and the search keys of its name. */
export interface NewMemorialEntry {
  consent: MemorialConsentRow;
  entry: MemorialEntryRow;
  keys: MemorialNameKeyRow[];
}

export interface NewEntryContext {
  stationCode: string;
  actor: Actor;
  /** When it is recorded, ISO 8601. */
  at: string;
}

/**
 * Builds the rows of a new entry from a parsed input: the relative's details sealed with their document
 * number masked (the consent has to show whose document was seen, not keep the number), the signature
 * sealed, the published name in plain text with its search keys (see migration 0006 for why).
 */
export function newMemorialEntry(input: ParsedInput<'nameList:add'>, protection: DataProtection, context: NewEntryContext): NewMemorialEntry {
  const { consent } = input;
  if (consent.signature.kind === 'drawn') assertEnoughInk(consent.signature.image, 'consent.signature.image');
  const relative: StoredRelative = {
    name: consent.relativeName,
    relation: consent.relation,
    documentKind: consent.relativeDocument.kind,
    document: maskDocumentNumber(consent.relativeDocument.normalized),
  };
  const consentRow: MemorialConsentRow = {
    id: randomUUID(),
    relative: protection.seal(JSON.stringify(relative), 'memorial_consent.relative'),
    signature_kind: consent.signature.kind,
    signature: consent.signature.kind === 'drawn' ? protection.seal(consent.signature.image, 'memorial_consent.signature') : null,
    given_on: consent.givenOn,
    text_version: consent.textVersion,
    recorded_at: context.at,
    recorded_by: context.actor.id,
    withdrawn_at: null,
    withdrawn_by: null,
    withdraw_reason: null,
  };
  const entry: MemorialEntryRow = {
    id: randomUUID(),
    station_code: context.stationCode,
    consent_id: consentRow.id,
    state: 'published',
    version: 1,
    published_name: input.publishedName,
    withdrawn_name: null,
    donation_kind: input.donationKind,
    engraving_year: input.engravingYear,
    wall_location: input.wallLocation,
    person_id: input.personId,
    created_at: context.at,
    created_by: context.actor.id,
    withdrawn_at: null,
    withdrawn_by: null,
  };
  return { consent: consentRow, entry, keys: searchKeyRows(entry.id, input.publishedName, entry.engraving_year) };
}

export function openRelative(protection: DataProtection, consent: MemorialConsentRow): StoredRelative {
  return JSON.parse(protection.open(consent.relative, 'memorial_consent.relative')) as StoredRelative;
}

/** The name of an entry: in full while published (the family made it public), masked once withdrawn. */
function entryName(protection: DataProtection, entry: MemorialEntryRow): string {
  if (entry.published_name !== null) return entry.published_name;
  return maskName(protection.openOptional(entry.withdrawn_name, 'memorial_entry.withdrawn_name') ?? '');
}

/** Entries as the staff desk shows them: the relative's name and document masked, staff by display name. */
export function memorialEntryViews(
  protection: DataProtection,
  staffNames: ReadonlyMap<string, string>,
  rows: MemorialEntryWithConsent[],
): MemorialEntryView[] {
  const nameOf = (id: string | null) => (id === null ? null : (staffNames.get(id) ?? null));
  return rows.map(({ entry, consent }) => {
    const relative = openRelative(protection, consent);
    return {
      id: entry.id,
      state: entry.state,
      name: entryName(protection, entry),
      donationKind: entry.donation_kind,
      engravingYear: entry.engraving_year,
      wallLocation: entry.wall_location,
      personId: entry.person_id,
      createdAt: entry.created_at,
      createdBy: nameOf(entry.created_by),
      withdrawn: entry.withdrawn_at === null ? null : { at: entry.withdrawn_at, by: nameOf(entry.withdrawn_by) },
      consent: {
        relativeName: maskName(relative.name),
        relation: relative.relation,
        relativeDocumentKind: relative.documentKind,
        relativeDocument: relative.document,
        signature: consent.signature_kind as 'drawn' | 'paper',
        givenOn: consent.given_on,
        textVersion: consent.text_version,
      },
    };
  });
}

/**
 * The entry as the provincial system receives it. The published name goes out while the consent stands
 * (it is public by the family's decision) and is sent as null with the withdrawal, which tells the
 * province to take it down too; the relative's name goes out masked, as on documents.
 */
export function memorialEntrySyncPayload(protection: DataProtection, { entry, consent }: MemorialEntryWithConsent) {
  const relative = openRelative(protection, consent);
  return {
    id: entry.id,
    stationCode: entry.station_code,
    state: entry.state,
    version: entry.version,
    name: entry.published_name,
    donationKind: entry.donation_kind,
    engravingYear: entry.engraving_year,
    wallLocation: entry.wall_location,
    personId: entry.person_id,
    createdAt: entry.created_at,
    withdrawnAt: entry.withdrawn_at,
    consent: {
      id: consent.id,
      relativeName: maskName(relative.name),
      relation: relative.relation,
      relativeDocumentKind: relative.documentKind,
      relativeDocument: relative.document,
      signature: consent.signature_kind,
      givenOn: consent.given_on,
      textVersion: consent.text_version,
      withdrawnAt: consent.withdrawn_at,
    },
  };
}

/** The rows that let the public list find a published name, in every spelling it can be searched by. */
export function searchKeyRows(entryId: string, publishedName: string, engravingYear: number): MemorialNameKeyRow[] {
  const { keys, sortKey } = nameSearchKeys(publishedName);
  return keys.map((key) => ({ key, entry_id: entryId, engraving_year: engravingYear, sort_key: sortKey }));
}
