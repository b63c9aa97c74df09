import { useT } from '../../i18n/index';
import type { SyncActivity } from './types';

/**
 * The transfer under way as a progress bar: bytes while sending, batches while exporting; writing has
 * no known end, so its bar runs without a value.
 */
export function SyncProgress({ activity }: { activity: SyncActivity }) {
  const { t } = useT();
  const known = activity.total > 0;
  const description =
    activity.step === 'writing'
      ? t('sync:activity.writing', { done: activity.done })
      : activity.step === 'exporting'
        ? t('sync:activity.exporting', { current: Math.min(activity.done + 1, activity.total), total: activity.total })
        : t('sync:activity.sending', { batchId: activity.batchId ?? '', done: activity.done, total: activity.total });
  return (
    <div className="sync-progress" data-step={activity.step}>
      <progress
        aria-label={t('sync:activity.label')}
        aria-describedby="sync-progress-text"
        max={known ? activity.total : undefined}
        value={known ? Math.min(activity.done, activity.total) : undefined}
      />
      <p id="sync-progress-text" role="status">
        {description}
      </p>
    </div>
  );
}
