import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/index';
import type { CallOutput } from '../../../shared/contract/calls';
import type { ErrorCode } from '../../../shared/contract/errors';
import { asApiError, call } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { REVEAL_SECONDS } from '../../components/RevealValue';
import type { GroupView } from './types';

type Contact = CallOutput<'education:revealContact'>;

/**
 * A group's contact adult, masked, with the button that shows name and phone in full: an audited call,
 * kept in this component only and masked again after a short while.
 */
export function GroupContact({ group }: { group: GroupView }) {
  const { t } = useT();
  const [contact, setContact] = useState<Contact | null>(null);
  const [busy, setBusy] = useState(false);
  const [errorCode, setErrorCode] = useState<ErrorCode | null>(null);

  useEffect(() => {
    if (contact === null) return undefined;
    const timer = setTimeout(() => setContact(null), REVEAL_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [contact]);

  const reveal = useCallback(async () => {
    setBusy(true);
    try {
      setContact(await call('education:revealContact', { groupId: group.id }));
      setErrorCode(null);
    } catch (error) {
      setErrorCode(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  }, [group.id]);

  return (
    <span className="reveal">
      <span className={contact === null ? 'reveal__value' : 'reveal__value reveal__value--full'} data-testid="group-contact">
        {t('sessions:groups.contactValue', { name: contact?.contactName ?? group.contactName, phone: contact?.contactPhone ?? group.contactPhone })}
      </span>
      {contact === null ? (
        <button type="button" className="small" onClick={() => void reveal()} disabled={busy}>
          {t('sessions:groups.reveal')}
        </button>
      ) : null}
      <ErrorBanner code={errorCode} />
    </span>
  );
}
