import { useT } from '../../i18n/index';
import { isErrorCode } from '../../../shared/contract/errors';
import { batchErrorCodes, recordRejectCodes, syncRecordKinds } from '../../../shared/domain/sync';

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/**
 * The words of the sync screen for codes the station and the province report: a code this build does
 * not know (a newer province) is still shown, as itself, rather than as a blank.
 */
export function useSyncText() {
  const { t } = useT();
  return {
    kind: (kind: string) => (isOneOf(syncRecordKinds, kind) ? t(`sync:kind.${kind}`) : kind),
    /** Why a run or a batch stopped: the province's codes first, then the station's own. */
    problem: (code: string) => {
      if (isOneOf(batchErrorCodes, code)) return t(`sync:batchError.${code}`);
      if (code === 'unreachable') return t('sync:unreachable');
      if (code === 'cancelled') return t('sync:cancelled');
      if (isErrorCode(code)) return t(`errors:${code}`);
      return t('sync:unknownError', { code });
    },
    recordCode: (code: string) => (isOneOf(recordRejectCodes, code) ? t(`sync:recordCode.${code}`) : t('sync:unknownError', { code })),
  };
}
