import type { ValidationReason } from '../validation/reasons';

/** The one list of error codes that cross the boundary; the renderer translates each as `errors:<code>`. */
export const errorCodes = [
  'validation_failed',
  'unknown_call',
  'bad_request',
  'unauthorized',
  'station_not_set_up',
  'station_already_set_up',
  'database_too_new',
  'data_key_missing',
  'data_key_mismatch',
  'data_key_unreadable',
  'data_folder_locked',
  'data_folder_unsafe',
  'not_signed_in',
  'forbidden',
  'session_locked',
  'login_failed',
  'account_locked',
  'pin_incorrect',
  'try_again',
  'username_taken',
  'secret_change_required',
  'current_secret_incorrect',
  'secret_unchanged',
  'last_admin',
  'not_found',
  'already_registered',
  'person_details_mismatch',
  'refusal_on_file',
  'see_staff',
  'active_registrations_exist',
  'version_conflict',
  'registration_not_active',
  'identity_mismatch',
  'stem_cell_transition',
  'notarisation_required',
  'not_stem_cell',
  'not_body_donation',
  'donation_not_realised',
  'document_voided',
  'document_already_handed_over',
  'handover_not_the_registrant',
  'signature_too_little',
  'document_not_voidable',
  'document_replaced',
  'memorial_consent_withdrawn',
  'memorial_entry_duplicate',
  'memorial_person_listed',
  'family_registration_not_realised',
  'family_already_open',
  'family_do_not_contact',
  'family_engraving_not_consented',
  'family_invitation_exists',
  'family_follow_up_closed',
  'group_already_checked_in',
  'message_not_pending',
  'session_cancelled',
  'session_not_held',
  'session_already_started',
  'session_not_started',
  'check_in_closed',
  'survey_closed',
  'survey_already_given',
  'sync_endpoint_missing',
  'sync_busy',
  'sync_folder_unusable',
  'sync_batch_floor_unconfirmed',
  'sync_endpoint_admin_only',
  'sync_endpoint_unverified',
  'province_key_missing',
  'province_key_invalid',
  'ack_invalid',
  'ack_signature_invalid',
  'ack_mismatch',
  'batch_not_pending_approval',
  'batch_not_last',
  'approval_needs_second_person',
  'outbox_row_not_rejected',
  'backup_corrupt',
  'backup_folder_missing',
  'backup_folder_unusable',
  'backup_file_not_found',
  'backup_busy',
  'backup_integrity_failed',
  'backup_schema_too_new',
  'backup_other_station',
  'backup_key_outdated',
  'backup_unsynced_work',
  'backup_not_recoverable',
  'recovery_code_wrong',
  'backup_restore_pending',
  'export_not_ready',
  'export_failed',
  'aid_cause_taken',
  'aid_four_eyes',
  'aid_step_out_of_order',
  'aid_notice_not_ended',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One rejected field: where it is in the input, and why (a validation reason). */
export interface FieldIssue {
  path: string;
  reason: ValidationReason;
  /** Values the reason's sentence names (`{{min}}`–`{{max}}`), when it names any. */
  params?: Record<string, string | number>;
}

export interface CallError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

/** What every call returns on either transport; never an `Error` object. */
export type CallResult<T> = { ok: true; data: T } | { ok: false; error: CallError };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
