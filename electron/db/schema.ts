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
  visitor_name: string | null;
  version: number;
}

export interface OutboxTable {
  seq: Generated<number>;
  kind: string;
  entity_id: string;
  version: number;
  payload: string;
  created_at: string;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: string;
}

export interface StationDatabase {
  station: StationTable;
  visitor_sign_in: VisitorSignInTable;
  outbox: OutboxTable;
  schema_migration: SchemaMigrationTable;
}
