import { accountCommand } from './account-command';
import { auditVerifyCommand } from './audit-command';
import { backupCommand } from './backup-command';
import { exportCommand } from './export-command';
import { importCommand } from './import-command';
import { initCommand } from './init-command';
import { populationCommand } from './population-command';
import { reportCommand } from './report-command';
import { keysCommand } from './keys-command';
import { serveCommand } from './serve-command';
import { stationCommand } from './station-command';
import { statsCommand } from './stats-command';
import { HubKeysLockedError } from '../keys/sealed-file';
import { printLine, USAGE, UsageError } from './usage';

/**
 * The provincial hub from the command line (`npm run hub -- …`). Prints JSON lines on stdout; exits 2 on a
 * usage error, 1 when a command was refused.
 */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'init') return await initCommand(rest);
    if (command === 'backup') return await backupCommand(rest);
    if (command === 'import') return await importCommand(rest);
    if (command === 'serve') return await serveCommand(rest);
    if (command === 'station') return await stationCommand(rest);
    if (command === 'stats') return await statsCommand(rest);
    if (command === 'population') return await populationCommand(rest);
    if (command === 'report') return await reportCommand(rest);
    if (command === 'keys') return await keysCommand(rest);
    if (command === 'account') return await accountCommand(rest);
    if (command === 'audit-verify') return await auditVerifyCommand(rest);
    if (command === 'export') return await exportCommand(rest);
    if (command === 'help' || command === '--help' || command === undefined) {
      process.stderr.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command: ${command}`);
  } catch (error) {
    const usage = error instanceof UsageError || (error instanceof TypeError && String((error as { code?: string }).code).startsWith('ERR_PARSE_ARGS'));
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    // Sealed keys that did not open are a refusal like any other: one line scripts can read.
    if (error instanceof HubKeysLockedError) printLine({ refused: 'keys_locked', reason: error.reason, file: error.file });
    if (usage) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
