import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/db/migrations/index';

const migrationsFolder = fileURLToPath(new URL('../../../electron/db/migrations/', import.meta.url));
const testsFolder = fileURLToPath(new URL('./', import.meta.url));

interface MigrationSource {
  name: string;
  source: string;
}

/** The code of a migration that runs when it is applied: without comments, nor the bodies of the triggers it creates (they run on later writes). */
function runsOnApply(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/create trigger[\s\S]*?\bend`/gi, '');
}

/**
 * Whether applying the migration changes rows that are already there: it inserts, updates or deletes
 * (in SQL or through the query builder), or adds a column with a default to an existing table, which
 * gives every existing row that value (a column added without one is NULL for them, which changes nothing).
 */
function changesExistingData(source: string): boolean {
  const code = runsOnApply(source);
  if (/\binsert\s+into\b|\bupdate\s|\bdelete\s+from\b|\b(insertInto|updateTable|deleteFrom)\(/i.test(code)) return true;
  if (/\badd\s+column\b[^`;]*\bdefault\b/i.test(code)) return true;
  return code.split('.execute(').some((statement) => statement.includes('alterTable(') && statement.includes('defaultTo('));
}

/** The number a migration's name starts with, which names its test file too: `0010` of `0010_sync`. */
function numberOf(name: string): string {
  return name.slice(0, name.indexOf('_'));
}

/** The data-changing migrations with no test file named by their number (`0010_….test.ts`) among `testFiles`. */
function untestedDataMigrations(sources: readonly MigrationSource[], testFiles: readonly string[]): string[] {
  return sources
    .filter(({ source }) => changesExistingData(source))
    .map(({ name }) => name)
    .filter((name) => !testFiles.some((file) => file.startsWith(`${numberOf(name)}_`) && file.endsWith('.test.ts')));
}

const sources: MigrationSource[] = migrations.map(([name]) => ({ name, source: readFileSync(`${migrationsFolder}${name}.ts`, 'utf8') }));
const testFiles = readdirSync(testsFolder);

describe('migration tests', () => {
  it('exist for every migration that changes rows already in the database', () => {
    expect(untestedDataMigrations(sources, testFiles)).toEqual([]);
  });

  it('are missed: without its test file, each data-changing migration is named', () => {
    const dataChanging = sources.filter(({ source }) => changesExistingData(source)).map(({ name }) => name);
    expect(dataChanging.length).toBeGreaterThan(0);
    for (const name of dataChanging) {
      const withoutIt = testFiles.filter((file) => !file.startsWith(`${numberOf(name)}_`));
      expect(untestedDataMigrations(sources, withoutIt), name).toEqual([name]);
    }
  });

  it('are asked of migrations that insert, update or give existing rows a default, not of those that only add tables, triggers or empty columns', () => {
    const dataChanging = sources.filter(({ source }) => changesExistingData(source)).map(({ name }) => name);
    // Backfills and moves (0010, 0012, 0013, 0014), a task requested (0002, 0017, 0018), a default for existing accounts (0016).
    expect(dataChanging).toEqual(
      expect.arrayContaining(['0002_security', '0010_sync', '0012_dashboard_figures', '0013_outbox_payload', '0014_sync_sent', '0016_staff_management', '0017_name_index_case', '0018_name_list_rekey']),
    );
    // Tables with triggers that update on later writes (0003, 0006), a column without a default (0008, 0011).
    for (const name of ['0003_registration', '0006_memorial_names', '0008_realised_donation', '0011_registration_source']) expect(dataChanging).not.toContain(name);
  });
});
