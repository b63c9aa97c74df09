import type { Generated } from 'kysely';

/** Table types as kysely sees them; migrations in ./migrations are the source of truth. */
export interface StationTable {
  /** Always 1: a database belongs to exactly one station. */
  id: number;
  code: string;
  name: string;
  kind: string;
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
}

export interface OutboxTable {
  seq: Generated<number>;
  kind: string;
  entity_id: string;
  version: number;
  /** Sealed (encrypted) JSON since migration 0002: it carries personal data. */
  payload: string;
  created_at: string;
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
  role: string;
  password_hash: string;
  pin_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
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

export interface StationDatabase {
  station: StationTable;
  visitor_sign_in: VisitorSignInTable;
  outbox: OutboxTable;
  schema_migration: SchemaMigrationTable;
  data_key: DataKeyTable;
  staff: StaffTable;
  audit_log: AuditLogTable;
  station_setting: StationSettingTable;
  maintenance_task: MaintenanceTaskTable;
}
