import type { CliCommand } from '../command';
import { auditVerifyCommand } from './audit-verify';
import { backupCommand, restoreCommand } from './backup';
import { doctorCommand } from './doctor';
import { exportPublicKeyCommand, verifyDocumentCommand } from './documents';
import { idCardReaderCommand } from './id-card-reader';
import { initCommand } from './init';
import { printSampleCommand } from './print-sample';
import { receiptPrinterCommand } from './receipt-printer';
import { registerCommand } from './register';
import { rotateKeyCommand } from './rotate-key';
import { seedCommand } from './seed';
import { statsCommand } from './stats';
import { exportCommand, importAckCommand, provinceKeyCommand, syncCommand, verifyBatchCommand } from './sync';
import { validateIdCommand } from './validate-id';

/** Every command of the command line, in the order the help lists them. */
export const cliCommands: readonly CliCommand[] = [
  doctorCommand,
  initCommand,
  validateIdCommand,
  registerCommand,
  seedCommand,
  statsCommand,
  rotateKeyCommand,
  auditVerifyCommand,
  printSampleCommand,
  verifyDocumentCommand,
  exportPublicKeyCommand,
  receiptPrinterCommand,
  idCardReaderCommand,
  provinceKeyCommand,
  exportCommand,
  syncCommand,
  importAckCommand,
  verifyBatchCommand,
  backupCommand,
  restoreCommand,
];

/** The command typed, or undefined when there is none of that name. */
export function findCommand(name: string): CliCommand | undefined {
  return cliCommands.find((command) => command.name === name);
}
