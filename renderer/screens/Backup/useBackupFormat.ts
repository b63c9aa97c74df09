import { useT } from '../../i18n/index';
import { syncRecordKinds, type SyncRecordKind } from '../../../shared/domain/sync';

/** Sizes in the reader's number format (kB, MB), and outbox kinds in words where this build knows them. */
export function useBackupFormat() {
  const { t, i18n } = useT();
  const size = (bytes: number) => {
    const megabytes = bytes >= 1_000_000;
    const format = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: megabytes ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 });
    return format.format(megabytes ? bytes / 1_000_000 : bytes / 1_000);
  };
  const kind = (value: string) => ((syncRecordKinds as readonly string[]).includes(value) ? t(`sync:kind.${value as SyncRecordKind}`) : value);
  return { size, kind };
}
