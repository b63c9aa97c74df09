/** Every kind of action the audit trail records. */
export const auditActions = [
  'station_setup',
  'station_rename',
  'create',
  'amend',
  'withdraw',
  'realise',
  'view',
  'view_unmasked',
  'print',
  'document_issue',
  'document_hand_over',
  'document_void',
  'export',
  'login',
  'login_failed',
  'registration_refused',
  'logout',
  'lock',
  'unlock',
  'unlock_failed',
  'account_locked',
  'account_create',
  'account_disable',
  'account_enable',
  'account_role_change',
  'account_unlock',
  'secret_reset',
  'secret_change',
  'secret_change_failed',
  'settings_change',
  'key_rotation',
  'message_approve',
  'message_reject',
  'retention_purge',
  'cancel',
  'consent_change',
  'batch_write',
  'batch_approve',
  'batch_decline',
  'batch_send',
  'ack_import',
  'province_key_import',
  'backup_take',
  'backup_inspect',
  'backup_restore',
  'id_card_read',
  'id_card_unlock',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** The role recorded for work done from the station's command line rather than a screen. */
export const SYSTEM_ACTOR_ROLE = 'system';

/**
 * Every kind of object an audit entry can name. The trail's writer takes only these, so the screen
 * has a word for each in every language (a test checks the locale files against this list).
 */
export const auditObjectTypes = [
  'station',
  'station_setting',
  'staff',
  'visitor_sign_in',
  'visitor_message',
  'registration',
  'person',
  'refusal',
  'follow_up',
  'search',
  'document',
  'signing_key',
  'recovery_key',
  'province_key',
  'education_session',
  'education_group',
  'education_walk_in',
  'education_survey',
  'memorial_entry',
  'figures',
  'dashboard',
  'kiosk_registration',
  'kiosk_held_change',
  'sync_batch',
  'outbox',
  'backup',
  'id_card',
] as const;
export type AuditObjectType = (typeof auditObjectTypes)[number];

export function isAuditObjectType(value: string): value is AuditObjectType {
  return (auditObjectTypes as readonly string[]).includes(value);
}
