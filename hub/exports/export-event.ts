/**
 * What an export writes a row for: one registration version the hub holds (a registration, a change, a
 * withdrawal by the registrant), or a consent withdrawal that erased a registration a platform had received.
 */

/** The kinds of event a platform receives; the manifest counts rows per kind. */
export const exportEventTypes = ['registered', 'changed', 'withdrawn'] as const;
export type ExportEventType = (typeof exportEventTypes)[number];

/** The event types as the platforms' files name them. */
export const EVENT_TYPE_TEXT: Readonly<Record<ExportEventType, string>> = { registered: '新增', changed: '变更', withdrawn: '撤销' };

/** A contact a stem-cell volunteer named. */
export interface ExportContact {
  name: string | null;
  relation: string;
  phone: string | null;
}

/** The fields of a `registration` payload the exports read (docs/sync-protocol.md §5.3). */
export interface ExportedRegistration {
  number: string;
  program: string;
  state: string;
  /** What made this version: created, amended, body_paperwork, stem_cell_status, withdrawn, realised. */
  event: string;
  channel: string | null;
  realisedOn: string | null;
  person: {
    name: string | null;
    documentKind: string;
    documentNumber: string;
    birthDate: string | null;
    sex: string | null;
    ethnicGroup: string | null;
    phone: string | null;
  };
  /** Organ choice: `all`, or the organs chosen; null for other programs. */
  organs: 'all' | string[] | null;
  stemCell: { status: string | null; sampleBarcode: string | null; bloodType: string | null; contacts: ExportContact[] } | null;
  body: {
    executor: { kind: string; name: string | null; phone: string | null; documentKind: string | null; documentNumber: string | null } | null;
    relatives: { relation: string; name: string | null; agrees: boolean }[];
    noCloseRelatives: boolean;
  } | null;
}

/** One row's worth of an export, before a platform's column map turns it into cells. */
export interface ExportEvent {
  /** `record_version.seq` of the version, or of the tombstone for a consent withdrawal. */
  seq: number;
  type: ExportEventType;
  /** Why: the registration's `event`, or `consent_withdrawn`. */
  reason: string;
  /** When the station committed it (ISO-8601 UTC). */
  at: string;
  stationCode: string;
  /** The station's region (GB/T 2260, six digits). */
  stationRegion: string;
  entityId: string;
  version: number;
  registrationNumber: string;
  program: string;
  /** The version's fields; null for a consent withdrawal, whose record is erased. */
  registration: ExportedRegistration | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Whether the version's own consents grant `provincial_sync` (the latest by `at` when named twice). */
export function grantsReporting(payload: unknown): boolean {
  if (!isObject(payload) || !Array.isArray(payload.consents)) return false;
  let latest: { granted: boolean; at: string } | null = null;
  for (const consent of payload.consents) {
    if (!isObject(consent) || consent.purpose !== 'provincial_sync' || typeof consent.granted !== 'boolean') continue;
    const at = text(consent.at) ?? '';
    if (latest === null || at >= latest.at) latest = { granted: consent.granted, at };
  }
  return latest?.granted ?? false;
}

function organChoice(choice: Record<string, unknown>): 'all' | string[] | null {
  if (!isObject(choice.organs)) return null;
  if (choice.organs.kind === 'all') return 'all';
  return Array.isArray(choice.organs.organs) ? choice.organs.organs.filter((organ): organ is string => typeof organ === 'string') : null;
}

function stemCellFacts(payload: Record<string, unknown>, choice: Record<string, unknown>): ExportedRegistration['stemCell'] {
  const contacts = Array.isArray(choice.emergencyContacts) ? choice.emergencyContacts.filter(isObject) : [];
  return {
    status: text(payload.stemCellStatus),
    sampleBarcode: text(payload.sampleBarcode),
    bloodType: text(choice.bloodType),
    contacts: contacts.map((contact) => ({ name: text(contact.name), relation: text(contact.relation) ?? 'other', phone: text(contact.phone) })),
  };
}

function bodyFacts(choice: Record<string, unknown>): ExportedRegistration['body'] {
  if (!isObject(choice.paperwork)) return { executor: null, relatives: [], noCloseRelatives: false };
  const { executor, relatives, noCloseRelatives } = choice.paperwork;
  const document = isObject(executor) && isObject(executor.document) ? executor.document : null;
  return {
    executor: isObject(executor)
      ? { kind: text(executor.kind) ?? 'relative', name: text(executor.name), phone: text(executor.phone), documentKind: text(document?.kind), documentNumber: text(document?.number) }
      : null,
    relatives: (Array.isArray(relatives) ? relatives.filter(isObject) : []).map((relative) => ({
      relation: text(relative.relation) ?? 'other',
      name: text(relative.name),
      agrees: relative.agrees === true,
    })),
    noCloseRelatives: noCloseRelatives === true,
  };
}

/** The exported fields of a `registration` payload, or null when it does not have the shape (it is then left out). */
export function exportedRegistration(payload: unknown): ExportedRegistration | null {
  if (!isObject(payload) || !isObject(payload.person)) return null;
  const { number, program, state, event } = payload;
  const person = payload.person;
  const documentKind = text(person.documentKind);
  const documentNumber = text(person.documentNumber);
  if (typeof number !== 'string' || typeof program !== 'string' || typeof state !== 'string' || documentKind === null || documentNumber === null) return null;
  const choice = isObject(payload.choice) ? payload.choice : {};
  return {
    number,
    program,
    state,
    event: text(event) ?? 'created',
    channel: text(payload.channel),
    realisedOn: text(payload.realisedOn),
    person: {
      name: text(person.name),
      documentKind,
      documentNumber,
      birthDate: text(person.birthDate),
      sex: text(person.sex),
      ethnicGroup: text(person.ethnicGroup),
      phone: text(person.phone),
    },
    organs: program === 'organ' ? organChoice(choice) : null,
    stemCell: program === 'stem_cell' ? stemCellFacts(payload, choice) : null,
    body: program === 'body' ? bodyFacts(choice) : null,
  };
}

/**
 * A version's event type: a withdrawn state is a withdrawal; the first version, or the first after a tombstone
 * erased every earlier one (`erasedThrough`, 0 when none), a registration; any other a change.
 */
export function eventTypeOf(version: number, registration: ExportedRegistration, erasedThrough = 0): ExportEventType {
  if (registration.state === 'withdrawn') return 'withdrawn';
  return version === 1 || erasedThrough >= version - 1 ? 'registered' : 'changed';
}
