import type { backupCalls } from '../../shared/contract/backup-calls';
import type { StationServices } from '../services/index';
import { actor, type AreaHandlers } from './caller';

/** Maps each call of `backupCalls` to the service method that carries it out. */
export function backupHandlers(services: StationServices): AreaHandlers<keyof typeof backupCalls> {
  const { backup, recovery } = services;
  return {
    'backup:status': () => backup.status(),
    'backup:now': (_input, caller) => backup.take(actor(caller)),
    'backup:settings': (input, caller) => backup.changeSettings(input, actor(caller)),
    'backup:inspect': (input, caller) => backup.inspect(input.file, actor(caller)),
    'backup:restore': (input, caller) => backup.stageRestore(input.file, input.confirm, actor(caller)),
    'backup:cancelRestore': (_input, caller) => backup.cancelRestore(actor(caller)),
    'backup:newRecoveryCode': (_input, caller) => recovery.reissue(actor(caller)),
    'backup:restoreWithRecoveryCode': (input, caller) => backup.restoreWithRecoveryCode(input.file, input.recoveryCode, actor(caller)),
  };
}
