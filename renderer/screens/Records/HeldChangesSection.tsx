import { useCallback } from 'react';
import { useT } from '../../i18n/index';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useFormatDateTime } from '../../hooks/useFormatDateTime';
import { useSubmit } from '../../hooks/useSubmit';
import type { OnUpdated, PersonRecord } from './types';

type HeldChange = PersonRecord['heldChanges'][number];

/**
 * A phone typed at the public kiosk for this person, which the kiosk may not apply: staff who have
 * seen the person (and their document) confirm it as a new version, or discard it.
 */
export function HeldChangesSection({ record, onUpdated }: { record: PersonRecord; onUpdated: OnUpdated }) {
  const { t } = useT();
  if (record.heldChanges.length === 0) return null;
  return (
    <section className="held-changes" aria-labelledby="held-changes-title" data-testid="held-changes">
      <h2 id="held-changes-title">{t('records:heldChanges.title')}</h2>
      <p>{t('records:heldChanges.intro')}</p>
      <ul>
        {record.heldChanges.map((held) => (
          <HeldChangeItem key={held.id} record={record} held={held} onUpdated={onUpdated} />
        ))}
      </ul>
    </section>
  );
}

function HeldChangeItem({ record, held, onUpdated }: { record: PersonRecord; held: HeldChange; onUpdated: OnUpdated }) {
  const { t } = useT();
  const formatDateTime = useFormatDateTime();
  const { id: personId, version: expectedVersion } = record;
  const confirmCall = useCallback(() => call('person:confirmHeldChange', { personId, heldChangeId: held.id, expectedVersion }), [personId, held.id, expectedVersion]);
  const discardCall = useCallback(() => call('person:discardHeldChange', { personId, heldChangeId: held.id, expectedVersion }), [personId, held.id, expectedVersion]);
  const confirmed = useCallback((updated: PersonRecord) => onUpdated(updated, { action: 'heldConfirmed' }), [onUpdated]);
  const discarded = useCallback((updated: PersonRecord) => onUpdated(updated, { action: 'heldDiscarded' }), [onUpdated]);
  const confirm = useSubmit(confirmCall, confirmed);
  const discard = useSubmit(discardCall, discarded);
  const busy = confirm.busy || discard.busy;
  return (
    <li data-testid="held-change">
      <p>{t('records:heldChanges.phone', { phone: held.phone, time: formatDateTime(held.heldAt) })}</p>
      <ErrorBanner code={confirm.errorCode ?? discard.errorCode} />
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void confirm.submit()}>
          {t('records:heldChanges.confirm')}
        </button>
        <button type="button" disabled={busy} onClick={() => void discard.submit()}>
          {t('records:heldChanges.discard')}
        </button>
      </div>
    </li>
  );
}
