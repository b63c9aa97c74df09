import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  AuditLogTable,
  ConsentTable,
  DataKeyTable,
  DocumentEventTable,
  DocumentTable,
  EducationGroupTable,
  EducationSessionTable,
  EducationSurveyTable,
  EducationWalkInTable,
  FollowUpTable,
  KioskHeldChangeTable,
  MemorialConsentTable,
  MemorialEntryTable,
  MemorialNameKeyTable,
  OutboxTable,
  PersonTable,
  PersonVersionTable,
  ProvinceKeyTable,
  RefusalTable,
  RegistrationTable,
  RegistrationVersionTable,
  SignatureTable,
  SigningKeyTable,
  StaffTable,
  StationTable,
  SyncBatchTable,
  VisitorMessageTable,
  VisitorSignInTable,
} from './schema';

/*
 * The rows the repositories read and write, derived from the table types of ./schema: `XRow` as a query
 * returns it, `NewXRow` as an insert takes it (columns the database fills in are optional), `XRowUpdate`
 * as an update takes it (every column optional). The table types themselves describe the database only.
 */

/** The station's own row. */
export type StationRow = Selectable<StationTable>;
/** The station's row as setup writes it. */
export type NewStationRow = Insertable<StationTable>;

/** A memorial visitor's sign-in. */
export type VisitorSignInRow = Selectable<VisitorSignInTable>;
/** A sign-in as the kiosk records it. */
export type NewVisitorSignInRow = Insertable<VisitorSignInTable>;

/** An outbox row: which change it queues and where it stands, without what it carries. */
export type OutboxRow = Selectable<OutboxTable>;

/** A batch of outbox rows for the province. */
export type SyncBatchRow = Selectable<SyncBatchTable>;
/** A batch as it is written (its send attempts start at 0). */
export type NewSyncBatchRow = Insertable<SyncBatchTable>;
/** A change to a written batch. */
export type SyncBatchRowUpdate = Updateable<SyncBatchTable>;

/** A public key of the province. */
export type ProvinceKeyRow = Selectable<ProvinceKeyTable>;
/** A province key as it is imported. */
export type NewProvinceKeyRow = Insertable<ProvinceKeyTable>;

/** A data key's id and check value (never the key). */
export type DataKeyRow = Selectable<DataKeyTable>;
/** A data key's id and check value as they are recorded. */
export type NewDataKeyRow = Insertable<DataKeyTable>;

/** A staff account. */
export type StaffRow = Selectable<StaffTable>;
/** A staff account as it is created. */
export type NewStaffRow = Insertable<StaffTable>;
/** A change to a staff account. */
export type StaffRowUpdate = Updateable<StaffTable>;

/** An entry of the audit trail. */
export type AuditLogRow = Selectable<AuditLogTable>;
/** An entry of the audit trail as it is appended. */
export type NewAuditLogRow = Insertable<AuditLogTable>;

/** A person's current version. */
export type PersonRow = Selectable<PersonTable>;
/** A person as first recorded. */
export type NewPersonRow = Insertable<PersonTable>;

/** One earlier version of a person. */
export type PersonVersionRow = Selectable<PersonVersionTable>;
/** A person's version as it is kept. */
export type NewPersonVersionRow = Insertable<PersonVersionTable>;

/** A registration's current version. */
export type RegistrationRow = Selectable<RegistrationTable>;
/** A registration as first recorded. */
export type NewRegistrationRow = Insertable<RegistrationTable>;
/** A change to a registration's row. */
export type RegistrationRowUpdate = Updateable<RegistrationTable>;

/** One entry of a registration's history. */
export type RegistrationVersionRow = Selectable<RegistrationVersionTable>;
/** An entry of a registration's history as it is appended. */
export type NewRegistrationVersionRow = Insertable<RegistrationVersionTable>;

/** One answer of a person to one consent purpose. */
export type ConsentRow = Selectable<ConsentTable>;
/** A consent answer as it is recorded (the database numbers it). */
export type NewConsentRow = Insertable<ConsentTable>;

/** A person's signature. */
export type SignatureRow = Selectable<SignatureTable>;
/** A signature as it is recorded. */
export type NewSignatureRow = Insertable<SignatureTable>;

/** A person's refusal to donate. */
export type RefusalRow = Selectable<RefusalTable>;
/** A refusal as it is recorded. */
export type NewRefusalRow = Insertable<RefusalTable>;

/** A follow-up call to a stem-cell volunteer. */
export type FollowUpRow = Selectable<FollowUpTable>;
/** A follow-up call as it is recorded (the database numbers it). */
export type NewFollowUpRow = Insertable<FollowUpTable>;

/** The station's key for document QR codes. */
export type SigningKeyRow = Selectable<SigningKeyTable>;
/** The station's signing key as it is made. */
export type NewSigningKeyRow = Insertable<SigningKeyTable>;

/** A document with a serial number. */
export type DocumentRow = Selectable<DocumentTable>;
/** A document as it is issued. */
export type NewDocumentRow = Insertable<DocumentTable>;
/** A change to a document's row. */
export type DocumentRowUpdate = Updateable<DocumentTable>;

/** One event of a document's history. */
export type DocumentEventRow = Selectable<DocumentEventTable>;
/** An event of a document's history as it is appended. */
export type NewDocumentEventRow = Insertable<DocumentEventTable>;

/** A visitor's message for the public wall. */
export type VisitorMessageRow = Selectable<VisitorMessageTable>;
/** A visitor's message as it is left. */
export type NewVisitorMessageRow = Insertable<VisitorMessageTable>;

/** A phone typed at the kiosk, waiting for staff. */
export type KioskHeldChangeRow = Selectable<KioskHeldChangeTable>;
/** A held phone change as the kiosk records it. */
export type NewKioskHeldChangeRow = Insertable<KioskHeldChangeTable>;

/** A life-education session. */
export type EducationSessionRow = Selectable<EducationSessionTable>;
/** A session as it is scheduled. */
export type NewEducationSessionRow = Insertable<EducationSessionTable>;
/** A change to a session's row. */
export type EducationSessionRowUpdate = Updateable<EducationSessionTable>;

/** A group checked in to a session. */
export type EducationGroupRow = Selectable<EducationGroupTable>;
/** A group as it checks in. */
export type NewEducationGroupRow = Insertable<EducationGroupTable>;

/** Walk-ins counted at a session. */
export type EducationWalkInRow = Selectable<EducationWalkInTable>;
/** Walk-ins as staff count them. */
export type NewEducationWalkInRow = Insertable<EducationWalkInTable>;

/** An answer to a session's survey. */
export type EducationSurveyRow = Selectable<EducationSurveyTable>;
/** A survey answer as it is given. */
export type NewEducationSurveyRow = Insertable<EducationSurveyTable>;

/** A family's consent to publishing a name on the memorial wall. */
export type MemorialConsentRow = Selectable<MemorialConsentTable>;
/** A family's consent as it is recorded. */
export type NewMemorialConsentRow = Insertable<MemorialConsentTable>;

/** A name on the memorial wall. */
export type MemorialEntryRow = Selectable<MemorialEntryTable>;
/** A name as it is published. */
export type NewMemorialEntryRow = Insertable<MemorialEntryTable>;

/** One search key of a published name. */
export type MemorialNameKeyRow = Selectable<MemorialNameKeyTable>;
/** A search key as it is made. */
export type NewMemorialNameKeyRow = Insertable<MemorialNameKeyTable>;
