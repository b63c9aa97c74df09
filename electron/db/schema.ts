import type { Generated } from 'kysely';
import type { AidCaseState, AidPaymentMethod, AidProgramme, AidStep, AidStepOutcome } from '../../shared/domain/aid';
import type { DocumentEvent, DocumentState, DocumentSubjectType } from '../../shared/domain/documents';
import type { AudienceKind, SessionState } from '../../shared/domain/education';
import type { RegistrationState, StemCellStatus } from '../../shared/domain/lifecycle';
import type {
  AttendanceSource,
  Ceremony,
  FamilyConsentPurpose,
  FamilyContactChannel,
  FamilyContactKind,
  FamilyRelationCode,
  FollowUpKind,
  FollowUpState,
  InvitationState,
} from '../../shared/domain/family';
import type { MemorialDonationKind, MemorialEntryState } from '../../shared/domain/memorial-names';
import type { Program } from '../../shared/domain/programs';
import type { HeardFromKind, RegistrationEvent } from '../../shared/domain/registration';
import type { SerialDocument } from '../../shared/domain/registration-number';
import type { StaffRole } from '../../shared/domain/roles';
import type { StationKind } from '../../shared/domain/station';
import type { OutboxState, SyncBatchState, SyncRecordKind } from '../../shared/domain/sync';
import type { MessageState } from '../../shared/domain/visitors';

/**
 * Table types as kysely sees them; migrations in ./migrations are the source of truth. They describe the
 * database only: queries return and take the row types of ./rows.
 */
export interface StationTable {
  /** Always 1: a database belongs to exactly one station. */
  id: number;
  code: string;
  name: string;
  kind: StationKind;
  region_code: string;
  created_at: string;
}

export interface VisitorSignInTable {
  id: string;
  station_code: string;
  visited_at: string;
  party_size: number;
  purpose: string;
  /** Sealed (encrypted) since migration 0002. */
  visitor_name: string | null;
  version: number;
  /** Since 0005: family, friend, colleague, other. */
  relation: string | null;
  /** Since 0005, sealed. */
  group_name: string | null;
}

/** What an outbox row carries, apart from its state since migration 0013. */
export interface OutboxPayloadTable {
  seq: number;
  /** Sealed (encrypted) JSON since migration 0002: it carries personal data. */
  payload: string;
}

export interface OutboxTable {
  seq: Generated<number>;
  kind: SyncRecordKind;
  entity_id: string;
  version: number;
  created_at: string;
  /** Since 0010. */
  state: Generated<OutboxState>;
  /** The batch the row was last written into. */
  batch_seq: number | null;
  /** The person whose consent to report governs the row (registration and person records). */
  person_id: string | null;
  /** When the record's first version was made (the envelope's createdAt). */
  record_created_at: string | null;
  reject_code: string | null;
  reject_reason: string | null;
  reject_path: string | null;
  settled_at: string | null;
  /** Since 0014: when a batch file holding the row first left the station (the province may hold it); never cleared. */
  sent_at: string | null;
}

export interface SyncBatchTable {
  batch_seq: number;
  batch_id: string;
  state: SyncBatchState;
  first_seq: number | null;
  last_seq: number | null;
  record_count: number;
  omitted_count: number;
  resent_count: number;
  /** JSON object kind → lines. */
  kind_counts: string;
  /** The canonical manifest as signed (no personal data). */
  manifest: string;
  manifest_sha256: string;
  /** The .rsb file, base64, sealed; null once acknowledged or refused. */
  file: string | null;
  file_bytes: number;
  created_at: string;
  created_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
  sent_at: string | null;
  sent_via: string | null;
  send_attempts: Generated<number>;
  last_error: string | null;
  acknowledged_at: string | null;
  accepted_count: number | null;
  duplicate_count: number | null;
  rejected_count: number | null;
  /** The acknowledgement file as received, base64. */
  ack: string | null;
}

export interface ProvinceKeyTable {
  /** Key id: SHA-256 of the SPKI DER, hex. */
  id: string;
  use: 'signing' | 'encryption';
  pem: string;
  imported_at: string;
  imported_by: string | null;
  retired_at: string | null;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: string;
}

export interface DataKeyTable {
  id: string;
  check_value: string;
  created_at: string;
}

export interface StaffTable {
  id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  password_hash: string;
  pin_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  /** 1 while the account may sign in; 0 once an administrator disabled it. */
  active: number;
  /** 1 when an administrator reset the password (or PIN) and the person must choose a new one. */
  must_change_password: number;
  must_change_pin: number;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_role: string;
  station_code: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface StationSettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface MaintenanceTaskTable {
  task: string;
  requested_at: string;
}

/** A person, stored once; personal fields sealed together, found by blind indexes. */
export interface PersonTable {
  id: string;
  station_code: string;
  version: number;
  document_kind: string;
  document_key: string;
  name_key: string;
  phone_key: string;
  index_key_id: string;
  /** Sealed JSON of {@link PersonalFields}. */
  personal: string;
  created_at: string;
  updated_at: string;
}

export interface PersonVersionTable {
  person_id: string;
  version: number;
  at: string;
  actor_id: string | null;
  actor_role: string;
  personal: string;
  reason: string | null;
}

export interface RegistrationTable {
  id: string;
  number: string;
  person_id: string;
  program: string;
  state: RegistrationState;
  version: number;
  channel: string;
  /** Sealed JSON of the program choice. */
  details: string;
  stem_cell_status: StemCellStatus | null;
  sample_barcode: string | null;
  registered_on: string;
  typing_stopped: number;
  /** The day the donation took place (YYYY-MM-DD), once the registration is realised. */
  realised_on: string | null;
  /** How the person heard of donation; null when not asked or not answered. */
  heard_from: HeardFromKind | null;
  /** The education session they heard of it at, when `heard_from` is `session`. */
  heard_from_session_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface RegistrationVersionTable {
  registration_id: string;
  version: number;
  event: RegistrationEvent;
  state: RegistrationState;
  at: string;
  actor_id: string | null;
  actor_role: string;
  details: string;
  stem_cell_status: StemCellStatus | null;
  note: string | null;
}

export interface ConsentTable {
  id: Generated<number>;
  person_id: string;
  purpose: string;
  granted: number;
  text_version: string;
  at: string;
  signature_id: string | null;
}

export interface SignatureTable {
  id: string;
  person_id: string;
  kind: string;
  image: string | null;
  at: string;
}

export interface RefusalTable {
  id: string;
  person_id: string;
  recorded_at: string;
  statement: string | null;
  signature_id: string;
  revoked_at: string | null;
  revoke_reason: string | null;
}

export interface FollowUpTable {
  id: Generated<number>;
  registration_id: string;
  at: string;
  actor_id: string | null;
  outcome: string;
  note: string | null;
}

export interface NumberSequenceTable {
  scope: string;
  year: number;
  last: number;
}

/** The station's Ed25519 key for document QR codes; the id is the public key's fingerprint. */
export interface SigningKeyTable {
  id: string;
  /** SPKI DER, base64. */
  public_key: string;
  /** PKCS#8 DER, base64, sealed under the data key. */
  private_key: string;
  created_at: string;
}

/** A document with a serial number and where it stands in the closed loop. */
export interface DocumentTable {
  id: string;
  serial: string;
  kind: SerialDocument;
  subject_type: DocumentSubjectType;
  subject_id: string;
  person_id: string | null;
  language: string;
  state: DocumentState;
  issued_at: string;
  issued_by: string | null;
  /** The registration version a receipt or certificate attests (0009); null for a person's or a session's document. */
  subject_version: number | null;
  /** The signed QR payload. */
  payload: string;
  /** The copy this one re-issues (and voided). */
  replaces_id: string | null;
  /** The copy that re-issued this one. */
  replaced_by_id: string | null;
  voided_at: string | null;
  voided_by: string | null;
  /** Sealed. */
  void_reason: string | null;
  handed_over_at: string | null;
  handed_over_by: string | null;
  /** Sealed JSON of the recipient: name, relation, document masked. */
  recipient: string | null;
  /** Sealed PNG data URL of the recipient's drawn signature. */
  recipient_signature: string | null;
}

export interface DocumentEventTable {
  document_id: string;
  seq: number;
  event: DocumentEvent;
  at: string;
  actor_id: string | null;
  actor_role: string;
}

/** A visitor's message for the public wall and where staff moderation stands. */
export interface VisitorMessageTable {
  id: string;
  /** Cleared when the retention purge removes the sign-in of an approved message. */
  sign_in_id: string | null;
  station_code: string;
  written_at: string;
  /** Sealed. */
  body: string;
  /** Sealed: the author's name as the wall shows it (surname + `*`). */
  author_masked: string | null;
  relation: string | null;
  state: MessageState;
  version: number;
  decided_at: string | null;
  decided_by: string | null;
  /** Sealed. */
  reject_reason: string | null;
}

export interface StationDatabase {
  station: StationTable;
  visitor_sign_in: VisitorSignInTable;
  outbox: OutboxTable;
  outbox_payload: OutboxPayloadTable;
  sync_batch: SyncBatchTable;
  province_key: ProvinceKeyTable;
  schema_migration: SchemaMigrationTable;
  data_key: DataKeyTable;
  staff: StaffTable;
  audit_log: AuditLogTable;
  station_setting: StationSettingTable;
  maintenance_task: MaintenanceTaskTable;
  person: PersonTable;
  person_version: PersonVersionTable;
  registration: RegistrationTable;
  registration_version: RegistrationVersionTable;
  consent: ConsentTable;
  signature: SignatureTable;
  refusal: RefusalTable;
  follow_up: FollowUpTable;
  number_sequence: NumberSequenceTable;
  signing_key: SigningKeyTable;
  document: DocumentTable;
  document_event: DocumentEventTable;
  memorial_consent: MemorialConsentTable;
  memorial_entry: MemorialEntryTable;
  memorial_name_key: MemorialNameKeyTable;
  visitor_message: VisitorMessageTable;
  education_session: EducationSessionTable;
  education_group: EducationGroupTable;
  education_walk_in: EducationWalkInTable;
  education_survey: EducationSurveyTable;
  registration_tally: RegistrationTallyTable;
  registration_source_tally: RegistrationSourceTallyTable;
  stem_cell_tally: StemCellTallyTable;
  visit_tally: VisitTallyTable;
  kiosk_held_change: KioskHeldChangeTable;
  kiosk_receipt_session: KioskReceiptSessionTable;
  donor_family: DonorFamilyTable;
  family_member: FamilyMemberTable;
  family_member_version: FamilyMemberVersionTable;
  family_consent: FamilyConsentTable;
  family_follow_up: FamilyFollowUpTable;
  family_contact: FamilyContactTable;
  family_invitation: FamilyInvitationTable;
  family_care_year: FamilyCareYearTable;
  aid_case: AidCaseTable;
  aid_step: AidStepTable;
}

/** The family of a donor, opened from the realised registration of the donation (migration 0019). */
export interface DonorFamilyTable {
  id: string;
  station_code: string;
  registration_id: string;
  person_id: string;
  programme: Program;
  donated_on: string;
  preferred_channel: FamilyContactChannel;
  /** 1 while the family asked not to be contacted. */
  do_not_contact: number;
  /** Sealed. */
  do_not_contact_reason: string | null;
  version: number;
  opened_at: string;
  opened_by: string | null;
  updated_at: string;
}

/** A member of a donor's family (0019). */
export interface FamilyMemberTable {
  id: string;
  family_id: string;
  relation_code: FamilyRelationCode;
  /** Sealed JSON: name, phone, address. */
  details: string;
  is_executor: number;
  consented: number;
  do_not_contact: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Every version of a member's details (0019). */
export interface FamilyMemberVersionTable {
  member_id: string;
  version: number;
  relation_code: FamilyRelationCode;
  /** Sealed JSON, as in family_member. */
  details: string;
  is_executor: number;
  consented: number;
  do_not_contact: number;
  at: string;
  actor_id: string | null;
}

/** A family's consent to one purpose; append-only, the latest per purpose stands (0019). */
export interface FamilyConsentTable {
  id: string;
  family_id: string;
  member_id: string;
  purpose: FamilyConsentPurpose;
  granted: number;
  given_on: string;
  text_version: string;
  recorded_at: string;
  recorded_by: string | null;
}

/** One follow-up of a family's care plan (0019). */
export interface FamilyFollowUpTable {
  id: string;
  family_id: string;
  kind: FollowUpKind;
  /** Days after the donation, or the year of a Qingming visit; null for a next step staff set. */
  slot: number | null;
  due_on: string;
  state: FollowUpState;
  contact_id: string | null;
  created_at: string;
  closed_at: string | null;
}

/** A contact made with a family (0019). */
export interface FamilyContactTable {
  id: string;
  family_id: string;
  follow_up_id: string | null;
  kind: FamilyContactKind;
  contacted_on: string;
  member_id: string | null;
  /** Sealed. */
  needs: string | null;
  /** Sealed. */
  next_step: string | null;
  recorded_at: string;
  recorded_by: string | null;
}

/** An invitation of a family to a remembrance ceremony of a year (0019). */
export interface FamilyInvitationTable {
  id: string;
  family_id: string;
  ceremony: Ceremony;
  year: number;
  code: string;
  state: InvitationState;
  invited_at: string;
  invited_by: string | null;
  answered_at: string | null;
  attended_at: string | null;
  attended_source: AttendanceSource | null;
  /** When staff re-opened a declined ceremony for the family's later years. */
  reopened_at: string | null;
}

/** The version of a family's yearly care summary sent to the province (0019). */
export interface FamilyCareYearTable {
  /** The record's entity id at the province. */
  id: string;
  family_id: string;
  year: number;
  version: number;
}

/** An aid case of a donor family (migration 0020); money in fen. */
export interface AidCaseTable {
  id: string;
  station_code: string;
  family_id: string;
  programme: AidProgramme;
  /** JSON of the cause (`AidCause`); names no one. */
  cause: string;
  cause_key: string;
  state: AidCaseState;
  version: number;
  applicant_member_id: string;
  /** Sealed. */
  reason: string;
  /** JSON array of the kinds of papers seen (`AidDocumentKind`). */
  documents_seen: string;
  amount_asked_fen: number;
  amount_proposed_fen: number | null;
  amount_granted_fen: number | null;
  notice_from: string | null;
  notice_to: string | null;
  paid_on: string | null;
  payment_method: AidPaymentMethod | null;
  recipient_member_id: string | null;
  /** Sealed PNG data URL of the recipient's drawn signature. */
  recipient_signature: string | null;
  opened_at: string;
  opened_by: string | null;
}

/** One step taken in an aid case's approval chain (migration 0020); appended, never changed. */
export interface AidStepTable {
  id: string;
  case_id: string;
  seq: number;
  step: AidStep;
  outcome: AidStepOutcome;
  amount_fen: number | null;
  /** Sealed. */
  note: string | null;
  taken_at: string;
  taken_by: string;
}

/** A new phone typed at the public kiosk for a person on file, waiting for staff (migration 0015). */
export interface KioskHeldChangeTable {
  id: string;
  person_id: string;
  /** Sealed. */
  phone: string;
  held_at: string;
  state: 'pending' | 'confirmed' | 'discarded';
  decided_at: string | null;
  decided_by: string | null;
}

/** The hashed key of the kiosk caller that registered, per kiosk receipt (migration 0015). */
export interface KioskReceiptSessionTable {
  document_id: string;
  session_hash: string;
}

/** A life-education session; `session_date` is the Beijing date of its start. */
export interface EducationSessionTable {
  id: string;
  station_code: string;
  title: string;
  starts_at: string;
  ends_at: string;
  session_date: string;
  venue: string;
  host: string;
  audience_kind: AudienceKind;
  expected_head_count: number;
  state: SessionState;
  /** Sealed. */
  cancel_reason: string | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

/** A group checked in to a session; the contact adult's name and phone are sealed. */
export interface EducationGroupTable {
  id: string;
  session_id: string;
  station_code: string;
  organisation: string;
  contact_name: string;
  contact_phone: string;
  head_count: number;
  age_band: string;
  checked_in_at: string;
  checked_in_by: string | null;
}

export interface EducationWalkInTable {
  id: string;
  session_id: string;
  station_code: string;
  count: number;
  recorded_at: string;
  recorded_by: string | null;
}

export interface EducationSurveyTable {
  id: string;
  session_id: string;
  station_code: string;
  score: number;
  /** Sealed. */
  comment: string | null;
  answered_at: string;
}

/** A family's consent to publishing a donor's name on the memorial wall. */
export interface MemorialConsentTable {
  id: string;
  /** Sealed JSON of the consenting relative: name, relation, document kind and masked number. */
  relative: string;
  signature_kind: string;
  /** Sealed PNG data URL of the drawn signature; null when signed on paper. */
  signature: string | null;
  given_on: string;
  text_version: string;
  recorded_at: string;
  recorded_by: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  /** Sealed. */
  withdraw_reason: string | null;
}

/** A name on the memorial wall; the name is plain while published, sealed once the consent is withdrawn. */
export interface MemorialEntryTable {
  id: string;
  station_code: string;
  consent_id: string;
  state: MemorialEntryState;
  version: number;
  published_name: string | null;
  /** Sealed; set when the consent is withdrawn. */
  withdrawn_name: string | null;
  donation_kind: MemorialDonationKind;
  engraving_year: number;
  wall_location: string;
  person_id: string | null;
  created_at: string;
  created_by: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

/** One search key (characters, pinyin or initials) of a published memorial name, with what orders the matches. */
export interface MemorialNameKeyTable {
  key: string;
  entry_id: string;
  engraving_year: number;
  sort_key: string;
}

/** Registrations per Beijing day, station code of the record, program and event (0012, kept by triggers). */
export interface RegistrationTallyTable {
  day: string;
  station_code: string;
  program: string;
  /** registered, withdrawn or realised. */
  event: string;
  count: number;
}

/** Registrations per registration day and station by where the person heard of donation and the session named (0012). */
export interface RegistrationSourceTallyTable {
  day: string;
  station_code: string;
  /** '' when not given. */
  heard_from: string;
  /** '' when no session was named. */
  session_id: string;
  count: number;
}

/** Stem-cell volunteers per sign-up day, station, current step and current follow-up contact consent (0012). */
export interface StemCellTallyTable {
  day: string;
  station_code: string;
  status: string;
  contact_consent: number;
  count: number;
}

/** Memorial sign-ins and people per Beijing day and site (0012); never decremented by the retention purge. */
export interface VisitTallyTable {
  day: string;
  station_code: string;
  sign_ins: number;
  people: number;
}
