/** Every kind of action the audit trail records. */
export const auditActions = [
  'station_setup',
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
  'logout',
  'lock',
  'unlock',
  'unlock_failed',
  'account_locked',
  'account_create',
  'settings_change',
  'key_rotation',
  'message_approve',
  'message_reject',
  'retention_purge',
  'cancel',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** The role recorded for work done from the station's command line rather than a screen. */
export const SYSTEM_ACTOR_ROLE = 'system';
