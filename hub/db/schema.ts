import type { ColumnType } from 'kysely';
import type { StationKind } from '../../shared/domain/station';

/**
 * A moment: `timestamptz` on PostgreSQL (read back as a Date), ISO-8601 UTC text on SQLite. Written as ISO
 * text on both; repositories read it through `momentText`.
 */
export type Moment = ColumnType<Date | string, string, string>;

/** A number the database counts up and never takes from an insert (`bigint` identity on PostgreSQL, read back as text; integer on SQLite). */
export type Serial = ColumnType<string | number | bigint, never, never>;

/** The migrations applied, by name (the hub's schema level). */
export interface HubMigrationTable {
  name: string;
  applied_at: Moment;
}

/** A station registered by the province. Every key starts with the province code (GB/T 2260, 2 digits). */
export interface StationTable {
  province_code: string;
  code: string;
  kind: StationKind;
  /** The station's region (GB/T 2260, 6 digits); its prefecture is the first four. */
  region_code: string;
  name: string;
  registered_at: Moment;
}

/** A station's signing key; the primary key makes a key belong to one station only. */
export interface StationKeyTable {
  province_code: string;
  /** SHA-256 of the SubjectPublicKeyInfo DER, hex: the manifest's `stationKeyId`. */
  key_fingerprint: string;
  station_code: string;
  public_key_spki: Buffer;
  registered_at: Moment;
}

/** A batch taken: held once by its id and once by its manifest's hash. */
export interface BatchTable {
  province_code: string;
  batch_id: string;
  station_code: string;
  batch_seq: number;
  manifest_sha256: string;
  audit_seq: number;
  audit_hash: string;
  received_at: Moment;
  /** The signed acknowledgement, replayed byte for byte; written in the same transaction as the row. */
  ack: Buffer | null;
}

/** One record version held, once by (station, kind, entity, version). */
export interface RecordVersionTable {
  /** The order the hub took versions in: what exports read from, never a timestamp. */
  seq: Serial;
  province_code: string;
  station_code: string;
  entity_kind: string;
  entity_id: string;
  version: number;
  /** SHA-256 of the canonical payload, hex (docs/sync-protocol.md §5.2). */
  content_sha256: string;
  /** The payload as sealed at rest; null once a consent withdrawal erased it. */
  sealed_payload: Buffer | null;
  /** When the station committed the change (its clock). */
  changed_at: Moment;
  batch_id: string;
  /** The line's outbox seq at the station. */
  line_seq: number;
}

/** A record version refused because another content is held under its version, kept for review. */
export interface RecordVersionConflictTable {
  id: Serial;
  province_code: string;
  station_code: string;
  entity_kind: string;
  entity_id: string;
  version: number;
  content_sha256: string;
  held_content_sha256: string;
  sealed_payload: Buffer;
  changed_at: Moment;
  batch_id: string;
  line_seq: number;
  reviewed_at: Moment | null;
}

/** A person of the province: one per identity document, found by a blind index, their personal fields sealed (migration 0002). */
export interface PersonTable {
  province_code: string;
  /** HMAC of document kind and normalised number under the hub's data key (`HubSealer.personKey`). */
  person_key: string;
  /** Name, document, birth date, sex, ethnic group, phone: sealed JSON. */
  sealed_fields: Buffer;
  created_at: Moment;
  updated_at: Moment;
}

/** A station's registration (one program of one person), as its latest version stands. */
export interface PersonRegistrationTable {
  province_code: string;
  station_code: string;
  /** The `registration` record's entity id at the station. */
  registration_id: string;
  /** Null while the registration waits for review (its document is held with another name or birth date). */
  person_key: string | null;
  /** The station's own id of the person (an opaque UUID). */
  station_person_id: string;
  program: string;
  /** The latest version's state: active, withdrawn or realised. */
  state: string;
  latest_version: number;
  registered_at: Moment;
  /** When the station committed the latest version. */
  state_changed_at: Moment;
  /** The latest version's `stemCellStatus`; null for other programs, and for rows held before migration 0004. */
  stem_cell_status: string | null;
  /** The person's `follow_up_contact` consent in the latest version: 1 granted, 0 refused, null when it carries none (migration 0004). */
  follow_up_consent: number | null;
}

/** A document seen at a station with another name or birth date than the person held: both sides sealed, never merged by guess. */
export interface PersonReviewTable {
  id: Serial;
  province_code: string;
  person_key: string;
  /** The station that sent the differing details, and its record (a registration, or a person's contact change). */
  station_code: string;
  registration_id: string;
  /** `registration` or `person`: the kind of the record `registration_id` names (migration 0004). */
  record_kind: ColumnType<string, string | undefined, string>;
  /** The stations whose registrations hold the person's details, comma-separated. */
  held_station_codes: string;
  sealed_held: Buffer;
  sealed_seen: Buffer;
  seen_at: Moment;
  reviewed_at: Moment | null;
  /** The standing decision (`confirm_same` or `keep_apart`); null while open or once undone (migration 0008). */
  decision: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A record a consent tombstone erased through a version: versions up to it are erased, also when they arrive later. */
export interface RecordErasureTable {
  province_code: string;
  station_code: string;
  entity_kind: string;
  entity_id: string;
  through_version: number;
  /** The tombstone's entity id. */
  tombstone_id: string;
  erased_at: Moment;
}

/** A memorial park visit (`visitor_sign_in`), as its latest version stands (migration 0005). */
export interface ActivityVisitTable {
  province_code: string;
  station_code: string;
  visit_id: string;
  visited_at: Moment;
  party_size: number;
  purpose: string;
  version: number;
}

/** A life-education session (`education_session`), as its latest version stands. */
export interface ActivitySessionTable {
  province_code: string;
  station_code: string;
  session_id: string;
  /** The session's day in China Standard Time, YYYY-MM-DD. */
  session_date: string;
  starts_at: Moment;
  /** scheduled or cancelled. */
  state: string;
  audience_kind: string;
  version: number;
  /** When the station committed the latest version. */
  changed_at: Moment;
}

/** People counted at a session: a group's head count or a walk-in count (negative when it corrects one). */
export interface ActivityAttendanceTable {
  province_code: string;
  station_code: string;
  /** `education_group` or `education_walk_in`. */
  entry_kind: string;
  entry_id: string;
  session_id: string;
  people: number;
  recorded_at: Moment;
  version: number;
}

/** One five-point survey answer given at a session. */
export interface ActivitySurveyAnswerTable {
  province_code: string;
  station_code: string;
  answer_id: string;
  session_id: string;
  score: number;
  answered_at: Moment;
  version: number;
}

/** A donor's family (`donor_family`, migration 0012), as its latest version stands: codes and days, no person. */
export interface CareFamilyTable {
  province_code: string;
  station_code: string;
  family_id: string;
  /** The donor's realised registration. */
  registration_id: string;
  /** YYYY-MM-DD. */
  donated_on: string;
  /** The day the station opened the family, YYYY-MM-DD in China Standard Time. */
  opened_on: string;
  /** 1 when the family asked not to be contacted. */
  do_not_contact: number;
  /** Each purpose's standing consent: 1 granted, 0 refused, null when never asked. */
  consent_name_engraving: number | null;
  consent_publicity: number | null;
  consent_contact: number | null;
  version: number;
}

/** One family's care in one year (`family_care_year`, migration 0012): counts only. */
export interface CareFamilyYearTable {
  province_code: string;
  station_code: string;
  /** The record's own entity id (one per family and year). */
  record_id: string;
  family_id: string;
  year: number;
  phone_calls: number;
  home_visits: number;
  festival_visits: number;
  /** Every contact of the year, whatever its kind. */
  contacts: number;
  follow_ups_done: number;
  follow_ups_stopped: number;
  invitations: number;
  accepted: number;
  attended: number;
  version: number;
}

/** An aid case of a donor family (`aid_case`, migration 0012) at its latest step; money in fen. */
export interface CareAidCaseTable {
  province_code: string;
  station_code: string;
  case_id: string;
  family_id: string;
  programme: string;
  state: string;
  /** The day of the application step, YYYY-MM-DD in China Standard Time. */
  applied_on: string;
  amount_granted_fen: number | null;
  notice_from: string | null;
  notice_to: string | null;
  paid_on: string | null;
  version: number;
}

/** A prefecture's population for a year, set by the province: what the yearly reach target is a share of. */
export interface PrefecturePopulationTable {
  province_code: string;
  /** GB/T 2260, four digits. */
  prefecture_code: string;
  year: number;
  population: number;
  set_at: Moment;
}

/** The province this database belongs to: one row, written by `hub init` (migration 0003). */
export interface HubIdentityTable {
  singleton: 1;
  province_code: string;
  initialised_at: Moment;
}

/** A console account (migration 0006); flags are 0 or 1. */
export interface ConsoleAccountTable {
  province_code: string;
  id: string;
  /** Unique per province, lower case. */
  username: string;
  display_name: string;
  /** administrator, analyst, reviewer or auditor (`shared/console/roles.ts`). */
  role: string;
  /** scrypt, as `electron/security/secrets.ts` writes it. */
  password_hash: string;
  disabled: ColumnType<number, number | undefined, number>;
  /** Failed sign-ins in a row; reset by a successful one. */
  failed_attempts: ColumnType<number, number | undefined, number>;
  locked_until: Moment | null;
  created_at: Moment;
  password_changed_at: Moment;
  /** 1 after an administrator set the password: the next sign-in must replace it. */
  must_change_password: number;
}

/** A console session, found by the SHA-256 of its token (the token itself is never stored). */
export interface ConsoleSessionTable {
  province_code: string;
  token_sha256: string;
  account_id: string;
  created_at: Moment;
  last_seen_at: Moment;
  ended_at: Moment | null;
}

/** One entry of the console's hash-chained audit trail; `at` is ISO text on both engines (the hash covers it). */
export interface ConsoleAuditTable {
  province_code: string;
  seq: number;
  at: string;
  /** Null for an operator at the command line. */
  account_id: string | null;
  actor_role: string;
  action: string;
  subject: string | null;
  /** JSON without personal values. */
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** The hub's tables, as kysely sees them. */
export interface HubDatabase {
  hub_migration: HubMigrationTable;
  hub_identity: HubIdentityTable;
  station: StationTable;
  station_key: StationKeyTable;
  batch: BatchTable;
  record_version: RecordVersionTable;
  record_version_conflict: RecordVersionConflictTable;
  person: PersonTable;
  person_registration: PersonRegistrationTable;
  person_review: PersonReviewTable;
  record_erasure: RecordErasureTable;
  activity_visit: ActivityVisitTable;
  activity_session: ActivitySessionTable;
  activity_attendance: ActivityAttendanceTable;
  activity_survey_answer: ActivitySurveyAnswerTable;
  prefecture_population: PrefecturePopulationTable;
  care_family: CareFamilyTable;
  care_family_year: CareFamilyYearTable;
  care_aid_case: CareAidCaseTable;
  console_account: ConsoleAccountTable;
  console_session: ConsoleSessionTable;
  console_audit: ConsoleAuditTable;
  ingest_event: IngestEventTable;
  review_decision: ReviewDecisionTable;
  export_run: ExportRunTable;
  export_subject: ExportSubjectTable;
  export_progress: ExportProgressTable;
}

/** One export to a national platform (migration 0007): the seq range it covered, its counts, its signed manifest's hash. */
export interface ExportRunTable {
  province_code: string;
  id: string;
  platform: string;
  map_version: string;
  /** `record_version.seq` after which the run read (exclusive). */
  cursor_from: ColumnType<string | number | bigint, number, number>;
  /** The last `record_version.seq` the run covered (inclusive): the next run's `cursor_from`. */
  cursor_to: ColumnType<string | number | bigint, number, number>;
  /** JSON: rows per event type and per file. */
  counts: string;
  manifest_sha256: string;
  /** The run's folder name, inside the folder the operator named. */
  folder: string;
  created_at: Moment;
  created_by: string;
}

/** A registration a platform received: kept so that an erased record still reaches it as a withdrawal event. */
export interface ExportSubjectTable {
  province_code: string;
  platform: string;
  station_code: string;
  entity_id: string;
  /** The station's registration number (`KMU01-2026-R000297`): how the platform knows the record. */
  registration_number: string;
  program: string;
  first_seq: ColumnType<string | number | bigint, number, number>;
  run_id: string;
}

/** An export run's progress while it runs and how it ended (migration 0011). */
export interface ExportProgressTable {
  province_code: string;
  run_id: string;
  platform: string;
  state: 'running' | 'finished' | 'failed' | 'interrupted';
  /** `hub` for a run the console started, `cli <host> <pid>` for one run at the command line. */
  runner: string;
  cursor_from: ColumnType<string | number | bigint, number, number>;
  cursor_to: ColumnType<string | number | bigint, number, number>;
  done: ColumnType<string | number | bigint, number, number>;
  total: ColumnType<string | number | bigint, number, number>;
  /** The hidden folder the run writes its files in until they are complete, absolute. */
  partial_folder: string;
  /** The code of a failure. */
  failure: string | null;
  started_at: Moment;
  updated_at: Moment;
  created_by: string;
}

/** An upload or imported file the hub answered: its outcome, never its body or a personal value (migration 0008). */
export interface IngestEventTable {
  seq: Serial;
  province_code: string;
  via: 'http' | 'import';
  outcome: 'taken' | 'replayed' | 'refused';
  /** The refusal's code (docs/sync-protocol.md §9.2); null unless refused. */
  code: string | null;
  /** Null when nothing of the file named its station or batch. */
  station_code: string | null;
  batch_id: string | null;
  /** The lines of a batch taken now; null otherwise. */
  accepted: number | null;
  duplicate: number | null;
  rejected: number | null;
  /** `audit_head_regressed` when the batch's audit head went back (§8.4). */
  alert: string | null;
  bytes: ColumnType<number | string, number, number>;
  received_at: Moment;
}

/** A decision about a review entry, and its undoing (migration 0008). */
export interface ReviewDecisionTable {
  id: Serial;
  province_code: string;
  review_id: ColumnType<number | string, number, number>;
  station_code: string;
  registration_id: string;
  record_kind: string;
  person_key: string;
  decision: 'confirm_same' | 'keep_apart';
  reason: string;
  decided_by: string;
  decided_at: Moment;
  /** A confirmed contact change: the person's fields before it, sealed, and the moments they were and are set from. */
  sealed_fields_before: Buffer | null;
  fields_changed_at_before: Moment | null;
  fields_changed_at_set: Moment | null;
  undone_by: string | null;
  undone_at: Moment | null;
}
