import type { HubDatabaseOptions } from '../db/open';

/** How the hub is called from the command line. */
export const USAGE = `usage:
  npm run hub -- init --province CODE --keys KEYDIR (--db HUB.sqlite | --postgres postgresql://...) [--passphrase-file FILE] [--admin USERNAME [--admin-name NAME] [--admin-password-file FILE]]
  npm run hub -- backup --out FILE (--db HUB.sqlite | --postgres postgresql://...)
  npm run hub -- import DIR (--db HUB.sqlite | --postgres postgresql://...) [--province CODE] --keys KEYDIR [--passphrase-file FILE] [--out OUTDIR]
  npm run hub -- serve (--db HUB.sqlite | --postgres postgresql://...) [--province CODE] --keys KEYDIR [--passphrase-file FILE] [--host 127.0.0.1] [--port 8790] [--base-path /relay] [--max-uploads 4] [--console-ui DIR] [--console-idle-minutes 15] [--exports DIR] [--behind-tls]
  npm run hub -- station add --code CODE --kind KIND --region REGION --key station.pem [--name NAME] (--db HUB.sqlite | --postgres postgresql://...) [--province CODE]
  npm run hub -- stats --from YYYY-MM-DD --to YYYY-MM-DD (--db HUB.sqlite | --postgres postgresql://...) [--province CODE]
  npm run hub -- report yearly --year YYYY --out REPORT.pdf (--db HUB.sqlite | --postgres postgresql://...) [--province CODE]
  npm run hub -- report figures --from YYYY-MM-DD --to YYYY-MM-DD [--format xlsx|csv] [--language zh-CN|en] --out FILE (--db HUB.sqlite | --postgres postgresql://...) [--province CODE]
  npm run hub -- keys change-passphrase --keys KEYDIR [--passphrase-file FILE] [--new-passphrase-file FILE]
  npm run hub -- population set --prefecture CODE --population N --year YYYY (--db HUB.sqlite | --postgres postgresql://...) [--province CODE]
  npm run hub -- export --platform codac|cmdp|receiving-stations|social-card --out DIR (--db HUB.sqlite | --postgres postgresql://...) [--province CODE] --keys KEYDIR [--passphrase-file FILE] [--from SEQ]
  npm run hub -- export verify DIR (--keys KEYDIR | --public-key PEM)
  npm run hub -- account add --username NAME --role ROLE [--display-name NAME] [--password-file FILE] --keys KEYDIR [--passphrase-file FILE] (--db HUB.sqlite | --postgres postgresql://...) [--province CODE]
  npm run hub -- audit-verify --keys KEYDIR [--passphrase-file FILE] (--db HUB.sqlite | --postgres postgresql://...) [--province CODE]
kinds: university_station, memorial_kiosk, education_base
the commands that open KEYDIR want its passphrase (12 characters or more): --passphrase-file FILE, or
RELAY_HUB_PASSPHRASE; the new one of change-passphrase: --new-passphrase-file FILE, or RELAY_HUB_NEW_PASSPHRASE
roles: administrator, analyst, reviewer, auditor; a console account's first password (12 characters or more, replaced
at the first sign-in): --admin-password-file FILE or RELAY_HUB_ADMIN_PASSWORD, --password-file FILE or RELAY_HUB_ACCOUNT_PASSWORD`;

/** A command line the hub cannot run: exit code 2 and the usage. */
export class UsageError extends Error {}

/** The database a command names: a SQLite file (`--db`) or a PostgreSQL connection string (`--postgres`), not both. */
export function databaseOption(values: { db?: string; postgres?: string }): HubDatabaseOptions {
  if (values.db !== undefined && values.postgres !== undefined) throw new UsageError('name either --db or --postgres, not both');
  if (values.db !== undefined) return { engine: 'sqlite', file: values.db };
  if (values.postgres !== undefined) return { engine: 'postgres', connection: { connectionString: values.postgres } };
  throw new UsageError('--db or --postgres is required');
}

/** The province code (GB/T 2260: two digits); commands after `hub init` read it from the database instead. */
export function provinceOption(value: string | undefined): string {
  if (value === undefined) throw new UsageError('--province is required');
  if (!/^\d{2}$/.test(value)) throw new UsageError(`--province wants two digits (GB/T 2260), not ${value}`);
  return value;
}

/** Writes one JSON line on stdout: the hub's command-line output is for scripts and logs. */
export function printLine(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
