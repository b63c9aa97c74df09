import { useCallback, useState } from 'react';
import { call } from '../../api/client';
import { useConfirmedAction } from '../../hooks/useConfirmedAction';
import { ReasonActionForm } from '../../components/ReasonActionForm';
import type { MemorialEntryView } from './types';

interface WithdrawConsentFormProps {
  entry: MemorialEntryView;
  onDone: (entry: MemorialEntryView) => void;
  onCancel: () => void;
}

/** Withdraws the family's consent with the reason; the name leaves the public list at once, so it asks once more. */
export function WithdrawConsentForm({ entry, onDone, onCancel }: WithdrawConsentFormProps) {
  const [reason, setReason] = useState('');
  const withdraw = useCallback(() => call('nameList:withdrawConsent', { entryId: entry.id, reason }), [entry.id, reason]);
  const action = useConfirmedAction(withdraw, onDone);

  return (
    <ReasonActionForm
      id="withdraw-consent"
      texts="nameListDesk:withdraw"
      textValues={{ name: entry.name }}
      action={action}
      reason={reason}
      onReasonChange={setReason}
      onCancel={onCancel}
    />
  );
}
